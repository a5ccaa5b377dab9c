import { describe, expect, test } from 'vitest';
import { deriveActionId } from '../../../src/lib/plan-commands/add-action.ts';
import { describeChange } from '../feedback/merge/fixture.ts';
import { PLAN, run, runOk, runRefused } from './fixture.ts';

describe('done', () => {
	test('sets status done and completedOn today, and changes no other line', () => {
		const { source, lines } = runOk({ verb: 'done', action: 'questionnaire' });
		expect(describeChange(PLAN, source)).toMatchInlineSnapshot(`
			"-     status: in-progress
			+     status: done
			+     completedOn: 2026-05-04"
		`);
		expect(lines).toMatchInlineSnapshot(`
			[
			  "Marked "questionnaire" (Answer the security questionnaire) done on 2026-05-04; it was in-progress.",
			]
		`);
	});

	test('takes the day it was done from --on', () => {
		const { source } = runOk({ verb: 'done', action: 'questionnaire', on: '2026-05-02' });
		expect(source).toContain('status: done\n    completedOn: 2026-05-02\n');
	});

	test('refuses an unknown action, suggesting the closest id and the command to type', () => {
		expect(runRefused({ verb: 'done', action: 'questionaire' })).toMatchInlineSnapshot(`
			"No action "questionaire" in the plan; did you mean "questionnaire"? Type: npm run plan -- done northwind questionnaire
			    Known action ids: questionnaire, security-review, sign."
		`);
	});

	test('refuses a bad date, a date after today and an action already done', () => {
		expect(runRefused({ verb: 'done', action: 'questionnaire', on: '2026-05-32' })).toContain('--on "2026-05-32" is not a real date');
		expect(runRefused({ verb: 'done', action: 'questionnaire', on: '2026-05-05' })).toContain('is after today (2026-05-04)');
		const done = runOk({ verb: 'done', action: 'questionnaire' }).source;
		expect(runRefused({ verb: 'done', action: 'questionnaire' }, done)).toMatchInlineSnapshot(`""questionnaire" is already done (completedOn 2026-05-04); nothing was changed."`);
	});
});

describe('slip', () => {
	test('moves due and records the change, and nothing else when nothing else would break', () => {
		const { source, lines } = runOk({ verb: 'slip', action: 'security-review', date: '2026-05-21', reason: 'CISO away', by: 'ana-lima' });
		expect(describeChange(PLAN, source)).toMatchInlineSnapshot(`
			"-     due: 2026-05-20
			+     due: 2026-05-21
			+     dateChanges:
			+       - on: 2026-05-04
			+         from: 2026-05-20
			+         to: 2026-05-21
			+         reason: "CISO away"
			+         by: "Ana Lima""
		`);
		expect(lines).toMatchInlineSnapshot(`
			[
			  "What if "security-review" is due 2026-05-21:",
			  "  decision     planned 2026-06-12, projected stays 2026-06-12",
			  "  moves        security-review  2026-05-20 -> 2026-05-21",
			  "",
			  "Moved "security-review" from 2026-05-20 to 2026-05-21 (1 day later): "CISO away".",
			  "Projected decision: 2026-06-12, on the planned date 2026-06-12.",
			]
		`);
	});

	test('moves the steps and milestones that would otherwise come before it, each in the open, and reports the new projected decision', () => {
		const { source, lines } = runOk({ verb: 'slip', action: 'questionnaire', date: '2026-05-29', reason: 'Pen test report late' });
		expect(describeChange(PLAN, source)).toMatchInlineSnapshot(`
			"-     due: 2026-05-22
			+     due: 2026-06-12
			-     due: 2026-05-08
			+     due: 2026-05-29
			+     dateChanges:
			+       - on: 2026-05-04
			+         from: 2026-05-08
			+         to: 2026-05-29
			+         reason: "Pen test report late"
			-     start: 2026-05-08
			-     due: 2026-05-20
			+     start: 2026-05-29
			+     due: 2026-06-10
			+     dateChanges:
			+       - on: 2026-05-04
			+         from: 2026-05-20
			+         to: 2026-06-10
			+         reason: "Follows \\"questionnaire\\": Pen test report late""
		`);
		expect(lines).toMatchInlineSnapshot(`
			[
			  "What if "questionnaire" is due 2026-05-29:",
			  "  decision     planned 2026-06-12, projected 2026-06-12 -> 2026-06-17 (5 days later)",
			  "  because      Security review -> Sign the order form",
			  "  moves        questionnaire    2026-05-08 -> 2026-05-29",
			  "               security-review  2026-05-20 -> 2026-06-10",
			  "               sign             2026-06-12 -> 2026-06-17",
			  "",
			  "Moved "questionnaire" from 2026-05-08 to 2026-05-29 (21 days later): "Pen test report late".",
			  "Also moved 21 days later, so they still come after it:",
			  "  security-review: 2026-05-20 -> 2026-06-10",
			  "Moved the milestone "security-approved" from 2026-05-22 to 2026-06-12, so it still comes after its actions.",
			  "Projected decision: 2026-06-17, 5 days after the planned 2026-06-12 (because of sign).",
			]
		`);
	});

	test('agrees a date for a step that had none, with no date change to record', () => {
		const undated = PLAN.replace('due: 2026-05-20', 'due: tbd');
		const { source, lines } = runOk({ verb: 'slip', action: 'security-review', date: '2026-05-21', reason: 'Agreed with the CISO' }, undated);
		expect(describeChange(undated, source)).toMatchInlineSnapshot(`
			"-     due: tbd
			+     due: 2026-05-21"
		`);
		expect(lines).toMatchInlineSnapshot(`
			[
			  "What if "security-review" is due 2026-05-21:",
			  "  decision     planned 2026-06-12, projected stays 2026-06-12",
			  "  moves        security-review  2026-05-09 -> 2026-05-21",
			  "",
			  "Agreed a date for "security-review": due 2026-05-21 (it was tbd).",
			  "Projected decision: 2026-06-12, on the planned date 2026-06-12.",
			]
		`);
	});

	test('a slip the next commit would otherwise flag passes the committed-version check', () => {
		runOk({ verb: 'slip', action: 'questionnaire', date: '2026-05-29', reason: 'Pen test report late' }, PLAN, { committedSource: PLAN });
	});

	test('refuses a missing reason, a bad date, an unknown person and an unknown action all at once', () => {
		expect(runRefused({ verb: 'slip', action: 'security-reveiw', date: '2026-02-30', by: 'ana' })).toMatchInlineSnapshot(`
			"No action "security-reveiw" in the plan; did you mean "security-review"? Type: npm run plan -- slip northwind security-review 2026-02-30 --reason "..."
			    Known action ids: questionnaire, security-review, sign.
			The new date "2026-02-30" is not a real date written as YYYY-MM-DD. Type it like 2026-11-20.
			--reason is missing. Add it, like: npm run plan -- slip northwind security-review 2026-02-30 --reason "Security team away until the 20th"
			No person "ana" in the plan; did you mean "ana-lima"?
			    Known person ids: ana-lima, sam-ortiz."
		`);
	});

	test('refuses to move an action that is done, or to its current date', () => {
		const done = runOk({ verb: 'done', action: 'questionnaire' }).source;
		expect(runRefused({ verb: 'slip', action: 'questionnaire', date: '2026-05-10', reason: 'x' }, done)).toContain('is already done');
		expect(runRefused({ verb: 'slip', action: 'sign', date: '2026-06-12', reason: 'x' })).toContain('is already due on 2026-06-12');
	});

	test('refuses a move earlier than a prerequisite, quoting the check', () => {
		expect(runRefused({ verb: 'slip', action: 'sign', date: '2026-05-15', reason: 'Faster legal' })).toMatchInlineSnapshot(`
			"This change would make plans/northwind.mdx invalid, so nothing was changed:
			  plans/northwind.mdx:56: actions[2] (sign).due "2026-05-15" is before "2026-05-20", the due date of "security-review" it depends on.
			      Move the due date to 2026-05-20 or later, or drop "security-review" from dependsOn."
		`);
	});
});

describe('checkin', () => {
	test('appends today\'s check-in with attendees and decisions, and changes no other line', () => {
		const { source, lines } = runOk({
			verb: 'checkin',
			summary: 'Walked through the questionnaire: 12 open items',
			attendees: ['ana-lima', 'sam-ortiz'],
			decisions: ['Pen test report goes to Ana by Friday'],
		});
		expect(describeChange(PLAN, source)).toMatchInlineSnapshot(`
			"+   - date: 2026-05-04
			+     summary: "Walked through the questionnaire: 12 open items"
			+     attendees: [ana-lima, sam-ortiz]
			+     decisions:
			+       - "Pen test report goes to Ana by Friday""
		`);
		expect(lines).toMatchInlineSnapshot(`
			[
			  "Logged the check-in of 2026-05-04: "Walked through the questionnaire: 12 open items".",
			  "  Attendees: ana-lima, sam-ortiz.",
			  "  Decision: Pen test report goes to Ana by Friday",
			]
		`);
	});

	test('refuses a missing summary and an unknown attendee', () => {
		expect(runRefused({ verb: 'checkin', attendees: ['ana'], decisions: [] })).toMatchInlineSnapshot(`
			"--summary is missing. Add it, like: npm run plan -- checkin northwind --summary "Walked through the security findings"
			No person "ana" in the plan; did you mean "ana-lima"?
			    Known person ids: ana-lima, sam-ortiz."
		`);
	});
});

describe('add-action', () => {
	test('appends a todo action with an id from its title and the owner\'s side', () => {
		const { source, lines } = runOk({
			verb: 'add-action',
			title: 'Send the DPA: final draft',
			owner: 'sam-ortiz',
			due: '2026-05-15',
			milestone: 'security-approved',
			dependsOn: ['questionnaire'],
		});
		expect(describeChange(PLAN, source)).toMatchInlineSnapshot(`
			"+   - id: send-the-dpa-final-draft
			+     title: "Send the DPA: final draft"
			+     side: seller
			+     owner: sam-ortiz
			+     due: 2026-05-15
			+     status: todo
			+     milestone: security-approved
			+     dependsOn: [questionnaire]"
		`);
		expect(lines).toMatchInlineSnapshot(`
			[
			  "Added the seller action "send-the-dpa-final-draft": "Send the DPA: final draft", owner sam-ortiz, due 2026-05-15 (milestone security-approved; after questionnaire).",
			]
		`);
	});

	test('refuses missing options, an unknown owner, milestone and dependency, and a taken id', () => {
		expect(runRefused({ verb: 'add-action', owner: 'ana', due: 'soon', milestone: 'decison', dependsOn: ['sing'], id: 'sign' })).toMatchInlineSnapshot(`
			"--title is missing. Add it, like: npm run plan -- add-action northwind --title "Send the security questionnaire" --owner ana-lima --due 2026-05-04
			No person "ana" in the plan; did you mean "ana-lima"?
			    Known person ids: ana-lima, sam-ortiz.
			--due "soon" is not a real date written as YYYY-MM-DD. Type it like 2026-11-20.
			No milestone "decison" in the plan; did you mean "decision"?
			    Known milestone ids: security-approved, decision.
			No action "sing" in the plan; did you mean "sign"?
			    Known action ids: questionnaire, security-review, sign.
			--id "sign" is already the id of an action; choose another, or leave --id out to have one made from the title."
		`);
	});

	test('refuses an action that would be due after its milestone, quoting the check', () => {
		expect(runRefused({ verb: 'add-action', title: 'Pen test', owner: 'sam-ortiz', due: '2026-05-30', milestone: 'security-approved', dependsOn: [] })).toContain(
			'milestones[0] (security-approved).due "2026-05-22" is before "2026-05-30"',
		);
	});
});

describe('deriveActionId', () => {
	test.each([
		['Send the DPA', [], 'send-the-dpa'],
		['Send the DPA', ['send-the-dpa', 'send-the-dpa-2'], 'send-the-dpa-3'],
		['Revisión legal del contrato', [], 'revision-legal-del-contrato'],
		['Agree the data residency terms for every region in the first wave', [], 'agree-the-data-residency-terms-for-every'],
		['!!!', [], 'action'],
	])('"%s" (taken: %j) gives %s', (title, taken, id) => {
		expect(deriveActionId(title, taken)).toBe(id);
	});
});

describe('status', () => {
	test('lists progress, projected decision, what needs attention and next steps, and writes nothing', () => {
		const result = run({ verb: 'status' }, PLAN, { today: '2026-05-12' });
		expect(result.ok && result.source).toBe(undefined);
		expect(result.ok && result.lines.join('\n')).toMatchInlineSnapshot(`
			"Northwind x Acme (active), as of 2026-05-12
			Progress: 0 of 3 actions done (0%). Health: yellow.
			Projected decision: 2026-06-12, on the planned date 2026-06-12.
			Needs attention:
			  late     questionnaire (sam-ortiz, due 2026-05-08): Answer the security questionnaire
			  at-risk  security-review (ana-lima, due 2026-05-20): Security review
			  at-risk  sign (ana-lima, due 2026-06-12): Sign the order form
			Next steps:
			  2026-05-08  questionnaire (sam-ortiz): Answer the security questionnaire
			  2026-05-20  security-review (ana-lima): Security review
			  2026-06-12  sign (ana-lima): Sign the order form
			Last check-in: 2026-04-27, "Kick-off""
		`);
	});
});

describe('a plan with errors', () => {
	test('is refused by every command, listing the errors', () => {
		const broken = PLAN.replace('owner: ana-lima\n    start: 2026-06-05', 'owner: anna\n    start: 2026-06-05');
		expect(runRefused({ verb: 'status' }, broken)).toMatchInlineSnapshot(`
			"plans/northwind.mdx has errors, so the command changed nothing. Fix them first (npm run check lists them too):
			  plans/northwind.mdx:54: actions[2] (sign).owner "anna" matches no stakeholder id.
			      Use one of: ana-lima, sam-ortiz."
		`);
	});
});
