import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../../../src/lib/check/index.ts';
import { ALREADY_APPLIED, applyFeedback } from '../../../../src/lib/feedback/merge/apply-feedback.ts';
import type { FeedbackForm } from '../../../../src/schema/feedback-form.ts';
import { BODY, describeChange, PLAN } from './fixture.ts';

const FILE = 'plans/northwind.mdx';
const ISSUE = { number: 12, author: 'relay-bot', createdAt: '2026-05-04' };

function apply(form: FeedbackForm, source = PLAN, issue = ISSUE) {
	return applyFeedback(source, form, issue, { file: FILE });
}

function applyOrThrow(form: FeedbackForm, source = PLAN, issue = ISSUE) {
	const result = apply(form, source, issue);
	if (!result.ok) throw new Error(result.reason);
	return result;
}

function readFrontmatter(source: string): any {
	return parseDocument(source.split('\n---\n')[0]!.slice(4)).toJS();
}

describe('applyFeedback', () => {
	test('the fixture plan is valid to begin with', () => {
		expect(checkPlanSource(FILE, PLAN).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
	});

	test('marks an action done on the issue day, right after its status, and records the issue', () => {
		const result = applyOrThrow({ kind: 'done', deal: 'northwind', action: 'legal-review', from: 'Ana' });
		expect(result.summary).toMatchInlineSnapshot(`"Marked "legal-review" done on 2026-05-04 (Ana)."`);
		expect(describeChange(PLAN, result.source)).toMatchInlineSnapshot(`
			"-     status: in-progress
			+     status: done
			+     completedOn: 2026-05-04
			+ feedback:
			+   applied:
			+     - 12"
		`);
		expect(result.source.endsWith(`---\n${BODY}`)).toBe(true);
	});

	test('marks an action done on the day the buyer gives and keeps their message as a comment', () => {
		const result = applyOrThrow({ kind: 'done', deal: 'northwind', action: 'legal-review', date: '2026-05-01', message: 'Signed off.', from: 'Ana' });
		expect(describeChange(PLAN, result.source)).toMatchInlineSnapshot(`
			"-     status: in-progress
			+     status: done
			+     completedOn: 2026-05-01
			+     comments:
			+       - on: 2026-05-04
			+         by: "Ana"
			+         text: "Signed off."
			+         issue: 12
			+ feedback:
			+   applied:
			+     - 12"
		`);
	});

	test('moves a due date and records the change with its reason, who asked and the issue', () => {
		const result = applyOrThrow({ kind: 'new-date', deal: 'northwind', action: 'sign', date: '2026-06-20', message: 'Board meets later', from: 'Ana' });
		expect(result.summary).toMatchInlineSnapshot(`"Moved "sign" from 2026-06-10 to 2026-06-20 (Ana: "Board meets later")."`);
		expect(describeChange(PLAN, result.source)).toMatchInlineSnapshot(`
			"-     due: 2026-06-10
			+     due: 2026-06-20
			+     dateChanges:
			+       - on: 2026-05-04
			+         from: 2026-06-10
			+         to: 2026-06-20
			+         reason: "Board meets later"
			+         by: "Ana"
			+         issue: 12
			+ feedback:
			+   applied:
			+     - 12"
		`);
	});

	test('gives "Requested by buyer" as the reason when the buyer gave none', () => {
		const result = applyOrThrow({ kind: 'new-date', deal: 'northwind', action: 'sign', date: '2026-06-20', from: 'Ana' });
		expect(readFrontmatter(result.source).actions[1].dateChanges[0].reason).toBe('Requested by buyer');
	});

	test('adds a comment to an action, or to the plan when no action is named', () => {
		const onAction = applyOrThrow({ kind: 'comment', deal: 'northwind', action: 'sign', message: 'Who signs?', from: 'Ana' });
		expect(describeChange(PLAN, onAction.source)).toMatchInlineSnapshot(`
			"+     comments:
			+       - on: 2026-05-04
			+         by: "Ana"
			+         text: "Who signs?"
			+         issue: 12
			+ feedback:
			+   applied:
			+     - 12"
		`);
		const onPlan = applyOrThrow({ kind: 'comment', deal: 'northwind', message: 'Looks good', from: 'Ana' });
		expect(onPlan.summary).toMatchInlineSnapshot(`"Added a comment on the plan from Ana."`);
		expect(describeChange(PLAN, onPlan.source)).toMatchInlineSnapshot(`
			"+ feedback:
			+   comments:
			+     - on: 2026-05-04
			+       by: "Ana"
			+       text: "Looks good"
			+       issue: 12
			+   applied:
			+     - 12"
		`);
	});

	test.each([
		['new-action', { kind: 'new-action', deal: 'northwind', message: 'Add a security review', date: '2026-06-05', from: 'Ana' }],
		['new-risk', { kind: 'new-risk', deal: 'northwind', message: 'Budget freeze in Q3', from: 'Ana' }],
	] as const)('records a %s as a suggestion for the rep', (kind, form) => {
		const result = applyOrThrow(form);
		expect(readFrontmatter(result.source).feedback.suggestions).toEqual([
			{ kind, on: '2026-05-04', by: 'Ana', text: form.message, ...('date' in form ? { date: form.date } : {}), issue: 12 },
		]);
	});

	test('appends to existing feedback lists when issues arrive one after another', () => {
		const first = applyOrThrow({ kind: 'comment', deal: 'northwind', message: 'One', from: 'Ana' });
		const second = applyOrThrow({ kind: 'comment', deal: 'northwind', message: 'Two', from: 'Ana' }, first.source, { ...ISSUE, number: 13 });
		expect(describeChange(first.source, second.source)).toMatchInlineSnapshot(`
			"+     - on: 2026-05-04
			+       by: "Ana"
			+       text: "Two"
			+       issue: 13
			+     - 13"
		`);
	});

	test('refuses an issue the plan already records, so nothing is applied twice', () => {
		const form: FeedbackForm = { kind: 'comment', deal: 'northwind', message: 'Once', from: 'Ana' };
		const first = applyOrThrow(form);
		expect(apply(form, first.source)).toEqual({ ok: false, reason: ALREADY_APPLIED });
	});

	test.each([
		[
			{ kind: 'done', deal: 'northwind', action: 'nope', from: 'Ana' },
			'The plan "northwind" has no action "nope"; its actions are legal-review, sign.',
		],
		[
			{ kind: 'comment', deal: 'contoso', message: 'Hi', from: 'Ana' },
			'The feedback is for the deal "contoso", but plans/northwind.mdx is the plan "northwind".',
		],
		[{ kind: 'new-date', deal: 'northwind', action: 'sign', date: '2026-06-10', from: 'Ana' }, '"sign" is already due on 2026-06-10.'],
	] as const)('refuses %j with a reason a rep can act on', (form, reason) => {
		expect(apply(form)).toEqual({ ok: false, reason });
	});

	test('refuses a new date that would put an action before one it depends on', () => {
		const result = apply({ kind: 'new-date', deal: 'northwind', action: 'legal-review', date: '2026-06-15', from: 'Ana' });
		expect(result).toMatchInlineSnapshot(`
			{
			  "ok": false,
			  "reason": "Applying this feedback would make plans/northwind.mdx invalid:
			  plans/northwind.mdx:40: actions[1] (sign).due "2026-06-10" is before "2026-06-15", the due date of "legal-review" it depends on.
			      Move the due date to 2026-06-15 or later, or drop "legal-review" from dependsOn.",
			}
		`);
	});

	const HOSTILE = [
		'---',
		'key: value',
		'yes',
		'~',
		'0x1F',
		'!!js/function "function () { return process.exit(1) }"',
		'&a [*a]',
		'line one\nline two\n\n  indented',
		`"double" and 'single' quotes`,
		'{process.env.SECRET}',
		'<script>alert(1)</script>',
		'# not a comment',
		'- not a list',
		'trailing spaces   ',
		'\\n is not a newline',
	];

	test.each(HOSTILE)('keeps the hostile text %j as exactly that string', (text) => {
		const result = applyOrThrow({ kind: 'comment', deal: 'northwind', action: 'sign', message: text, from: text.replace(/\n/g, ' ') });
		const comment = readFrontmatter(result.source).actions[1].comments[0];
		expect(comment).toEqual({ on: '2026-05-04', by: text.replace(/\n/g, ' '), text, issue: 12 });
		expect(result.source.endsWith(`\n---\n${BODY}`)).toBe(true);
		expect(checkPlanSource(FILE, result.source).plan?.actions[1]?.comments[0]?.text).toBe(text);
	});

	test('keeps Windows line breaks and the body as they were', () => {
		const windows = PLAN.replace(/\n/g, '\r\n');
		const result = applyOrThrow({ kind: 'comment', deal: 'northwind', message: 'Hi', from: 'Ana' }, windows);
		expect(result.source.replace(/\r\n/g, '')).not.toContain('\n');
		expect(result.source.endsWith(`---\r\n${BODY.replace(/\n/g, '\r\n')}`)).toBe(true);
	});
});
