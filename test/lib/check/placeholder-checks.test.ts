import { describe, expect, test } from 'vitest';
import { findPlaceholders } from '../../../src/lib/check/placeholder-checks.ts';
import { findPlaceholderTexts, markPlaceholder } from '../../../src/lib/placeholders.ts';
import { formatChecked, planWith, VALID_YAML, wrapPlan } from './fixture.ts';

describe('findPlaceholderTexts', () => {
	test.each([
		['Hello [[Full name]]', ['[[Full name]]']],
		['[[one]] and [[two]]', ['[[one]]', '[[two]]']],
		['a [[ split\nover lines ]] b', []],
		['[[]] empty', []],
		['[[x]]', ['[[x]]']],
		['text between [[ and ]] names the convention', []],
		['plain [text] and [link](https://example.com)', []],
	])('finds the placeholders in %j', (text, expected) => {
		expect(findPlaceholderTexts(text)).toEqual(expected);
	});

	test('finds what markPlaceholder writes', () => {
		expect(findPlaceholderTexts(`x ${markPlaceholder('Name of the champion')} y`)).toEqual(['[[Name of the champion]]']);
	});
});

describe('findPlaceholders', () => {
	test('says nothing about a plan without placeholders', () => {
		expect(findPlaceholders('plans/northwind.mdx', wrapPlan(VALID_YAML))).toEqual([]);
	});

	test('warns about each placeholder with its line, field and text, in the frontmatter and the body', () => {
		const source = planWith((plan) => {
			plan.stakeholders[0].name = '[[Dana Whitfield]]';
			plan.objective.buyer = 'Cut costs by [[a number]] before [[a date]]';
		}).replace('Body text.', 'Why now:\n\n[[A few sentences in the buyer\'s words.]]');
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:13: warning: objective.buyer still holds the placeholder "[[a number]]".
			    Replace the text in [[…]] with the real content; \`npm run build\` refuses to publish a plan that still has placeholders.
			plans/northwind.mdx:13: warning: objective.buyer still holds the placeholder "[[a date]]".
			    Replace the text in [[…]] with the real content; \`npm run build\` refuses to publish a plan that still has placeholders.
			plans/northwind.mdx:16: warning: stakeholders[0].name still holds the placeholder "[[Dana Whitfield]]".
			    Write the real person's name, and rename "ann" to match it (Priya Shah is "priya-shah") wherever it is used: owner, attendees.
			plans/northwind.mdx:48: warning: body still holds the placeholder "[[A few sentences in the buyer's words.]]".
			    Replace the text in [[…]] with the real content; \`npm run build\` refuses to publish a plan that still has placeholders."
		`);
	});

	test('still finds placeholders by line when the YAML does not parse', () => {
		const source = wrapPlan(`${VALID_YAML}successCriteria: ["[[criterion]]"\n`);
		const problems = findPlaceholders('plans/northwind.mdx', source);
		const line = source.split('\n').findIndex((text) => text.includes('[[criterion]]')) + 1;
		expect(problems.map(({ line, path, severity }) => ({ line, path, severity }))).toEqual([{ line, path: '', severity: 'warning' }]);
	});

	test('ignores placeholder-like text in YAML comments', () => {
		expect(findPlaceholders('plans/northwind.mdx', wrapPlan(`# Replace every [[placeholder]].\n${VALID_YAML}`))).toEqual([]);
	});
});
