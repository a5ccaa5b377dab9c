/**
 * The plan check's edges, pinned so that mutation testing (docs/mutation.md) notices a message that
 * loses its field, value, line or hint. Each case edits the smallest valid plan inside its test and
 * asserts the problem exactly as `npm run check` prints it.
 */
import { describe, expect, test } from 'vitest';
import { checkPlanSource, checkPlanSources } from '../../src/lib/check/index.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { formatChecked, planWith, VALID_YAML, wrapPlan } from '../lib/check/fixture.ts';

describe('what npm run check says about a wrong field', () => {
	test.each([
		['a misspelt field', (plan: any) => { plan.titel = 'x'; }],
		['a misspelt field of an action', (plan: any) => { plan.actions[0].ownr = 'sam'; }],
		['a missing required field', (plan: any) => { delete plan.title; }],
		['a status that is nearly right', (plan: any) => { plan.status = 'activ'; }],
		['a status that is a number', (plan: any) => { plan.status = 3; }],
		['text given as a number', (plan: any) => { plan.buyer.name = 42; }],
		['a list given as text', (plan: any) => { plan.successCriteria = 'Fast'; }],
		['a group given as text', (plan: any) => { plan.objective = 'Decide'; }],
		['an empty list of actions', (plan: any) => { plan.actions = []; }],
		['an empty title', (plan: any) => { plan.title = ''; }],
		['an empty success criterion', (plan: any) => { plan.successCriteria = ['']; }],
		['a whole number given as a fraction', (plan: any) => { plan.checkinEveryDays = 2.5; }],
		['a number given as text', (plan: any) => { plan.checkinEveryDays = '7'; }],
		['a number too small', (plan: any) => { plan.checkinEveryDays = 0; }],
		['a number too big', (plan: any) => { plan.checkinEveryDays = 61; }],
		['an email that is not one', (plan: any) => { plan.stakeholders[0].email = 'ann'; }],
		['an id with capitals and spaces', (plan: any) => { plan.actions[0].id = 'Demo Day!'; plan.actions[1].dependsOn = ['Demo Day!']; }],
		['a colour that is not hex', (plan: any) => { plan.brand.primary = 'blue'; }],
		['a date that is not one', (plan: any) => { plan.decisionDate = '30/06/2026'; }],
		['a readable path with capitals', (plan: any) => { plan.path = 'North-Wind'; }],
		['an id with a run of spaces', (plan: any) => { plan.actions[0].id = 'Demo  Day'; plan.actions[1].dependsOn = ['demo-day']; }],
		['an applied email id that is not one', (plan: any) => { plan.feedback = { emails: ['e-7f3k'] }; }],
		['a misspelt field in a group with a default', (plan: any) => { plan.share = { previw: 'named' }; }],
		['a misspelt field in an optional calendar', (plan: any) => { plan.buyer.calendar = { country: 'SG', regoin: 'X' }; }],
		['a misspelt field of a suggestion', (plan: any) => { plan.feedback = { suggestions: [{ kind: 'new-risk', on: '2026-05-01', by: 'Ana', text: 'Budget', isue: 3 }] }; }],
		['a stakeholder entry left empty', (plan: any) => { plan.stakeholders.push(null); }],
		['an action with an empty id', (plan: any) => { plan.actions[0].id = ''; plan.actions[1].dependsOn = []; }],
	])('%s', (_what, edit) => {
		expect(formatChecked(planWith(edit))).toMatchSnapshot();
	});

	test('a misspelt field with a block value is shown on the line of its name', () => {
		const yaml = VALID_YAML.replace('objective:\n', 'sucessCriteria:\n  - Fast\nobjective:\n').replace('    milestone: validated\n    dependsOn', '    nots:\n      - one\n    milestone: validated\n    dependsOn');
		expect(formatChecked(wrapPlan(yaml))).toMatchSnapshot();
	});

	test('an unquoted colour read as nothing', () => {
		expect(formatChecked(wrapPlan(VALID_YAML.replace('primary: "#0b5fff"', 'primary: #0b5fff')))).toMatchSnapshot();
	});
});

describe('what npm run check says about the plan body', () => {
	const planWithBody = (body: string) => `---\n${VALID_YAML}---\n${body}`;

	test.each([
		['prose that mentions importing and exporting', 'Next we import the CSV files and export the report.\nWe import data daily.\n'],
		['an indented import line, shown trimmed', 'Intro\n    import Secret from "../src/secret.ts"\n'],
		['a double-backtick code span holding a backtick and braces', 'Use ``a ` {b}`` and `<script>` as text.\n'],
		['unsafe HTML and an import, listed in line order', 'Intro\n<img src="x" onerror="alert(1)">\nMore\nexport const a = 1\n<div style="color:red" class="x">Red</div>\n'],
		['an unsafe address of exactly 60 characters, shown whole', '[Open](javascript:alert(1234567890123456789012345678901234567890123))\n'],
		['a long unsafe address, shortened', '[Open](javascript:alert(document.cookie+document.domain+window.location.href))\n'],
		['a Markdown image from another site, in angle brackets', '![Chart](<https://cdn.example.com/chart.png>)\n'],
		['a link whose address has a quote in it', '[Open](javascript:alert("x"))\n'],
		['a local image with a style and an unknown attribute', '<img src="./chart.png" style="width:9px" longdesc="./chart.txt" alt="Chart">\n'],
		['a tone attribute and an expression', '<Callout tone="warning">Careful</Callout>\nThe total is {price * 2}.\n'],
	])('%s', (_what, body) => {
		expect(formatChecked(planWithBody(body))).toMatchSnapshot();
	});
	test.each([
		['a brace after a backtick run that never closes', 'a `{process.exit(1)}`` b', 'body-expression'],
		['a brace after an escaped backtick', 'a \\`{process.exit(1)}` b', 'body-expression'],
		['a script between backtick runs of different lengths', 'x `<script>alert(1)</script>`` y', 'body-html-unsafe'],
		['a brace in a code span after an escaped backslash', 'a \\\\`{safe}` b', undefined],
		['a brace in a double-backtick span holding a backtick', 'a ``{safe} ` x`` b', undefined],
	])('reads inline code as MDX does: %s', (_what, line, code) => {
		// MDX (satteri's mdxToJs) compiles each of these lines: only real code spans hide the brace or tag from it.
		const codes = checkPlanSource('plans/northwind.mdx', `---\n${VALID_YAML}---\n${line}\n`).problems.map((problem) => problem.code);
		expect(codes).toEqual(code === undefined ? [] : [code]);
	});
});

describe('what npm run check says about dates and references', () => {
	test.each([
		['a start after the due date', (plan: any) => { plan.actions[0].start = '2026-05-02'; }],
		['a start on the due date', (plan: any) => { plan.actions[0].start = '2026-05-01'; }],
		['a start before a due date still to agree', (plan: any) => { plan.actions[0].start = '2026-05-02'; plan.actions[0].due = 'tbd'; plan.actions[1].dependsOn = []; }],
		['an action due after its milestone', (plan: any) => { plan.actions[1].due = '2026-06-05'; }],
		['two actions of a milestone due the same day, after it', (plan: any) => { plan.actions[0].due = '2026-06-05'; plan.actions[1].due = '2026-06-05'; }],
		['an owner nobody lists', (plan: any) => { plan.actions[0].owner = 'sammy'; }],
		['an owner on the other side', (plan: any) => { plan.actions[0].owner = 'ann'; }],
		['an action without an owner', (plan: any) => { delete plan.actions[0].owner; }],
		['a milestone nobody lists', (plan: any) => { plan.actions[0].milestone = 'validatd'; }],
		['a dependency on an unknown action', (plan: any) => { plan.actions[1].dependsOn = ['dem']; }],
		['two actions with one id', (plan: any) => { plan.actions[1].id = 'demo'; plan.actions[1].dependsOn = []; }],
		['a cycle of dependencies', (plan: any) => { plan.actions[0].dependsOn = ['security-review']; }],
		['a done action without a day', (plan: any) => { plan.actions[0].status = 'done'; }],
		['a day done on an open action', (plan: any) => { plan.actions[0].completedOn = '2026-04-30'; }],
		['date changes that do not follow on', (plan: any) => { plan.actions[0].dateChanges = [{ on: '2026-04-01', from: '2026-04-20', to: '2026-04-25', reason: 'x' }, { on: '2026-04-10', from: '2026-04-26', to: '2026-05-01', reason: 'y' }]; }],
		['date changes that end elsewhere than the due date', (plan: any) => { plan.actions[0].dateChanges = [{ on: '2026-04-01', from: '2026-04-20', to: '2026-04-25', reason: 'x' }]; }],
		['a calendar of an unknown country', (plan: any) => { plan.buyer.calendar = { country: 'XX' }; }],
		['a region written in lower case', (plan: any) => { plan.buyer.calendar = { country: 'DE', region: 'by' }; }],
		['an unknown region', (plan: any) => { plan.buyer.calendar = { country: 'DE', region: 'ZZ' }; }],
		['a region for a country without regions', (plan: any) => { plan.buyer.calendar = { country: 'SG', region: 'X' }; }],
		['a done action due while its owner is away', (plan: any) => { plan.stakeholders[0].away = [{ from: '2026-05-11', to: '2026-05-22' }]; plan.actions[1].status = 'done'; plan.actions[1].completedOn = '2026-05-10'; plan.actions[0].status = 'done'; plan.actions[0].completedOn = '2026-04-30'; }],
		['an owner away on a holiday too', (plan: any) => { plan.buyer.calendar = { country: 'SG' }; plan.stakeholders[0].away = [{ from: '2026-04-30', to: '2026-05-02' }]; plan.actions[0].owner = 'ann'; plan.actions[0].side = 'buyer'; }],
		['an away span of one day', (plan: any) => { plan.stakeholders[1].away = [{ from: '2026-05-11', to: '2026-05-11' }]; }],
		['date changes that follow on', (plan: any) => { plan.actions[0].dateChanges = [{ on: '2026-04-01', from: '2026-04-20', to: '2026-04-25', reason: 'x' }, { on: '2026-04-10', from: '2026-04-25', to: '2026-05-01', reason: 'y' }]; }],
		['an unknown region in lower case', (plan: any) => { plan.buyer.calendar = { country: 'DE', region: 'bx' }; }],
		['a placeholder beside an empty field', (plan: any) => { plan.title = '[[Deal title]]'; plan.actions[0].notes = null; }],
		['a misspelt field and an unknown owner: both are reported', (plan: any) => { plan.titel = 'x'; plan.actions[0].owner = 'sammy'; }],
		['an empty action entry and an unknown owner: both are reported', (plan: any) => { plan.actions.push(null); plan.actions[0].owner = 'sammy'; }],
		['an away span that ends before it starts', (plan: any) => { plan.stakeholders[1].away = [{ from: '2026-05-11', to: '2026-05-01' }]; }],
	])('%s', (_what, edit) => {
		expect(formatChecked(planWith(edit))).toMatchSnapshot();
	});
});

describe('what npm run check says against the last commit and across plans', () => {
	const checkAll = (files: { file: string; source: string; committedSource?: string }[]) => checkPlanSources(files).problems.map(formatProblem).join('\n');

	test.each([
		['a due date moved without a date change', (plan: any) => { plan.actions[0].due = '2026-05-04'; }, (plan: any) => plan],
		['a due date moved with a date change', (plan: any) => { plan.actions[0].due = '2026-05-04'; plan.actions[0].dateChanges = [{ on: '2026-04-20', from: '2026-05-01', to: '2026-05-04', reason: 'Holiday' }]; }, (plan: any) => plan],
		['a date agreed for a step that was tbd', (plan: any) => { plan.actions[0].due = '2026-05-04'; }, (plan: any) => { plan.actions[0].due = 'tbd'; }],
		['a date made tbd again', (plan: any) => { plan.actions[0].due = 'tbd'; plan.actions[1].dependsOn = []; }, (plan: any) => plan],
		['a committed plan with the id twice, the first one moved', (plan: any) => { plan.actions[0].due = '2026-05-04'; }, (plan: any) => { plan.actions.push({ ...plan.actions[0], due: '2026-05-04' }); }],
	])('%s', (_what, edit, editCommitted) => {
		const committed = planWith((plan) => editCommitted(plan));
		expect(checkAll([{ file: 'plans/northwind.mdx', source: planWith(edit), committedSource: committed }])).toMatchSnapshot();
	});

	test('two plans with one file name in different folders', () => {
		expect(checkAll([{ file: 'plans/emea/northwind.mdx', source: planWith(() => {}) }, { file: 'plans/apac/northwind.mdx', source: planWith(() => {}) }])).toMatchSnapshot();
	});

	test.each([
		['frontmatter that is one line of text', wrapPlan('Northwind plan\n')],
		['frontmatter that is a list', wrapPlan('- title\n- buyer\n')],
		['frontmatter that does not parse', wrapPlan(VALID_YAML.replace('status: active', 'status: [active'))],
		['an id written with capitals, referred to as suggested', planWith((plan) => { plan.actions[0].id = '--Demo Day!--'; plan.actions[1].dependsOn = ['demo-day']; })],
		['an id of punctuation only', planWith((plan) => { plan.actions[0].id = '!!!'; plan.actions[1].dependsOn = ['demo']; })],
		['a placeholder left in a name', planWith((plan) => { plan.stakeholders[0].name = '[[Buyer champion]]'; })],
		['a placeholder left in an id and in the body', wrapPlan(VALID_YAML.replace('- id: ann', '- id: "[[champion]]"')).replace('Body text.', 'Body [[fill in]].')],
	])('%s', (_what, source) => {
		expect(formatChecked(source)).toMatchSnapshot();
	});
});

describe('what npm run check quotes and accepts', () => {
	test('a long code line in the body is quoted trimmed and cut at 60 characters', () => {
		const line = '   import { Chart, Table, Timeline } from "../../components/very/long/path/to/the/widgets.ts"   ';
		expect(formatChecked(`---\n${VALID_YAML}---\n\nIntro\n${line}\n`)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:45: body has an import line: "import { Chart, Table, Timeline } from "../../components/ver".
			    Plans cannot import or export code. Use the built-in components (Callout, Metric, Quote) without importing them.
			plans/northwind.mdx:45: body has a curly brace, which MDX runs as code: "import { Chart, Table, Timeline } from "../../components/ver".
			    Write \\{ and \\} for literal braces, or reword the sentence."
		`);
	});

	test('a region written in small letters is the same region', () => {
		expect(formatChecked(planWith((plan) => { plan.buyer.calendar = { country: 'DE', region: 'by' }; }))).toBe('');
	});

	test('a stand-in name of the eleventh person gets the person hint', () => {
		const source = planWith((plan) => {
			for (let at = 2; at <= 10; at++) plan.stakeholders.push({ id: `person-${at}`, name: `Person ${at}`, role: 'Analyst', side: 'buyer' });
			plan.stakeholders[10].name = '[[Champion name]]';
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:55: warning: stakeholders[10].name still holds the placeholder "[[Champion name]]".
			    Write the real person's name, and rename "person-10" to match it (Priya Shah is "priya-shah") wherever it is used: owner, attendees."
		`);
	});

	test('a risk nobody owns is fine, and a milestone named where none is written says to add one', () => {
		const source = planWith((plan) => {
			plan.risks = [{ id: 'budget', title: 'Budget freeze', probability: 'low', impact: 'high' }];
			delete plan.milestones;
			delete plan.actions[0].milestone;
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:35: actions[1] (security-review).milestone "validated" matches no milestone id.
			    Add the milestone first."
		`);
	});

	test('two people written without ids are each reported once, not as a duplicate', () => {
		const source = planWith((plan) => {
			plan.stakeholders.push({ name: 'Dewi', role: 'Legal', side: 'buyer' }, { name: 'Budi', role: 'Finance', side: 'buyer' });
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:22: stakeholders[2].id is required.
			    Add "id:" here.
			plans/northwind.mdx:25: stakeholders[3].id is required.
			    Add "id:" here."
		`);
	});
});

describe('what npm run check says about dates and links, edge by edge', () => {
	test('with a working calendar, a step whose date is still to agree gets only the reminder, and a done one nothing', () => {
		const source = planWith((plan) => {
			plan.buyer.calendar = { country: 'SG' };
			plan.actions[1].due = 'tbd';
			plan.actions.push({ id: 'pilot', title: 'Pilot', side: 'buyer', owner: 'ann', due: 'tbd', status: 'done', completedOn: '2026-04-20' });
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:40: reminder: actions[1] (security-review).due "tbd" is a date still to agree: the projected decision does not count this step yet.
			    Agree a date with Ann Buyer and write it as due: YYYY-MM-DD."
		`);
	});

	test('a Markdown link or image to a script quotes the address with its quotation marks', () => {
		expect(formatChecked(`---\n${VALID_YAML}---\n\nSee [the form](javascript:x="1") and ![the chart](javascript:y="2").\n`)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:44: body has a Markdown link to "javascript:x=\\"1\\"", which is not a web (http, https), email (mailto:) or relative link; the published page leaves it out.
			    Link to a web page (https://...), an email address (mailto:...) or a heading of the plan (#heading).
			plans/northwind.mdx:44: body has a Markdown image to "javascript:y=\\"2\\"", which must be an image file of the plan (a path next to the plan file), not a web address or data URL; the published page leaves it out.
			    Put the image file next to the plan and write ![what it shows](./file.png)."
		`);
	});

	test('a cycle of later actions is reported on the first action of the cycle', () => {
		const source = planWith((plan) => {
			plan.actions.push({ id: 'legal', title: 'Legal', side: 'buyer', owner: 'ann', due: '2026-05-20', status: 'todo', dependsOn: ['security-review'] });
			plan.actions[1].dependsOn = ['demo', 'legal'];
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:38: actions[1] (security-review).due "2026-05-15" is before "2026-05-20", the due date of "legal" it depends on.
			    Move the due date to 2026-05-20 or later, or drop "legal" from dependsOn.
			plans/northwind.mdx:42: actions[1] (security-review).dependsOn makes a dependency cycle: security-review -> legal -> security-review.
			    Remove one of these dependsOn entries so the actions can happen in order."
		`);
	});

	test('a hint lists twelve known ids in full', () => {
		const source = planWith((plan) => {
			for (let at = 3; at <= 12; at++) plan.actions.push({ id: `step-${at}`, title: `Step ${at}`, side: 'buyer', owner: 'ann', due: '2026-05-20', status: 'todo' });
			plan.actions[1].dependsOn = ['demo', 'step-13'];
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:43: actions[1] (security-review).dependsOn[1] "step-13" matches no action id.
			    Did you mean "step-3"? Use one of: demo, security-review, step-3, step-4, step-5, step-6, step-7, step-8, step-9, step-10, step-11, step-12."
		`);
	});

	test('a due date moved with a date change written since the commit says nothing', () => {
		const committed = planWith(() => {});
		const moved = planWith((plan) => {
			plan.actions[1].due = '2026-05-22';
			plan.actions[1].dateChanges = [{ on: '2026-05-10', from: '2026-05-15', to: '2026-05-22', reason: 'Counsel away' }];
		});
		const silent = planWith((plan) => { plan.actions[1].due = '2026-05-22'; });
		expect(formatChecked(moved, 'plans/northwind.mdx', committed)).toBe('');
		// The entry before it has a bad value and is left out of the checked plan: the date change is still read from the right entry.
		const movedAfterBadEntry = planWith((plan) => {
			plan.actions[0].status = 'finished';
			plan.actions[1].due = '2026-05-22';
			plan.actions[1].dateChanges = [{ on: '2026-05-10', from: '2026-05-15', to: '2026-05-22', reason: 'Counsel away' }];
		});
		expect(formatChecked(movedAfterBadEntry, 'plans/northwind.mdx', committed)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:32: actions[0] (demo).status must be one of: todo, in-progress, done, blocked. Received: "finished".
			    Pick one of the listed values."
		`);
		expect(formatChecked(silent, 'plans/northwind.mdx', committed)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:38: actions[1] (security-review).due "2026-05-22" was "2026-05-15" in the last commit, and no dateChanges entry records the move.
			    Add a dateChanges entry (on: the day it was agreed, from: 2026-05-15, to: 2026-05-22, reason: "..."), or put due back to 2026-05-15 and run: npm run plan -- slip northwind security-review 2026-05-22 --reason "...""
		`);
	});

	test('a plan with a schema error still gets the calendar warnings of its valid fields', () => {
		const source = planWith((plan) => {
			plan.title = '';
			plan.buyer.calendar = { country: 'SG' };
			plan.actions[1].due = '2026-05-16';
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:2: title "" must not be empty.
			    Fill it in or remove the field.
			plans/northwind.mdx:40: warning: actions[1] (security-review).due "2026-05-16" is not a working day: 2026-05-16 is not a working day for Northwind.
			    Move the due date to a working day; the schedule already counts it on the next one."
		`);
	});

	test('ids written as a number or left empty: the other problems of the entry still name it plainly', () => {
		const source = planWith((plan) => {
			plan.actions[0].id = 42;
			plan.actions[1].id = '';
			plan.actions[1].owner = 'nobody';
			plan.actions[1].dependsOn = ['demo'];
			plan.stakeholders.push({ id: 7, name: '[[Champion name]]', role: 'Sponsor', side: 'buyer' });
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:22: stakeholders[2].id 7 must be a string.
			    Put the text in double quotes if YAML reads it as something else.
			plans/northwind.mdx:23: warning: stakeholders[2].name still holds the placeholder "[[Champion name]]".
			    Write the real person's name, and rename the id to match it (Priya Shah is "priya-shah") wherever it is used: owner, attendees.
			plans/northwind.mdx:31: actions[0].id 42 must be a string.
			    Put the text in double quotes if YAML reads it as something else.
			plans/northwind.mdx:38: actions[1].id "" must use only lower-case letters, digits and dashes, like "legal-review".
			    Change the value so it meets the rule above.
			plans/northwind.mdx:41: actions[1].owner "nobody" matches no stakeholder id.
			    Use one of: ann, sam.
			plans/northwind.mdx:46: actions[1].dependsOn[0] "demo" matches no action id.
			    Add the action first."
		`);
	});

	test('a region one letter off, in small letters, gets a guess in capitals', () => {
		expect(formatChecked(planWith((plan) => { plan.buyer.calendar = { country: 'DE', region: 'bay' }; }))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:7: buyer.calendar.region "bay" is not a region of DE the holiday calendar knows.
			    Did you mean "BY"? Known regions: BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH and 4 more."
		`);
	});

	test('a region nothing like a known one lists the known regions without a guess', () => {
		expect(formatChecked(planWith((plan) => { plan.buyer.calendar = { country: 'DE', region: 'QQQQ' }; }))).toMatchInlineSnapshot(`
			"plans/northwind.mdx:7: buyer.calendar.region "QQQQ" is not a region of DE the holiday calendar knows.
			    Known regions: BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH and 4 more."
		`);
	});

	test('unsafe markup quoted as written: an empty handler, an address holding a "<", a src outside an image', () => {
		const body = '<a onclick>x</a>\n\n[x](<javascript:a<b>)\n\n<input src="https://e.example/a.png">\n';
		expect(formatChecked(`---\n${VALID_YAML}---\n\n${body}`)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:44: body has <a onclick="">, whose onclick is an event handler, which runs code; the published page leaves it out.
			    Delete the attribute: plan text cannot run code in the buyer's browser.
			plans/northwind.mdx:46: body has a Markdown link to "javascript:a<b", which is not a web (http, https), email (mailto:) or relative link; the published page leaves it out.
			    Link to a web page (https://...), an email address (mailto:...) or a heading of the plan (#heading).
			plans/northwind.mdx:48: body has <input src="https://e.example/a.png">, whose src is not a web (http, https), email (mailto:) or relative link; the published page leaves it out.
			    Delete the attribute."
		`);
	});

	test('with an id written twice, a dependency is compared with the first of them', () => {
		const source = planWith((plan) => {
			plan.actions.push({ ...plan.actions[0], title: 'Second demo', due: '2026-04-01' });
			plan.actions[0].due = '2026-05-20';
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:38: actions[1] (security-review).due "2026-05-15" is before "2026-05-20", the due date of "demo" it depends on.
			    Move the due date to 2026-05-20 or later, or drop "demo" from dependsOn.
			plans/northwind.mdx:43: actions[2].id "demo" is already used by actions[0].
			    Give every action its own id."
		`);
	});
});
