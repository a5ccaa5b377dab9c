/**
 * Every hostile issue from issue 6's "Done when", each filed against its own copy of the fixture
 * plan, merged in one real run of `npm run feedback -- --apply` (real Octokit, fake GitHub over
 * HTTP). Each row checks the outcome; the whole-run tests check that every plan is either byte for
 * byte as it was or whole and valid, and that a second run changes nothing.
 *
 * Covered elsewhere and not repeated here: the relay refusing a forged deal (a token for deal A
 * used for deal B, test/relay/handler.test.ts "answers 403 for %s"), the relay's 1 MB body
 * ("answers 413 ..."), and 250 issues, replays, edits and GitHub errors in the other sweep files.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderFeedbackIssueBody } from '../../src/lib/feedback/render-issue.ts';
import type { Plan } from '../../src/schema/plan.ts';
import { startFakeGitHub, type FakeGitHub, type FakeIssue } from '../github/fake-github.ts';
import { BOT, createPlansFolder, expectWholePlan, listWrites, PLAN, TEMPLATE, writeRawBody, type PlansFolder, type RunResult } from './harness.ts';

type Expected =
	/** Applied: `read` picks the stored value out of the plan, which must equal `stored`. */
	| { outcome: 'applied'; read: (plan: Plan) => unknown; stored: unknown }
	/** Labelled needs-rep with a comment containing `reason`; the plan is untouched. */
	| { outcome: 'rejected'; reason: string }
	/** Left alone: no comment, no label, still open. */
	| { outcome: 'untrusted' }
	/** Not a feedback issue at all (no label, or a pull request): never even read. */
	| { outcome: 'not listed' };

interface SweepCase {
	name: string;
	/** The issue body, given the deal slug of this case's own plan. */
	body: (deal: string) => string;
	author?: string;
	labels?: string[];
	isPullRequest?: boolean;
	expected: Expected;
}

const planComment = (plan: Plan) => plan.feedback.comments[0];
const commentText = (plan: Plan) => planComment(plan)?.text;
const commentBy = (plan: Plan) => planComment(plan)?.by;

/** A plan comment typed straight into GitHub's form. */
function comment(message: string, from = 'Ana Buyer'): (deal: string) => string {
	return (deal) => writeRawBody({ deal, kind: 'comment', message, from });
}

function applied(read: (plan: Plan) => unknown, stored: unknown): Expected {
	return { outcome: 'applied', read, stored };
}

function rejected(reason: string): Expected {
	return { outcome: 'rejected', reason };
}

// Text that is markup, code or YAML syntax somewhere: it must end up as exactly this string.
const HOSTILE_TEXT: [string, string][] = [
	['HTML', '<b>Bold</b> <img src=x onerror="alert(1)"> &amp; &lt;'],
	['a script', '<script>alert(document.cookie)</script>'],
	['a javascript: Markdown link', '[Open the plan](javascript:alert(1))'],
	['a javascript: HTML link', '<a href="javascript:alert(1)">Open</a>'],
	['an MDX expression', '{process.env.GITHUB_TOKEN}'],
	['JSX components', '<Comp/> <Callout tone="warning">Pwned</Callout>'],
	['MDX import and export', "import fs from 'node:fs'\nexport const leak = fs.readFileSync('/etc/passwd')"],
	['newlines', 'First line\n\nSecond line\n  indented'],
	['quotes and backslashes', `"double" 'single' \`back\` \\ \\" \\n`],
	['a colon and space', 'key: value'],
	['a document marker', 'before\n---\nafter\n...'],
	['a lone document marker', '---'],
	['yes', 'yes'],
	['a tilde', '~'],
	['null', 'null'],
	['a hex number', '0x1F'],
	['a date', '2026-05-04'],
	['a JS function tag', "!!js/function 'function () { return process.exit(1) }'"],
	['an anchor', '&a anchor'],
	['an alias', '*a'],
	['a flow mapping and sequence', '{a: 1, b: [2, 3]}'],
	['a list item and a key marker', '- item\n? key\n: value'],
	['a YAML directive', '%YAML 1.1'],
	['block scalar indicators', '|\n>-'],
	['a comment marker', '# not a comment'],
	['an Indonesian sentence and an emoji', 'Tolong jadwalkan ulang 🙏'],
	['4000 characters', 'x'.repeat(4000)],
];

// A single-line field that is not free text: the form's own checks refuse markup here.
const HOSTILE_IDS: [string, string][] = [
	['a script', '<script>alert(1)</script>'],
	['an MDX expression', '{process.env.X}'],
	['a javascript: link', 'javascript:alert(1)'],
	['a JSX component', '<Comp/>'],
];

const CASES: SweepCase[] = [
	...HOSTILE_TEXT.map(([what, text]): SweepCase => ({ name: `${what} in the message is stored as that text`, body: comment(text), expected: applied(commentText, text) })),
	...HOSTILE_TEXT.filter(([, text]) => !text.includes('\n')).map(([what, text]): SweepCase => ({
		name: `${what} in From is stored as that text`,
		body: comment('Hello', text),
		expected: applied(commentBy, text),
	})),
	...HOSTILE_IDS.flatMap(([what, text]): SweepCase[] => [
		{ name: `${what} as the deal is refused`, body: () => writeRawBody({ deal: text, kind: 'comment', message: 'Hi', from: 'Ana' }), expected: rejected('Deal "') },
		{ name: `${what} as the kind is refused`, body: (deal) => writeRawBody({ deal, kind: text, message: 'Hi', from: 'Ana' }), expected: rejected('Kind "') },
		{ name: `${what} as the action is refused`, body: (deal) => writeRawBody({ deal, kind: 'done', action: text, from: 'Ana' }), expected: rejected('Action "') },
		{ name: `${what} as the date is refused`, body: (deal) => writeRawBody({ deal, kind: 'new-risk', date: text, message: 'Hi', from: 'Ana' }), expected: rejected('Date "') },
	]),
	{
		name: 'a newline in From is refused, so it cannot carry a second field',
		body: (deal) => writeRawBody({ deal, kind: 'comment', message: 'Hi', from: 'Ana\nKind: done' }),
		expected: rejected('From must be on one line.'),
	},
	{
		name: 'a "### Action" line typed into the message on GitHub is refused',
		body: (deal) => writeRawBody({ deal, kind: 'comment', message: 'Fine.\n\n### Action\n\nsign', from: 'Ana' }),
		expected: rejected('"### Action" appears a second time'),
	},
	{
		name: 'a "### Deal" line typed into the message on GitHub is refused',
		body: (deal) => writeRawBody({ deal, kind: 'comment', message: `Fine.\n### Deal\n${deal}`, from: 'Ana' }),
		expected: rejected('"### Deal" appears a second time'),
	},
	{
		name: 'a "### Action" line sent through the relay stays part of the message',
		body: (deal) => renderFeedbackIssueBody({ deal, kind: 'comment', message: 'Fine.\n\n### Action\n\nsign', from: 'Ana' }, TEMPLATE),
		expected: applied(commentText, 'Fine.\n\n### Action\n\nsign'),
	},
	{
		name: 'a heading that is not a field is refused',
		body: (deal) => `${writeRawBody({ deal, kind: 'comment', message: 'Hi', from: 'Ana' })}### Title\n\nInjected\n\n`,
		expected: rejected('"### Title" is not a field of the plan-feedback form'),
	},
	{
		name: 'text before the first heading is refused',
		body: (deal) => `Please read me first.\n\n${writeRawBody({ deal, kind: 'comment', message: 'Hi', from: 'Ana' })}`,
		expected: rejected('There is text before the first "### " heading'),
	},
	{
		name: 'a body with CRLF line endings is read, with LF in the stored text',
		body: (deal) => writeRawBody({ deal, kind: 'comment', message: 'One\r\nTwo\r\n\r\nThree', from: 'Ana' }, '\r\n'),
		expected: applied(commentText, 'One\nTwo\n\nThree'),
	},
	{
		name: '_No response_ in an optional field reads as empty',
		body: (deal) => writeRawBody({ deal, kind: 'comment', message: 'On the whole plan', from: 'Ana' }),
		expected: applied((plan) => [plan.feedback.comments.length, plan.actions.map((action) => action.comments.length)], [1, [0, 0]]),
	},
	{
		name: '_No response_ in a required field is refused',
		body: (deal) => writeRawBody({ deal, kind: 'comment', message: 'Hi' }),
		expected: rejected('From is required'),
	},
	{
		name: 'zero-width and right-to-left override characters are removed',
		body: comment('Pay\u200B now\u202Egnp.exe\u2066\uFEFF', 'A\u200Dna'),
		expected: applied((plan) => [commentText(plan), commentBy(plan)], ['Pay nowgnp.exe', 'Ana']),
	},
	{
		name: 'a heading hidden by a zero-width character is still refused',
		body: (deal) => writeRawBody({ deal, kind: 'comment', message: 'Fine.\n\u200B### Action\nsign', from: 'Ana' }),
		expected: rejected('"### Action" appears a second time'),
	},
	{
		name: 'a 1 MB body is refused before it is parsed',
		body: comment('x'.repeat(1024 * 1024)),
		expected: rejected('feedback issues are limited to 64 KB'),
	},
	{
		name: 'a message over 4000 characters is refused',
		body: comment('x'.repeat(4001)),
		expected: rejected('Message is 4001 characters long; the limit is 4000.'),
	},
	...[
		['2026-02-30', 'is not a real calendar date'],
		['31/12/2026', 'YYYY-MM-DD'],
		['tomorrow', 'YYYY-MM-DD'],
	].map(([date, reason]): SweepCase => ({
		name: `the date ${date} is refused`,
		body: (deal) => writeRawBody({ deal, kind: 'new-date', action: 'sign', date, from: 'Ana' }),
		expected: rejected(`Date "${date}" ${reason === 'YYYY-MM-DD' ? '' : reason}`),
	})),
	{
		name: 'an unknown deal is refused',
		body: () => writeRawBody({ deal: 'nowhere', kind: 'comment', message: 'Hi', from: 'Ana' }),
		expected: rejected('There is no plan for the deal "nowhere".'),
	},
	{
		name: 'an unknown action is refused, naming the real ones',
		body: (deal) => writeRawBody({ deal, kind: 'done', action: 'pay-invoice', from: 'Ana' }),
		expected: rejected('has no action "pay-invoice"; its actions are legal-review, sign.'),
	},
	{
		name: 'a new date that breaks a dependency is refused',
		body: (deal) => writeRawBody({ deal, kind: 'new-date', action: 'legal-review', date: '2026-06-15', from: 'Ana' }),
		expected: rejected('actions[1] (sign).due "2026-06-10" is before "2026-06-15", the due date of "legal-review" it depends on.'),
	},
	{
		name: 'a new date moves due and records the change, with hostile text as the reason',
		body: (deal) => writeRawBody({ deal, kind: 'new-date', action: 'legal-review', date: '2026-05-28', message: 'yes: "no" # ~ &a *a', from: 'Ana' }),
		expected: applied(
			(plan) => [plan.actions[0]!.due, plan.actions[0]!.dateChanges],
			['2026-05-28', [{ on: '2026-05-04', from: '2026-06-01', to: '2026-05-28', reason: 'yes: "no" # ~ &a *a', by: 'Ana', issue: expect.any(Number) }]],
		),
	},
	{
		name: 'done marks the action done on the day given',
		body: (deal) => writeRawBody({ deal, kind: 'done', action: 'legal-review', date: '2026-05-02', from: 'Ana' }),
		expected: applied((plan) => [plan.actions[0]!.status, plan.actions[0]!.completedOn], ['done', '2026-05-02']),
	},
	{
		name: 'fields the kind does not use are refused',
		body: (deal) => writeRawBody({ deal, kind: 'new-risk', action: 'sign', message: 'Budget', from: 'Ana' }),
		expected: rejected('Action is not used when kind is "new-risk"; leave it empty.'),
	},
	{
		name: 'an issue from an author nobody trusts is left alone',
		body: comment('Let me in'),
		author: 'mallory',
		expected: { outcome: 'untrusted' },
	},
	{
		name: 'a forged issue for another deal from an untrusted author is left alone',
		body: () => writeRawBody({ deal: 'p000', kind: 'done', action: 'sign', from: 'Ana' }),
		author: 'mallory',
		expected: { outcome: 'untrusted' },
	},
	{
		name: 'a deal that walks out of plans/ is refused',
		body: () => writeRawBody({ deal: '../../etc/passwd', kind: 'comment', message: 'Hi', from: 'Ana' }),
		expected: rejected('Deal "../../etc/passwd"'),
	},
	{
		name: 'a deal in capitals is refused rather than matched to the lower-case plan',
		body: (deal) => writeRawBody({ deal: deal.toUpperCase(), kind: 'comment', message: 'Hi', from: 'Ana' }),
		expected: rejected('Deal "P'),
	},
	{
		name: "an untrusted author's issue is applied once a maintainer adds the feedback-trusted label",
		body: comment('Vetted by Sam'),
		author: 'mallory',
		labels: ['plan-feedback', 'feedback-trusted'],
		expected: applied(commentText, 'Vetted by Sam'),
	},
	{
		name: 'a free-text issue with the feedback label is refused as not from the form',
		body: () => 'Hi! Could you move the demo to Friday? Thanks, Ana',
		expected: rejected('This issue was not written with the plan-feedback form'),
	},
	{
		name: 'an empty issue is refused',
		body: () => '',
		expected: rejected('This issue was not written with the plan-feedback form'),
	},
	{
		name: 'a free-text issue without the feedback label is not read',
		body: () => 'Where is the plan?',
		labels: [],
		expected: { outcome: 'not listed' },
	},
	{
		name: 'a pull request with a valid form body is not read',
		body: comment('From a pull request'),
		isPullRequest: true,
		expected: { outcome: 'not listed' },
	},
];

// p000 is a plan no case targets on purpose; the forged-deal case names it.
const slugOf = (index: number) => `p${String(index + 1).padStart(3, '0')}`;
const FIRST_ISSUE = 100;

let github: FakeGitHub;
let folder: PlansFolder;
const issues: FakeIssue[] = [];
const runs: { dry?: RunResult; apply?: RunResult; again?: RunResult } = {};
let afterDry: Map<string, string>;
let writesAfterDry: string[];
let afterApply: Map<string, string>;
let commentsAfterApply: number[];

async function readAll(): Promise<Map<string, string>> {
	const slugs = ['p000', ...CASES.map((_, index) => slugOf(index))];
	return new Map(await Promise.all(slugs.map(async (slug) => [slug, await folder.read(slug)] as const)));
}

beforeAll(async () => {
	github = await startFakeGitHub();
	folder = await createPlansFolder();
	await folder.write('p000');
	for (const [index, sweepCase] of CASES.entries()) {
		await folder.write(slugOf(index));
		issues.push(
			github.addIssue({
				number: FIRST_ISSUE + index,
				body: sweepCase.body(slugOf(index)),
				author: sweepCase.author ?? BOT,
				labels: [...(sweepCase.labels ?? ['plan-feedback'])],
				isPullRequest: sweepCase.isPullRequest,
			}),
		);
	}
	runs.dry = await folder.run(github, []);
	afterDry = await readAll();
	writesAfterDry = listWrites(github);
	runs.apply = await folder.run(github);
	afterApply = await readAll();
	commentsAfterApply = issues.map((issue) => issue.comments.length);
	runs.again = await folder.run(github);
}, 120_000);

afterAll(async () => {
	await github.close();
	await folder.remove();
});

describe('a dry run over every hostile issue', () => {
	test('exits 0, changes no plan and sends GitHub nothing that writes', () => {
		expect(runs.dry).toMatchObject({ status: 0, stderr: '' });
		for (const source of afterDry.values()) expect(source).toBe(PLAN);
		expect(writesAfterDry).toEqual([]);
	});
});

describe('npm run feedback -- --apply over every hostile issue', () => {
	test('exits 0 without an error', () => {
		expect(runs.apply).toMatchObject({ status: 0, stderr: '' });
	});

	test.each(CASES.map((sweepCase, index) => [sweepCase.name, sweepCase, index] as const))('%s', (_, sweepCase, index) => {
		const issue = issues[index]!;
		const source = afterApply.get(slugOf(index))!;
		const { expected } = sweepCase;
		switch (expected.outcome) {
			case 'applied': {
				const plan = expectWholePlan(source, [issue.number]);
				expect(expected.read(plan)).toEqual(expected.stored);
				expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });
				expect(issue.comments).toEqual([expect.stringMatching(new RegExp(`^Applied to \`plans/${slugOf(index)}\\.mdx\`: [^]*<!-- mapsite:feedback:${issue.number} -->$`))]);
				break;
			}
			case 'rejected':
				expect(source).toBe(PLAN);
				expect(issue.state).toBe('open');
				expect(issue.labels).toContain('needs-rep');
				expect(issue.comments).toHaveLength(1);
				expect(issue.comments[0]).toContain(expected.reason);
				break;
			case 'untrusted':
				expect(source).toBe(PLAN);
				expect(issue).toMatchObject({ state: 'open', comments: [], labels: sweepCase.labels ?? ['plan-feedback'] });
				expect(runs.apply!.stdout).toContain(`#${issue.number} by ${issue.author} is not trusted, left alone`);
				break;
			case 'not listed':
				expect(source).toBe(PLAN);
				expect(issue).toMatchObject({ state: 'open', comments: [] });
				expect(runs.apply!.stdout).not.toContain(`#${issue.number} `);
				expect(github.requests.some((request) => request.includes(`/issues/${issue.number}`))).toBe(false);
				break;
		}
	});

	test('leaves every plan as it was or whole and valid, and no temporary file behind', async () => {
		const changed = [...afterApply].filter(([, source]) => source !== PLAN).map(([slug]) => slug);
		const expectedChanged = CASES.flatMap((sweepCase, index) => (sweepCase.expected.outcome === 'applied' ? [slugOf(index)] : []));
		expect(changed).toEqual(expectedChanged);
		expect(await folder.list()).toEqual([...afterApply.keys()].map((slug) => `${slug}.mdx`).sort());
	});

	test('a second run changes no plan and posts no comment twice', () => {
		expect(runs.again).toMatchObject({ status: 0, stderr: '' });
		expect(issues.map((issue) => issue.comments.length)).toEqual(commentsAfterApply);
	});

	test('every feedback value lands in the frontmatter, never in the MDX body', () => {
		for (const source of afterApply.values()) expect(source.slice(source.lastIndexOf('\n---\n'))).toBe(PLAN.slice(PLAN.lastIndexOf('\n---\n')));
	});
});
