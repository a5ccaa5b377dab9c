/**
 * The feedback merge's edges, pinned so that mutation testing (docs/mutation.md) notices a replayed
 * "done" that moves its day, an email recorded as an issue, a broken plan edited anyway or a diff
 * that changes lines the feedback did not touch. Everything is built inside each test.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { ALREADY_APPLIED, applyFeedback } from '../../src/lib/feedback/merge/apply-feedback.ts';
import { printKeepingLayout } from '../../src/lib/feedback/merge/keep-layout.ts';
import { findHunks, matchLines } from '../../src/lib/feedback/merge/line-diff.ts';
import { parseTrustedAuthors, planFeedbackMerge, type MergeIssue } from '../../src/lib/feedback/merge/plan-merge.ts';
import { renderFeedbackIssueBody } from '../../src/lib/feedback/render-issue.ts';
import type { FeedbackForm } from '../../src/schema/feedback-form.ts';
import { BODY, describeChange, PLAN } from '../lib/feedback/merge/fixture.ts';

const FILE = 'plans/northwind.mdx';

function makeIssue() {
	return { number: 12, author: 'relay-bot', createdAt: '2026-05-04' };
}

function applyOrThrow(form: FeedbackForm, source = PLAN, issue: Parameters<typeof applyFeedback>[2] = makeIssue()) {
	const result = applyFeedback(source, form, issue, { file: FILE });
	if (!result.ok) throw new Error(result.reason);
	return result;
}

const reasonOf = (result: ReturnType<typeof applyFeedback>) => (result.ok ? 'applied' : result.reason);

describe('applying one form', () => {
	test('a second "done" for a finished action is refused and keeps the day it was done', () => {
		const first = applyOrThrow({ kind: 'done', deal: 'northwind', action: 'legal-review', date: '2026-05-01', from: 'Ana' });
		const again = applyFeedback(first.source, { kind: 'done', deal: 'northwind', action: 'legal-review', date: '2026-05-20', from: 'Ana' }, { ...makeIssue(), number: 13 }, { file: FILE });
		expect(again).toEqual({ ok: false, reason: '"legal-review" is already done (completedOn 2026-05-01).' });
	});

	test('"done" puts completedOn right after the status, also when other keys follow it', () => {
		const first = applyOrThrow({ kind: 'done', deal: 'northwind', action: 'legal-review', from: 'Ana' });
		const second = applyOrThrow({ kind: 'done', deal: 'northwind', action: 'sign', from: 'Ana' }, first.source, { ...makeIssue(), number: 13 });
		expect(describeChange(first.source, second.source)).toMatchInlineSnapshot(`
			"-     status: todo
			+     status: done
			+     completedOn: 2026-05-04
			+     - 13"
		`);
		expect(second.source).toContain('    status: done\n    completedOn: 2026-05-04\n    dependsOn: [legal-review]\n');
	});

	test('an email is recorded under feedback.emails, without an issue number, and only once', () => {
		const email = { emailId: 'e7f3kQ2mX9p4r8t6', createdAt: '2026-05-05' };
		const moved = applyOrThrow({ kind: 'new-date', deal: 'northwind', action: 'sign', date: '2026-06-20', message: 'Board later', from: 'Ana' }, PLAN, email);
		const commented = applyOrThrow({ kind: 'comment', deal: 'northwind', message: 'Thanks', from: 'Ana' }, moved.source, { ...email, emailId: 'e9q2mA7b3c5d1f0g' });
		const suggested = applyOrThrow({ kind: 'new-risk', deal: 'northwind', message: 'Budget freeze', from: 'Ana' }, commented.source, { ...email, emailId: 'e4w8zK1n6p3s5v7x' });
		expect(describeChange(PLAN, suggested.source)).toMatchInlineSnapshot(`
			"-     due: 2026-06-10
			+     due: 2026-06-20
			+     dateChanges:
			+       - on: 2026-05-05
			+         from: 2026-06-10
			+         to: 2026-06-20
			+         reason: "Board later"
			+         by: "Ana"
			+ feedback:
			+   emails:
			+     - e7f3kQ2mX9p4r8t6
			+     - e9q2mA7b3c5d1f0g
			+     - e4w8zK1n6p3s5v7x
			+   comments:
			+     - on: 2026-05-05
			+       by: "Ana"
			+       text: "Thanks"
			+   suggestions:
			+     - kind: new-risk
			+       on: 2026-05-05
			+       by: "Ana"
			+       text: "Budget freeze""
		`);
		expect(applyFeedback(suggested.source, { kind: 'comment', deal: 'northwind', message: 'Thanks', from: 'Ana' }, { ...email, emailId: 'e9q2mA7b3c5d1f0g' }, { file: FILE })).toEqual({ ok: false, reason: ALREADY_APPLIED });
	});

	test('an issue recorded behind others is still recognised as applied', () => {
		const first = applyOrThrow({ kind: 'comment', deal: 'northwind', message: 'One', from: 'Ana' });
		const second = applyOrThrow({ kind: 'comment', deal: 'northwind', message: 'Two', from: 'Ana' }, first.source, { ...makeIssue(), number: 13 });
		expect(applyFeedback(second.source, { kind: 'comment', deal: 'northwind', message: 'Two', from: 'Ana' }, { ...makeIssue(), number: 13 }, { file: FILE })).toEqual({ ok: false, reason: ALREADY_APPLIED });
	});

	test('without a file name the plan is taken to be plans/<deal>.mdx', () => {
		const result = applyFeedback(PLAN, { kind: 'comment', deal: 'northwind', message: 'Hi', from: 'Ana' }, makeIssue());
		expect(result.ok).toBe(true);
		const invalid = applyFeedback(PLAN, { kind: 'new-date', deal: 'northwind', action: 'legal-review', date: '2026-06-15', from: 'Ana' }, makeIssue());
		expect(reasonOf(invalid)).toMatch(/^Applying this feedback would make plans\/northwind\.mdx invalid:\n {2}plans\/northwind\.mdx:/);
	});

	test.each([
		['a file without frontmatter, even with a --- rule in its body', '# Northwind\n\nNotes\n---\nMore notes\n', 'plans/northwind.mdx has no "---" frontmatter to add the feedback to.'],
		['frontmatter with a repeated key', PLAN.replace('status: active\n', 'status: active\nstatus: closed\n'), 'plans/northwind.mdx has frontmatter that is not valid YAML; run npm run check and fix it first.'],
		['frontmatter that does not parse', PLAN.replace('status: active\n', 'status: [active\n'), 'plans/northwind.mdx has frontmatter that is not valid YAML; run npm run check and fix it first.'],
		['frontmatter that is a list', '---\n- title\n- buyer\n---\nBody\n', 'plans/northwind.mdx has frontmatter that is not valid YAML; run npm run check and fix it first.'],
	])('refuses %s and says why', (_what, source, reason) => {
		expect(applyFeedback(source, { kind: 'comment', deal: 'northwind', message: 'Hi', from: 'Ana' }, makeIssue(), { file: FILE })).toEqual({ ok: false, reason });
	});

	test.each([
		[{ kind: 'new-date', deal: 'northwind', action: 'nope', date: '2026-06-20', from: 'Ana' }],
		[{ kind: 'comment', deal: 'northwind', action: 'nope', message: 'Hi', from: 'Ana' }],
	] as const)('refuses %j on an action the plan does not have', (form) => {
		expect(reasonOf(applyFeedback(PLAN, form, makeIssue(), { file: FILE }))).toBe('The plan "northwind" has no action "nope"; its actions are legal-review, sign.');
	});

	test('names "none" when the plan has no actions, and only real actions when the list holds a stray line', () => {
		const withoutActions = PLAN.replace(/actions:[\s\S]*?\n---/, '---');
		expect(reasonOf(applyFeedback(withoutActions, { kind: 'done', deal: 'northwind', action: 'sign', from: 'Ana' }, makeIssue(), { file: FILE }))).toBe('The plan "northwind" has no action "sign"; its actions are none.');
		const stray = PLAN.replace('actions:\n', 'actions:\n  - call Ana\n');
		expect(reasonOf(applyFeedback(stray, { kind: 'done', deal: 'northwind', action: 'nope', from: 'Ana' }, makeIssue(), { file: FILE }))).toBe('The plan "northwind" has no action "nope"; its actions are legal-review, sign.');
	});

	test('a plan with only reminders and warnings still takes feedback', () => {
		const tbd = PLAN.replace('due: 2026-06-10', 'due: tbd');
		expect(applyOrThrow({ kind: 'comment', deal: 'northwind', message: 'Hi', from: 'Ana' }, tbd).source).toContain('due: tbd');
	});

	test('lists every problem the feedback would cause, one a line', () => {
		const plan = PLAN.replace('dependsOn: [legal-review]\n', 'dependsOn: [legal-review]\n  - id: kickoff\n    title: Kick-off\n    side: seller\n    owner: ana\n    due: 2026-06-12\n    status: todo\n    dependsOn: [legal-review]\n');
		const reason = reasonOf(applyFeedback(plan, { kind: 'new-date', deal: 'northwind', action: 'legal-review', date: '2026-06-15', from: 'Ana' }, makeIssue(), { file: FILE }));
		expect(reason.split('\n').filter((line) => line.startsWith('  plans/'))).toHaveLength(2);
	});

	test('each kind says what it did', () => {
		expect(applyOrThrow({ kind: 'comment', deal: 'northwind', action: 'sign', message: 'Who signs?', from: 'Ana' }).summary).toBe('Added a comment on "sign" from Ana.');
		expect(applyOrThrow({ kind: 'new-action', deal: 'northwind', message: 'Security review', from: 'Ana' }).summary).toBe('Recorded an action suggested by Ana for the rep to review.');
		expect(applyOrThrow({ kind: 'new-risk', deal: 'northwind', message: 'Budget freeze', from: 'Ana' }).summary).toBe('Recorded a risk suggested by Ana for the rep to review.');
	});
});

describe('merging open issues', () => {
	const template = () => readFileSync(new URL('../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');
	const makeMergeIssue = (number: number, form: FeedbackForm, fields: Partial<MergeIssue> = {}): MergeIssue => ({ number, author: 'relay-bot', createdAt: '2026-05-04', labels: [], body: renderFeedbackIssueBody(form, template()), ...fields });

	test('a refused form is reported as rejected, with its plan file and every problem on its own line', () => {
		const outcomes = planFeedbackMerge({
			issues: [
				makeMergeIssue(20, { kind: 'new-date', deal: 'northwind', action: 'sign', date: '2026-06-10', from: 'Ana' }),
				makeMergeIssue(21, { kind: 'comment', deal: 'northwind', message: 'Hi', from: 'Ana' }, { body: renderFeedbackIssueBody({ kind: 'done', deal: 'northwind', action: 'sign', from: 'Ana' }, template()).replace('### Action\n\nsign', '### Action\n\n_No response_').replace('### From\n\nAna', '### From\n\n_No response_') }),
			],
			plans: [{ file: 'plans/2026/northwind.mdx', source: PLAN }],
			template: template(),
			trustedAuthors: parseTrustedAuthors('relay-bot'),
		});
		expect(outcomes[0]).toMatchObject({ kind: 'rejected', file: 'plans/2026/northwind.mdx', reason: '"sign" is already due on 2026-06-10.' });
		expect(outcomes[1]).toMatchObject({ kind: 'rejected' });
		const reason = (outcomes[1] as { reason: string }).reason;
		expect(reason.split('\n')[0]).toBe('The issue is not a usable feedback form:');
		expect(reason.split('\n').slice(1)).toEqual(['  Action is required when kind is "done".', '  From is required.']);
	});

	test('names the plan file in the plan’s own folder when the feedback would break it', () => {
		const [outcome] = planFeedbackMerge({
			issues: [makeMergeIssue(22, { kind: 'new-date', deal: 'northwind', action: 'legal-review', date: '2026-06-15', from: 'Ana' })],
			plans: [{ file: 'plans/2026/northwind.mdx', source: PLAN }],
			template: template(),
			trustedAuthors: parseTrustedAuthors('relay-bot'),
		});
		expect(outcome).toMatchObject({ kind: 'rejected', file: 'plans/2026/northwind.mdx' });
		expect((outcome as { reason: string }).reason).toContain('would make plans/2026/northwind.mdx invalid');
	});

	test('with no trusted logins configured, nobody is trusted', () => {
		expect([...parseTrustedAuthors(undefined)]).toEqual([]);
		expect([...parseTrustedAuthors('')]).toEqual([]);
	});
});

describe('the line diff behind the layout-keeping printer', () => {
	// A small deterministic generator: many pairs of texts over a few distinct lines, where ties are common.
	function makeRandom(seed: number) {
		let state = seed;
		return (below: number) => {
			state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
			// The high bits: this generator's low bits repeat with a short period, which gave few distinct pairs.
			return Math.floor((state / 2_147_483_648) * below);
		};
	}
	const lcsLength = (a: readonly string[], b: readonly string[]): number => {
		const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
		for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
		return table[0]![0]!;
	};

	test('keeps as many lines as possible, in order, and its hunks turn one text into the other', () => {
		const random = makeRandom(20261203);
		for (let round = 0; round < 400; round++) {
			const before = Array.from({ length: random(9) }, () => 'abcd'[random(4)]!);
			const after = Array.from({ length: random(9) }, () => 'abcd'[random(4)]!);
			const matches = matchLines(before, after);
			const kept = matches.flatMap((column, row) => (column === -1 ? [] : [[row, column] as const]));
			const context = JSON.stringify({ before, after, matches });
			expect(matches, context).toHaveLength(before.length);
			expect(kept.every(([row, column]) => before[row] === after[column]), context).toBe(true);
			expect(kept.every(([, column], index) => index === 0 || column > kept[index - 1]![1]), context).toBe(true);
			expect(kept.length, context).toBe(lcsLength(before, after));
			const rebuilt: string[] = [];
			let at = 0;
			for (const hunk of findHunks(before, after)) {
				rebuilt.push(...before.slice(at, hunk.start), ...hunk.lines);
				at = hunk.end;
			}
			rebuilt.push(...before.slice(at));
			expect(rebuilt, context).toEqual(after);
		}
	});
});

describe('keeping the plan’s layout', () => {
	test('an item added at the top of a list keeps the hand-written lines below it', () => {
		const yaml = '# People\nnames:\n  - "Ana"   # lead\n  - \'Bo\'\nnote: kept\n';
		const doc = parseDocument(yaml);
		(doc.get('names') as { items: unknown[] }).items.unshift(doc.createNode('Cy'));
		expect(printKeepingLayout(yaml, doc)).toBe('# People\nnames:\n  - Cy\n  - "Ana"   # lead\n  - \'Bo\'\nnote: kept\n');
	});

	test('a key added first in the document goes above everything else, the rest untouched', () => {
		const yaml = 'title:   "Plan"   # spaced by hand\nstatus: active\n';
		const doc = parseDocument(yaml);
		(doc.contents as { items: unknown[] }).items.unshift(doc.createPair('id', 'n1'));
		expect(printKeepingLayout(yaml, doc)).toBe('id: n1\ntitle:   "Plan"   # spaced by hand\nstatus: active\n');
	});

	test('a key added after a line written differently from the printer still lands in its place', () => {
		const yaml = 'a:\n  x:    1\nb: 2\n';
		const doc = parseDocument(yaml);
		doc.setIn(['a', 'y'], 3);
		expect(printKeepingLayout(yaml, doc)).toBe('a:\n  x:    1\n  y: 3\nb: 2\n');
	});

	test('a line replaced where the original differs from the printer falls back to the printer, same data', () => {
		const yaml = 'a: [x,\n  y]\nb: "kept"\n';
		const doc = parseDocument(yaml);
		doc.set('a', doc.createNode(['x', 'y', 'z'], { flow: true }));
		const printed = printKeepingLayout(yaml, doc);
		expect(parseDocument(printed).toJS()).toEqual({ a: ['x', 'y', 'z'], b: 'kept' });
		expect(printed).toBe('a: [x, y, z]\nb: "kept"\n');
	});

	test('two lines replaced together keep the lines around them', () => {
		const yaml = '# top\na: 1\nb: 2\nc: \'three\'\n';
		const doc = parseDocument(yaml);
		doc.set('a', 10);
		doc.set('b', 20);
		expect(printKeepingLayout(yaml, doc)).toBe("# top\na: 10\nb: 20\nc: 'three'\n");
	});

	test('a key added at the very end lands after the last line', () => {
		const yaml = "a: 'one'\nb:   2\n";
		const doc = parseDocument(yaml);
		doc.set('c', 3);
		expect(printKeepingLayout(yaml, doc)).toBe("a: 'one'\nb:   2\nc: 3\n");
	});

	test('text without a final line break gets one, edits and all', () => {
		const yaml = "a: 'one'";
		const doc = parseDocument(yaml);
		doc.set('b', 2);
		expect(printKeepingLayout(yaml, doc)).toBe("a: 'one'\nb: 2\n");
	});

	test('the body after the frontmatter comes through byte for byte', () => {
		expect(applyOrThrow({ kind: 'comment', deal: 'northwind', message: 'Hi', from: 'Ana' }).source.endsWith(`---\n${BODY}`)).toBe(true);
	});
});

describe('a Windows-saved plan', () => {
	test('keeps a lone carriage return inside a quoted line where it was, and drops only the line ends', () => {
		const windows = PLAN.replace(/^title: .*$/m, 'title: "Northwind x\rAcme"').replace(/\n/g, '\r\n');
		const result = applyOrThrow({ kind: 'done', deal: 'northwind', action: 'legal-review', date: '2026-05-01', from: 'Ana' }, windows);
		expect(result.source.split('\r\n').find((line) => line.startsWith('title:'))).toBe('title: "Northwind x\rAcme"');
	});
});

describe('lines the printer would write differently stay as the rep wrote them', () => {
	const handWritten = PLAN.replace('    owner: ana\n    due: 2026-06-01\n', '    owner:   ana\n    due:  2026-06-01\n').replace('    dependsOn: [legal-review]\n', '    dependsOn: [ legal-review ]\n');

	test('"done" next to them changes only the status and adds the day', () => {
		const legal = applyOrThrow({ kind: 'done', deal: 'northwind', action: 'legal-review', date: '2026-05-01', from: 'Ana' }, handWritten);
		expect(describeChange(handWritten, legal.source)).toMatchInlineSnapshot(`
			"-     status: in-progress
			+     status: done
			+     completedOn: 2026-05-01
			+ feedback:
			+   applied:
			+     - 12"
		`);
		const sign = applyOrThrow({ kind: 'done', deal: 'northwind', action: 'sign', date: '2026-05-02', from: 'Ana' }, handWritten);
		expect(describeChange(handWritten, sign.source)).toMatchInlineSnapshot(`
			"-     status: todo
			+     status: done
			+     completedOn: 2026-05-02
			+ feedback:
			+   applied:
			+     - 12"
		`);
		expect(sign.source).toContain('    status: done\n    completedOn: 2026-05-02\n    dependsOn: [ legal-review ]\nfeedback:\n');
	});

	test('a comment after them is added at the end of the frontmatter', () => {
		const commented = applyOrThrow({ kind: 'comment', deal: 'northwind', message: 'Thanks', from: 'Ana' }, handWritten);
		expect(describeChange(handWritten, commented.source)).toMatchInlineSnapshot(`
			"+ feedback:
			+   comments:
			+     - on: 2026-05-04
			+       by: "Ana"
			+       text: "Thanks"
			+       issue: 12
			+   applied:
			+     - 12"
		`);
		expect(commented.source).toContain('    dependsOn: [ legal-review ]\nfeedback:\n  comments:\n');
	});

	test('a new date before them changes only the due and adds the change', () => {
		const moved = applyOrThrow({ kind: 'new-date', deal: 'northwind', action: 'sign', date: '2026-06-20', message: 'Board later', from: 'Ana' }, handWritten);
		expect(describeChange(handWritten, moved.source)).toMatchInlineSnapshot(`
			"-     due: 2026-06-10
			+     due: 2026-06-20
			+     dateChanges:
			+       - on: 2026-05-04
			+         from: 2026-06-10
			+         to: 2026-06-20
			+         reason: "Board later"
			+         by: "Ana"
			+         issue: 12
			+ feedback:
			+   applied:
			+     - 12"
		`);
		expect(moved.source).toContain('    due: 2026-06-20\n    status: todo\n    dependsOn: [ legal-review ]\n    dateChanges:\n');
		expect(moved.source).toContain('        issue: 12\nfeedback:\n');
	});
});
