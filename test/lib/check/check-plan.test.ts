import { describe, expect, test } from 'vitest';
import { checkPlanSource, checkPlanSources, getPlanSlug } from '../../../src/lib/check/index.ts';
import { formatChecked, planWith, VALID_YAML, wrapPlan } from './fixture.ts';

describe('checkPlanSource', () => {
	test('a valid plan has no problems and carries the parsed plan and body', () => {
		const checked = checkPlanSource('plans/sub/northwind.mdx', wrapPlan(VALID_YAML));
		expect(checked.problems).toEqual([]);
		expect(checked.slug).toBe('northwind');
		expect(checked.plan?.actions[1].dependsOn).toEqual(['demo']);
		expect(checked.body).toBe('\nBody text.\n');
	});

	test('a file without frontmatter says how to add it', () => {
		expect(formatChecked('# Just a page\n')).toMatchInlineSnapshot(`
			"plans/northwind.mdx:1: does not start with a "---" line, so it has no frontmatter.
			    Put the plan between two "---" lines at the top of the file; \`npm run new\` writes a starting point."
		`);
	});

	test('a frontmatter without a closing fence is reported', () => {
		expect(formatChecked(`---\n${VALID_YAML}`)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:42: has no closing "---" line after the frontmatter.
			    Add a line with only "---" where the YAML ends and the page text begins."
		`);
	});

	test('unparsable YAML is reported with its line and the parser reason', () => {
		expect(formatChecked(wrapPlan('title: Northwind\nbuyer:\n  name: "Northwind\nstatus: active\n'))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:5: is not valid YAML: Missing closing "quote.
			    Check indentation and quoting on this line and the one before; put text with ":" or "#" in double quotes."
		`);
	});

	test('an unquoted colour, which YAML reads as a comment, gets a hint to quote it', () => {
		expect(formatChecked(wrapPlan(VALID_YAML.replace('primary: "#0b5fff"', 'primary: #0b5fff')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:8: brand.primary null must be a string.
			    YAML read nothing here. If you wrote a colour like #0b5fff, quote it: "#0b5fff", because an unquoted # starts a comment."
		`);
	});

	test('a frontmatter that is a list instead of fields is reported', () => {
		expect(formatChecked(wrapPlan('- a\n- b\n'))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:2: has frontmatter that is not a list of fields.
			    Write the frontmatter as "name: value" lines, starting with "title:"."
		`);
	});

	test('a missing field is required', () => {
		expect(formatChecked(planWith((p) => delete p.actions[1].owner))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:34: actions[1] (security-review).owner is required.
			    Add "owner:" here."
		`);
	});

	test('an unknown field is named with the closest known field', () => {
		expect(formatChecked(planWith((p) => {
			p.actions[0].ownr = p.actions[0].owner;
			delete p.actions[0].owner;
		}))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:27: actions[0] (demo).owner is required.
			    Add "owner:" here.
			plans/northwind.mdx:33: actions[0] (demo).ownr is not a known field; did you mean "owner"?
			    Known fields here: id, title, side, owner, due, start, status, completedOn, milestone, dependsOn, notes, dateChanges, comments."
		`);
	});

	test('an unknown field far from every known one lists the known fields', () => {
		expect(formatChecked(planWith((p) => (p.brand.background = '#fff')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:9: brand.background is not a known field.
			    Known fields here: primary, accent."
		`);
	});

	test('a value outside an enum lists the allowed values and what was received', () => {
		expect(formatChecked(planWith((p) => (p.actions[1].status = 'finished')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:39: actions[1] (security-review).status must be one of: todo, in-progress, done, blocked. Received: "finished".
			    Pick one of the listed values."
		`);
	});

	test('an impossible date is reported', () => {
		expect(formatChecked(planWith((p) => (p.decisionDate = '2026-02-30')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:9: decisionDate "2026-02-30" is not a real calendar date; check the day and the month.
			    Write the date as YYYY-MM-DD, for example 2026-05-17."
		`);
	});

	test('a date in the wrong format is reported', () => {
		expect(formatChecked(planWith((p) => (p.actions[0].due = '1 May 2026')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:31: actions[0] (demo).due "1 May 2026" must be a date written as YYYY-MM-DD, for example 2026-05-17, or tbd for a date to agree later.
			    Write the date as YYYY-MM-DD, for example 2026-05-17."
		`);
	});

	test('a value of the wrong type is reported', () => {
		expect(formatChecked(planWith((p) => (p.checkinEveryDays = 'weekly')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:43: checkinEveryDays "weekly" must be a number.
			    Write a plain number without quotes."
		`);
	});

	test('a bad id is reported with the schema rule', () => {
		expect(formatChecked(planWith((p) => (p.stakeholders[0].id = 'Ann')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:14: stakeholders[0].id "Ann" must use only lower-case letters, digits and dashes, like "legal-review".
			    Try "ann", and use the same spelling wherever it is referred to."
		`);
	});

	test('a colour that is not hex is reported with an example', () => {
		expect(formatChecked(planWith((p) => (p.brand.primary = 'blue')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:8: brand.primary "blue" must be a hex colour such as #0b5fff.
			    Write the colour as # and six hex digits, such as #0b5fff."
		`);
	});

	test('an empty list that needs entries is reported', () => {
		expect(formatChecked(planWith((p) => (p.actions = [])))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:26: actions [] must have at least 1 entry.
			    Add at least one entry."
		`);
	});

	test('every problem is listed at once', () => {
		const source = planWith((p) => {
			delete p.title;
			p.status = 'finished';
			p.brand.primary = 'blue';
			p.actions[0].ownr = 'sam';
			p.actions[1].due = '2026-13-01';
		});
		const checked = checkPlanSource('plans/northwind.mdx', source);
		expect(checked.plan).toBeUndefined();
		expect(checked.problems.map((p) => p.code)).toEqual([
			'field-required',
			'value-invalid',
			'value-not-allowed',
			'field-unknown',
			'date-invalid',
		]);
	});

	test('a schema error does not hide an unknown owner or an unknown dependency in the same file', () => {
		expect(formatChecked(planWith((p) => {
			p.actions[0].due = '2026-13-01';
			p.actions[0].owner = 'samm';
			p.actions[1].dependsOn = ['demo', 'legal-ok'];
		}))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:30: actions[0] (demo).owner "samm" matches no stakeholder id.
			    Did you mean "sam"? Use one of: ann, sam.
			plans/northwind.mdx:31: actions[0] (demo).due "2026-13-01" is not a real calendar date; check the day and the month.
			    Write the date as YYYY-MM-DD, for example 2026-05-17.
			plans/northwind.mdx:43: actions[1] (security-review).dependsOn[1] "legal-ok" matches no action id.
			    Use one of: demo, security-review."
		`);
	});

	test('an action with a bad value still counts as known to the actions that depend on it', () => {
		const checked = checkPlanSource('plans/northwind.mdx', planWith((p) => (p.actions[0].status = 'finished')));
		expect(checked.problems.map((p) => `${p.path}: ${p.code}`)).toEqual(['actions[0] (demo).status: value-not-allowed']);
	});

	test('the rules across fields run over what parsed and name entries by their place in the file', () => {
		expect(formatChecked(planWith((p) => {
			p.brand.primary = 'blue';
			p.milestones.unshift({ id: 'kickoff', title: 'Kickoff', due: '2026-13-01' });
			p.milestones[1].due = '2026-05-10';
		}))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:8: brand.primary "blue" must be a hex colour such as #0b5fff.
			    Write the colour as # and six hex digits, such as #0b5fff.
			plans/northwind.mdx:25: milestones[0] (kickoff).due "2026-13-01" is not a real calendar date; check the day and the month.
			    Write the date as YYYY-MM-DD, for example 2026-05-17.
			plans/northwind.mdx:28: milestones[1] (validated).due "2026-05-10" is before "2026-05-15", the due date of its action "security-review".
			    Move the milestone to 2026-05-15 or later, or move "security-review" earlier."
		`);
	});

	test('an entry whose only fault is an unknown field is still checked against the other rules', () => {
		expect(formatChecked(planWith((p) => {
			p.actions[1].note = 'Ask Ann';
			p.actions[1].due = '2026-04-20';
		}))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:38: actions[1] (security-review).due "2026-04-20" is before "2026-05-01", the due date of "demo" it depends on.
			    Move the due date to 2026-05-01 or later, or drop "demo" from dependsOn.
			plans/northwind.mdx:43: actions[1] (security-review).note is not a known field; did you mean "notes"?
			    Known fields here: id, title, side, owner, due, start, status, completedOn, milestone, dependsOn, notes, dateChanges, comments."
		`);
	});

	test('a malformed stakeholder id does not make the owners written the suggested way unknown', () => {
		const checked = checkPlanSource('plans/northwind.mdx', planWith((p) => (p.stakeholders[0].id = 'Ann')));
		expect(checked.problems.map((p) => p.code)).toEqual(['value-invalid']);
	});

	test('duplicate ids are reported for each list', () => {
		expect(formatChecked(planWith((p) => {
			p.actions[1].id = 'demo';
			p.actions[1].dependsOn = [];
			p.stakeholders[1].id = 'ann';
			p.actions[0].owner = 'ann';
			p.actions[0].side = 'buyer';
			p.milestones.push({ ...p.milestones[0] });
		}))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:18: stakeholders[1].id "ann" is already used by stakeholders[0].
			    Give every stakeholder its own id.
			plans/northwind.mdx:26: milestones[1].id "validated" is already used by milestones[0].
			    Give every milestone its own id.
			plans/northwind.mdx:37: actions[1].id "demo" is already used by actions[0].
			    Give every action its own id."
		`);
	});

	test('an unknown owner suggests the closest stakeholder id and lists the known ones', () => {
		expect(formatChecked(planWith((p) => (p.actions[0].owner = 'samm')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:30: actions[0] (demo).owner "samm" matches no stakeholder id.
			    Did you mean "sam"? Use one of: ann, sam."
		`);
	});

	test('an unknown risk owner is reported', () => {
		expect(formatChecked(planWith((p) => (p.risks = [{ id: 'budget', title: 'Budget freeze', probability: 'low', impact: 'high', owner: 'bob' }])))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:48: risks[0] (budget).owner "bob" matches no stakeholder id.
			    Use one of: ann, sam."
		`);
	});

	test('an unknown milestone is reported', () => {
		expect(formatChecked(planWith((p) => (p.actions[0].milestone = 'kickoff')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:33: actions[0] (demo).milestone "kickoff" matches no milestone id.
			    Use one of: validated."
		`);
	});

	test('an unknown dependency lists the action ids', () => {
		expect(formatChecked(planWith((p) => (p.actions[1].dependsOn = ['legal-ok'])))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:42: actions[1] (security-review).dependsOn[0] "legal-ok" matches no action id.
			    Use one of: demo, security-review."
		`);
	});

	test('a dependency cycle is printed as a chain', () => {
		expect(formatChecked(planWith((p) => {
			p.actions[0].dependsOn = ['security-review'];
			p.actions[0].due = '2026-05-15';
		}))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:35: actions[0] (demo).dependsOn makes a dependency cycle: demo -> security-review -> demo.
			    Remove one of these dependsOn entries so the actions can happen in order."
		`);
	});

	test('an action due before an action it depends on is reported', () => {
		expect(formatChecked(planWith((p) => (p.actions[1].due = '2026-04-20')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:38: actions[1] (security-review).due "2026-04-20" is before "2026-05-01", the due date of "demo" it depends on.
			    Move the due date to 2026-05-01 or later, or drop "demo" from dependsOn."
		`);
	});

	test('an owner from the other side is a warning', () => {
		expect(formatChecked(planWith((p) => (p.actions[1].owner = 'sam')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:37: warning: actions[1] (security-review).owner "sam" is on the seller side, but the action is a buyer action.
			    Set side: seller, or pick a buyer stakeholder as owner."
		`);
	});

	test('done without completedOn is reported', () => {
		expect(formatChecked(planWith((p) => (p.actions[0].status = 'done')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:32: actions[0] (demo).status "done" needs a completedOn date.
			    Add "completedOn: YYYY-MM-DD" with the day it was done."
		`);
	});

	test('completedOn without done is reported', () => {
		expect(formatChecked(planWith((p) => (p.actions[0].completedOn = '2026-04-30')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:34: actions[0] (demo).completedOn "2026-04-30" is set, but the status is "todo".
			    Set status: done, or remove completedOn."
		`);
	});

	test('a milestone due before one of its actions is reported', () => {
		expect(formatChecked(planWith((p) => (p.milestones[0].due = '2026-05-10')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:25: milestones[0] (validated).due "2026-05-10" is before "2026-05-15", the due date of its action "security-review".
			    Move the milestone to 2026-05-15 or later, or move "security-review" earlier."
		`);
	});

	test('a low-contrast brand colour is a warning with a darker shade that passes', () => {
		expect(formatChecked(planWith((p) => {
			p.brand.primary = '#7fb3ff';
			p.brand.accent = '#ffcc00';
		}))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:8: warning: brand.primary "#7fb3ff" has a contrast of 1.9:1 with the page background (#f5f7fa), below the 4.5:1 WCAG AA needs for text.
			    The site uses the darker shade "#5173a3" (4.5:1) for text instead; set brand.primary to a darker colour to choose the shade yourself.
			plans/northwind.mdx:9: warning: brand.accent "#ffcc00" has a contrast of 1.4:1 with the page background (#f5f7fa), below the 4.5:1 WCAG AA needs for text.
			    The site uses the darker shade "#8a6e00" (4.5:1) for text instead; set brand.accent to a darker colour to choose the shade yourself."
		`);
	});

	test('a last date change that does not end at the due date is reported', () => {
		expect(formatChecked(planWith((p) => {
			p.actions[0].dateChanges = [{ on: '2026-04-01', from: '2026-04-20', to: '2026-04-25', reason: 'Holidays' }];
		}))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:37: actions[0] (demo).dateChanges[0].to "2026-04-25" is not the action's due date "2026-05-01".
			    The last date change must move the date to the current due; fix one of the two."
		`);
	});

	test('date changes that do not follow on from each other are a warning', () => {
		expect(formatChecked(planWith((p) => {
			p.actions[0].dateChanges = [
				{ on: '2026-04-01', from: '2026-04-20', to: '2026-04-25', reason: 'Holidays' },
				{ on: '2026-04-10', from: '2026-04-24', to: '2026-05-01', reason: 'Team out' },
			];
		}))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:40: warning: actions[0] (demo).dateChanges[1].from "2026-04-24" does not match "2026-04-25", where the previous change moved the date to.
			    Set from: 2026-04-25, so the history reads as one chain."
		`);
	});

	test('a check-in attendee that is no stakeholder is reported', () => {
		expect(formatChecked(planWith((p) => (p.checkins = [{ date: '2026-04-02', summary: 'Kickoff', attendees: ['ann', 'bob'] }])))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:48: checkins[0].attendees[1] "bob" matches no stakeholder id.
			    Use one of: ann, sam."
		`);
	});

	test('a start after the due date is reported', () => {
		expect(formatChecked(planWith((p) => (p.actions[0].start = '2026-05-05')))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:34: actions[0] (demo).start "2026-05-05" is after the due date "2026-05-01".
			    Move start to the due date or earlier."
		`);
	});

	test('cross-field problems are sorted by line', () => {
		const checked = checkPlanSource('plans/northwind.mdx', planWith((p) => {
			p.actions[1].owner = 'nobody';
			p.actions[0].owner = 'nobody';
		}));
		const lines = checked.problems.map((p) => p.line ?? 0);
		expect(lines).toEqual([...lines].sort((a, b) => a - b));
		expect(lines[0]).toBeLessThan(lines[1]);
	});
});

describe('checkPlanSource with the committed version', () => {
	const committedSource = wrapPlan(VALID_YAML);

	test('a due date moved without a dateChanges entry is an error naming the action, both dates and the fix', () => {
		const source = planWith((p) => (p.actions[1].due = '2026-05-22'));
		expect(formatChecked(source, 'plans/northwind.mdx', committedSource)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:38: actions[1] (security-review).due "2026-05-22" was "2026-05-15" in the last commit, and no dateChanges entry records the move.
			    Add a dateChanges entry (on: the day it was agreed, from: 2026-05-15, to: 2026-05-22, reason: "..."), or put due back to 2026-05-15 and run: npm run plan -- slip northwind security-review 2026-05-22 --reason "...""
		`);
	});

	test('a due date moved with a new dateChanges entry is fine', () => {
		const source = planWith((p) => {
			p.actions[1].due = '2026-05-22';
			p.actions[1].dateChanges = [{ on: '2026-04-10', from: '2026-05-15', to: '2026-05-22', reason: 'Auditor away' }];
		});
		expect(formatChecked(source, 'plans/northwind.mdx', committedSource)).toBe('');
	});

	test('a second move needs a second entry, not only the one committed before', () => {
		const withOneChange = planWith((p) => {
			p.actions[1].due = '2026-05-22';
			p.actions[1].dateChanges = [{ on: '2026-04-10', from: '2026-05-15', to: '2026-05-22', reason: 'Auditor away' }];
		});
		const movedAgain = planWith((p) => {
			p.actions[1].due = '2026-05-29';
			p.actions[1].dateChanges = [{ on: '2026-04-10', from: '2026-05-15', to: '2026-05-29', reason: 'Auditor away' }];
		});
		const checked = checkPlanSource('plans/northwind.mdx', movedAgain, { committedSource: withOneChange });
		expect(checked.problems.map((p) => `${p.path}: ${p.code}`)).toEqual(['actions[1] (security-review).due: due-changed-silently']);
	});

	test('an action added since the commit, or a committed version that does not parse, says nothing', () => {
		const source = planWith((p) => p.actions.push({ id: 'pricing', title: 'Pricing', side: 'seller', owner: 'sam', due: '2026-05-20', status: 'todo' }));
		expect(formatChecked(source, 'plans/northwind.mdx', committedSource)).toBe('');
		expect(formatChecked(planWith((p) => (p.actions[1].due = '2026-05-22')), 'plans/northwind.mdx', 'not a plan')).toBe('');
	});
});

describe('checkPlanSources', () => {
	test('two files with the same name in different folders share a slug, which is an error', () => {
		const source = wrapPlan(VALID_YAML);
		const { plans, problems } = checkPlanSources([
			{ file: 'plans/a.mdx', source },
			{ file: 'plans/sub/a.mdx', source },
		]);
		expect(plans.map((p) => p.slug)).toEqual(['a', 'a']);
		expect(problems.map((p) => `${p.file}: ${p.message}`)).toMatchInlineSnapshot(`
			[
			  "plans/sub/a.mdx: has the slug "a", which plans/a.mdx already uses.",
			]
		`);
	});

	test('problems of every plan are returned together', () => {
		const { problems } = checkPlanSources([
			{ file: 'plans/a.mdx', source: planWith((p) => (p.status = 'over')) },
			{ file: 'plans/b.mdx', source: wrapPlan(VALID_YAML) },
			{ file: 'plans/c.mdx', source: 'no frontmatter' },
		]);
		expect(problems.map((p) => [p.file, p.code])).toEqual([
			['plans/a.mdx', 'value-not-allowed'],
			['plans/c.mdx', 'frontmatter-missing'],
		]);
	});
});

describe('getPlanSlug', () => {
	test.each([
		['plans/northwind.mdx', 'northwind'],
		['plans/emea/acme-data.mdx', 'acme-data'],
		['plans\\win\\x.mdx', 'x'],
		// Only the extension at the end goes: a name that holds ".mdx" earlier keeps it.
		['plans/q3.mdx-draft.mdx', 'q3.mdx-draft'],
	])('%s has the slug %s', (file, slug) => {
		expect(getPlanSlug(file)).toBe(slug);
	});
});
