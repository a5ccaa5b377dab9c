import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isTrustedIssue, parseTrustedAuthors, planFeedbackMerge, type MergeIssue } from '../../../../src/lib/feedback/merge/plan-merge.ts';
import { renderFeedbackIssueBody } from '../../../../src/lib/feedback/render-issue.ts';
import type { FeedbackForm } from '../../../../src/schema/feedback-form.ts';
import { PLAN } from './fixture.ts';

const TEMPLATE = readFileSync(new URL('../../../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');
const TRUSTED = parseTrustedAuthors('relay-bot, Sam');
const PLANS = [{ file: 'plans/northwind.mdx', source: PLAN }];

function makeIssue(number: number, form: FeedbackForm, fields: Partial<MergeIssue> = {}): MergeIssue {
	return { number, author: 'relay-bot', createdAt: '2026-05-04', labels: ['plan-feedback'], body: renderFeedbackIssueBody(form, TEMPLATE), ...fields };
}

describe('parseTrustedAuthors', () => {
	test('reads comma-separated logins, trimmed and lower-cased', () => {
		expect([...parseTrustedAuthors(' relay-bot, Sam ,,')]).toEqual(['relay-bot', 'sam']);
	});
});

describe('isTrustedIssue', () => {
	test.each([
		[{ author: 'relay-bot', labels: [] }, true],
		[{ author: 'SAM', labels: [] }, true],
		[{ author: 'stranger', labels: ['feedback-trusted'] }, true],
		[{ author: 'stranger', labels: ['plan-feedback'] }, false],
	])('says %j is trusted: %s', (issue, expected) => {
		expect(isTrustedIssue(issue, TRUSTED)).toBe(expected);
	});
});

describe('planFeedbackMerge', () => {
	test('applies issues in number order, each on top of the last, and sorts out the rest', () => {
		const outcomes = planFeedbackMerge({
			issues: [
				makeIssue(14, { kind: 'new-date', deal: 'northwind', action: 'sign', date: '2026-06-20', from: 'Ana' }),
				makeIssue(12, { kind: 'done', deal: 'northwind', action: 'legal-review', from: 'Ana' }),
				makeIssue(15, { kind: 'comment', deal: 'northwind', message: 'Hi', from: 'Eve' }, { author: 'eve' }),
				makeIssue(16, { kind: 'comment', deal: 'contoso', message: 'Hi', from: 'Ana' }),
				makeIssue(17, { kind: 'comment', deal: 'northwind', message: 'Hi', from: 'Ana' }, { body: 'hello' }),
			],
			plans: PLANS,
			template: TEMPLATE,
			trustedAuthors: TRUSTED,
		});
		expect(outcomes.map((outcome) => [outcome.issue.number, outcome.kind])).toEqual([
			[12, 'applied'],
			[14, 'applied'],
			[15, 'untrusted'],
			[16, 'rejected'],
			[17, 'rejected'],
		]);
		const last = outcomes[1]!;
		expect(last.kind === 'applied' && last.source).toContain('applied:\n    - 12\n    - 14\n');
		expect(outcomes[3]!.kind === 'rejected' && outcomes[3]!.reason).toMatchInlineSnapshot(`"There is no plan for the deal "contoso"."`);
		expect(outcomes[4]!.kind === 'rejected' && outcomes[4]!.reason).toMatchInlineSnapshot(`
			"The issue is not a usable feedback form:
			  This issue was not written with the plan-feedback form: it has none of the headings "### Deal", "### Kind", "### Action", "### Date", "### Message", "### From". Send feedback through the link on the plan's site."
		`);
	});

	test('reports an issue the plan already records as already applied', () => {
		const issue = makeIssue(12, { kind: 'comment', deal: 'northwind', message: 'Hi', from: 'Ana' });
		const [first] = planFeedbackMerge({ issues: [issue], plans: PLANS, template: TEMPLATE, trustedAuthors: TRUSTED });
		const source = first!.kind === 'applied' ? first!.source : '';
		const again = planFeedbackMerge({ issues: [issue], plans: [{ file: 'plans/northwind.mdx', source }], template: TEMPLATE, trustedAuthors: TRUSTED });
		expect(again).toEqual([{ kind: 'already-applied', issue, file: 'plans/northwind.mdx' }]);
	});
});
