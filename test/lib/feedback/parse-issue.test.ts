import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseFeedbackIssue } from '../../../src/lib/feedback/parse-issue.ts';
import { renderFeedbackIssueBody } from '../../../src/lib/feedback/render-issue.ts';
import type { FeedbackForm } from '../../../src/schema/feedback-form.ts';

const TEMPLATE = readFileSync(new URL('../../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');

type Fields = Partial<Record<'deal' | 'kind' | 'action' | 'date' | 'message' | 'from', string>>;

/** The body GitHub renders, written by hand so the tests do not lean on the renderer. */
function body(fields: Fields): string {
	const labels = { deal: 'Deal', kind: 'Kind', action: 'Action', date: 'Date', message: 'Message', from: 'From' };
	return Object.entries(labels)
		.map(([id, label]) => `### ${label}\n\n${fields[id as keyof Fields] ?? '_No response_'}\n\n`)
		.join('');
}

function problemsOf(text: string): string[] {
	const result = parseFeedbackIssue(text, TEMPLATE);
	if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.form)}`);
	return result.problems;
}

const FORMS: [string, FeedbackForm][] = [
	['done', { kind: 'done', deal: 'northwind', action: 'legal-review', from: 'Ana Ruiz' }],
	[
		'done with a date and a note',
		{ kind: 'done', deal: 'northwind', action: 'legal-review', date: '2026-05-12', message: 'Signed.', from: 'Ana' },
	],
	[
		'new-date',
		{ kind: 'new-date', deal: 'northwind', action: 'security-review', date: '2026-06-01', message: 'CISO away.', from: 'Ana' },
	],
	['plan-wide comment', { kind: 'comment', deal: 'northwind', message: 'Looks good.\n\nSee you Tuesday.', from: 'Ana' }],
	['comment on an action', { kind: 'comment', deal: 'northwind', action: 'pilot', message: 'On track.', from: 'Ana' }],
	['new-action', { kind: 'new-action', deal: 'northwind', date: '2026-07-01', message: 'Add a DPA review.', from: 'Ana' }],
	['new-risk', { kind: 'new-risk', deal: 'northwind', message: 'Budget freeze in Q3.', from: 'Ana' }],
	[
		'a message full of hashes and backslashes',
		{
			kind: 'comment',
			deal: 'northwind',
			message: '# Title\n  ### Action\nC# and F#, issue #12, a##b, C:\\#dir\\\\#x, \\##, trailing #',
			from: 'Ana',
		},
	],
];

describe('parseFeedbackIssue', () => {
	test.each(FORMS)('reads back a rendered %s form unchanged', (_, form) => {
		expect(parseFeedbackIssue(renderFeedbackIssueBody(form, TEMPLATE), TEMPLATE)).toEqual({ ok: true, form });
	});

	test('reads a body GitHub rendered, leaving _No response_ fields out', () => {
		const result = parseFeedbackIssue(body({ deal: 'northwind', kind: 'comment', message: 'Hi', from: 'Ana' }), TEMPLATE);
		expect(result).toEqual({ ok: true, form: { kind: 'comment', deal: 'northwind', message: 'Hi', from: 'Ana' } });
	});

	test('reads a body with Windows line endings', () => {
		const text = body({ deal: 'northwind', kind: 'comment', message: 'Line one\n\nLine two', from: 'Ana' });
		expect(parseFeedbackIssue(text.replaceAll('\n', '\r\n'), TEMPLATE)).toEqual({
			ok: true,
			form: { kind: 'comment', deal: 'northwind', message: 'Line one\n\nLine two', from: 'Ana' },
		});
	});

	test('removes zero-width and right-to-left override characters from every value', () => {
		const text = body({
			deal: 'north\u200Bwind',
			kind: 'com\uFEFFment',
			message: 'pay \u202Eevil\u202C now\u2066\u2069\u200D\u2060',
			from: '\u200CAna',
		});
		expect(parseFeedbackIssue(text, TEMPLATE)).toEqual({
			ok: true,
			form: { kind: 'comment', deal: 'northwind', message: 'pay evil now', from: 'Ana' },
		});
	});

	test('keeps HTML, script and MDX as plain text', () => {
		const message = '<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n{props.secret}\nimport X from "y"\n<Gate />';
		expect(parseFeedbackIssue(body({ deal: 'northwind', kind: 'comment', message, from: 'Ana' }), TEMPLATE)).toEqual({
			ok: true,
			form: { kind: 'comment', deal: 'northwind', message, from: 'Ana' },
		});
	});

	test('rejects a "### Action" line smuggled into the message', () => {
		const text = body({ deal: 'northwind', kind: 'done', action: 'pilot', message: 'ok\n\n### Action\n\nsign-contract', from: 'Ana' });
		expect(problemsOf(text)).toMatchInlineSnapshot(`
			[
			  "Line 21: "### Action" appears a second time; each field may appear once, and a "### " line inside a value would replace the real field.",
			]
		`);
	});

	test('rejects "###" in the middle of a line, which the parser would also split on', () => {
		const text = body({ deal: 'northwind', kind: 'comment', message: 'see ### Action', from: 'Ana' });
		expect(problemsOf(text)).toMatchInlineSnapshot(`
			[
			  "Line 19 contains "###", which would be read as the start of another field; remove it.",
			]
		`);
	});

	test('rejects a heading that is not a field of the form', () => {
		expect(problemsOf(`${body({ deal: 'northwind', kind: 'comment', message: 'Hi', from: 'Ana' })}### Notes\n\nx\n`))
			.toMatchInlineSnapshot(`
				[
				  "Line 25: "### Notes" is not a field of the plan-feedback form; its fields are Deal, Kind, Action, Date, Message, From.",
				]
			`);
	});

	test('rejects text before the first heading', () => {
		expect(problemsOf(`Hello!\n\n${body({ deal: 'northwind', kind: 'comment', message: 'Hi', from: 'Ana' })}`))
			.toMatchInlineSnapshot(`
				[
				  "There is text before the first "### " heading; only the form's fields may appear in the issue.",
				]
			`);
	});

	test('rejects a heading hidden by a zero-width character once the character is removed', () => {
		const text = body({ deal: 'northwind', kind: 'comment', message: 'Hi\n#\u200B## From\n\nMallory', from: 'Ana' });
		expect(problemsOf(text)).toMatchInlineSnapshot(`
			[
			  "Line 24: "### From" appears a second time; each field may appear once, and a "### " line inside a value would replace the real field.",
			]
		`);
	});

	const NOT_FROM_FORM =
		'This issue was not written with the plan-feedback form: it has none of the headings "### Deal", "### Kind", "### Action", "### Date", "### Message", "### From". Send feedback through the link on the plan\'s site.';

	test.each([
		['plain prose', 'Hi, can we move the legal review to next week? Thanks, Ana'],
		['Markdown with other headings', '## Feedback\n\nAll good.\n\n### Thoughts\n\nNone.'],
		['an empty body', ''],
	])('rejects free text not from the form: %s', (_, text) => {
		expect(problemsOf(text)).toEqual([NOT_FROM_FORM]);
	});

	test('rejects a body over 64 KB before parsing it', () => {
		const text = body({ deal: 'northwind', kind: 'comment', message: 'x'.repeat(1024 * 1024), from: 'Ana' });
		expect(problemsOf(text)).toMatchInlineSnapshot(`
			[
			  "The issue body is 1025 KB; feedback issues are limited to 64 KB.",
			]
		`);
	});

	test('counts bytes, not characters, against the 64 KB limit', () => {
		const text = body({ deal: 'northwind', kind: 'comment', message: '\u00e9'.repeat(33 * 1024), from: 'Ana' });
		expect(problemsOf(text)).toMatchInlineSnapshot(`
			[
			  "The issue body is 67 KB; feedback issues are limited to 64 KB.",
			]
		`);
	});

	test('rejects a message over 4000 characters', () => {
		const text = body({ deal: 'northwind', kind: 'comment', message: 'x'.repeat(4001), from: 'Ana' });
		expect(problemsOf(text)).toMatchInlineSnapshot(`
			[
			  "Message is 4001 characters long; the limit is 4000.",
			]
		`);
	});

	test.each([
		['2026-02-30', 'Date "2026-02-30" is not a real calendar date; check the day and the month.'],
		['31/12/2026', 'Date "31/12/2026" must be a date written as YYYY-MM-DD, for example 2026-05-17.'],
		['tomorrow', 'Date "tomorrow" must be a date written as YYYY-MM-DD, for example 2026-05-17.'],
	])('rejects the date %s with a clear problem', (date, problem) => {
		const text = body({ deal: 'northwind', kind: 'new-date', action: 'pilot', date, from: 'Ana' });
		expect(problemsOf(text)).toEqual([problem]);
	});

	test.each<[string, Fields, string[]]>([
		['done without an action', { deal: 'northwind', kind: 'done', from: 'Ana' }, ['Action is required when kind is "done".']],
		[
			'new-date without an action or a date',
			{ deal: 'northwind', kind: 'new-date', from: 'Ana' },
			['Action is required when kind is "new-date".', 'Date is required when kind is "new-date".'],
		],
		['comment without a message', { deal: 'northwind', kind: 'comment', from: 'Ana' }, ['Message is required when kind is "comment".']],
		['comment with a blank message', { deal: 'northwind', kind: 'comment', message: '  ', from: 'Ana' }, ['Message is required when kind is "comment".']],
		['new-action without a message', { deal: 'northwind', kind: 'new-action', from: 'Ana' }, ['Message is required when kind is "new-action".']],
		[
			'new-risk without a message or a name',
			{ deal: 'northwind', kind: 'new-risk' },
			['Message is required when kind is "new-risk".', 'From is required.'],
		],
		['no deal', { kind: 'comment', message: 'Hi', from: 'Ana' }, ['Deal is required.']],
		['no kind', { deal: 'northwind', message: 'Hi', from: 'Ana' }, ['Kind is required.']],
	])('names the missing fields: %s', (_, fields, problems) => {
		expect(problemsOf(body(fields))).toEqual(problems);
	});

	test.each<[string, Fields, string]>([
		[
			'an unknown kind',
			{ deal: 'northwind', kind: 'Done!', action: 'pilot', from: 'Ana' },
			'Kind "Done!" must be one of done, new-date, comment, new-action, new-risk.',
		],
		[
			'an action id with capitals and spaces',
			{ deal: 'northwind', kind: 'done', action: 'Legal Review', from: 'Ana' },
			'Action "Legal Review" must use only lower-case letters, digits and dashes, like "legal-review".',
		],
		[
			'a date on a comment',
			{ deal: 'northwind', kind: 'comment', date: '2026-05-01', message: 'Hi', from: 'Ana' },
			'Date is not used when kind is "comment"; leave it empty.',
		],
		[
			'an action on a new risk',
			{ deal: 'northwind', kind: 'new-risk', action: 'pilot', message: 'Hi', from: 'Ana' },
			'Action is not used when kind is "new-risk"; leave it empty.',
		],
		['a name on two lines', { deal: 'northwind', kind: 'comment', message: 'Hi', from: 'Ana\nBob' }, 'From must be on one line.'],
	])('names the wrong field: %s', (_, fields, problem) => {
		expect(problemsOf(body(fields))).toEqual([problem]);
	});
});
