/** Replayed and edited issues, and 250 issues across pages, through `npm run feedback -- --apply`. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.ts';
import { createPlansFolder, expectWholePlan, PLAN, writeRawBody, type PlansFolder, type RawFields } from './harness.ts';

let github: FakeGitHub;
let folder: PlansFolder;

beforeAll(async () => {
	github = await startFakeGitHub();
});
afterAll(async () => {
	await github.close();
});
beforeEach(async () => {
	folder = await createPlansFolder();
	await folder.write('northwind');
	github.issues.length = 0;
	github.requests.length = 0;
	github.failWith(undefined);
});
afterEach(async () => {
	await folder.remove();
});

function file(number: number, fields: Omit<RawFields, 'deal'>, createdAt = '2026-05-04') {
	return github.addIssue({ number, createdAt, body: writeRawBody({ deal: 'northwind', ...fields }) });
}

describe('a replayed issue', () => {
	test('reopened after it was applied is closed again without changing the plan or commenting twice', async () => {
		const done = file(10, { kind: 'done', action: 'legal-review', from: 'Ana' });
		const note = file(11, { kind: 'comment', message: 'Once', from: 'Ana' });
		expect((await folder.run(github)).status).toBe(0);
		const applied = await folder.read('northwind');
		expectWholePlan(applied, [10, 11]);

		done.state = 'open';
		note.state = 'open';
		const replay = await folder.run(github);
		expect(replay.status).toBe(0);
		expect(replay.stdout).toContain('#10 is already in the plan; the issue was closed.');
		expect(await folder.read('northwind')).toBe(applied);
		expect([done.state, note.state]).toEqual(['closed', 'closed']);
		expect([done.comments.length, note.comments.length]).toEqual([1, 1]);
	});

	test('filed again under a new number does not move a done date or a due date a second time', async () => {
		file(10, { kind: 'done', action: 'legal-review', from: 'Ana' });
		file(11, { kind: 'new-date', action: 'sign', date: '2026-06-20', from: 'Ana' });
		await folder.run(github);
		const applied = await folder.read('northwind');

		const doneAgain = file(12, { kind: 'done', action: 'legal-review', from: 'Ana' }, '2026-05-09');
		const dateAgain = file(13, { kind: 'new-date', action: 'sign', date: '2026-06-20', from: 'Ana' }, '2026-05-09');
		expect((await folder.run(github)).status).toBe(0);
		expect(await folder.read('northwind')).toBe(applied);
		expect(doneAgain.comments[0]).toContain('"legal-review" is already done (completedOn 2026-05-04).');
		expect(dateAgain.comments[0]).toContain('"sign" is already due on 2026-06-20.');
		expect([doneAgain.labels, dateAgain.labels]).toEqual([
			['plan-feedback', 'needs-rep'],
			['plan-feedback', 'needs-rep'],
		]);
	});

	test('a comment filed twice is kept twice, each under its own issue, for the rep to see', async () => {
		file(10, { kind: 'comment', message: 'Same words', from: 'Ana' });
		file(11, { kind: 'comment', message: 'Same words', from: 'Ana' });
		await folder.run(github);
		const plan = expectWholePlan(await folder.read('northwind'), [10, 11]);
		expect(plan.feedback.comments.map((comment) => comment.issue)).toEqual([10, 11]);
	});
});

describe('an edited issue', () => {
	test('is applied as it reads at the time of the run, and an edit after that is not applied', async () => {
		const issue = file(20, { kind: 'new-date', action: 'sign', date: '2026-06-20', from: 'Ana' });
		issue.body = writeRawBody({ deal: 'northwind', kind: 'new-date', action: 'sign', date: '2026-06-24', from: 'Ana' });
		await folder.run(github);
		const applied = await folder.read('northwind');
		expect(expectWholePlan(applied, [20]).actions[1]!.due).toBe('2026-06-24');

		issue.body = writeRawBody({ deal: 'northwind', kind: 'new-date', action: 'sign', date: '2026-06-30', from: 'Ana' });
		issue.state = 'open';
		const rerun = await folder.run(github);
		expect(rerun.stdout).toContain('#20 is already in the plan');
		expect(await folder.read('northwind')).toBe(applied);
		expect(issue.comments).toHaveLength(1);
	});

	test('edited from a refused form into a good one is applied on the next run', async () => {
		const issue = file(21, { kind: 'new-date', action: 'sign', date: '2026-02-30', from: 'Ana' });
		await folder.run(github);
		expect(await folder.read('northwind')).toBe(PLAN);
		expect(issue.labels).toContain('needs-rep');

		issue.body = writeRawBody({ deal: 'northwind', kind: 'new-date', action: 'sign', date: '2026-06-22', from: 'Ana' });
		await folder.run(github);
		expect(expectWholePlan(await folder.read('northwind'), [21]).actions[1]!.due).toBe('2026-06-22');
		expect(issue.state).toBe('closed');
		expect(issue.comments).toHaveLength(2);
	});
});

describe('250 feedback issues', () => {
	// Spread over ten plans: each issue re-checks its whole plan, so 250 on one plan costs about
	// 40 s of YAML parsing (it grows with the square of the count), which is not what paging tests.
	test('are read across three pages of the Link header and all applied in order, skipping pull requests', async () => {
		const slugs = Array.from({ length: 10 }, (_, index) => `deal-${index}`);
		for (const slug of slugs) await folder.write(slug);
		const numbers = Array.from({ length: 250 }, (_, index) => index + 1);
		const slugOf = (number: number) => slugs[number % slugs.length]!;
		for (const number of numbers) {
			github.addIssue({ number, body: writeRawBody({ deal: slugOf(number), kind: 'comment', message: `Comment ${number}`, from: 'Ana' }) });
		}
		for (let number = 251; number <= 260; number++) {
			const isPullRequest = number <= 255;
			const body = writeRawBody({ deal: 'northwind', kind: 'comment', message: 'Not me', from: 'Ana' });
			github.addIssue({ number, body, isPullRequest, labels: isPullRequest ? ['plan-feedback'] : [] });
		}
		const result = await folder.run(github);
		expect(result).toMatchObject({ status: 0, stderr: '' });
		expect(result.stdout).toMatch(/^250 open feedback issues in acme\/plans:/);
		const pages = github.requests.filter((request) => request.startsWith('GET /repos/acme/plans/issues?'));
		expect(pages.map((request) => new URL(request.slice(4), 'http://x').searchParams.get('page') ?? '1')).toEqual(['1', '2', '3']);
		for (const slug of slugs) {
			const mine = numbers.filter((number) => slugOf(number) === slug);
			const plan = expectWholePlan(await folder.read(slug), mine);
			expect(plan.feedback.comments.map((comment) => comment.text)).toEqual(mine.map((number) => `Comment ${number}`));
		}
		expect(await folder.read('northwind')).toBe(PLAN);
		expect(github.issues.filter((issue) => issue.state === 'closed').map((issue) => issue.number)).toEqual(numbers);
	}, 120_000);
});
