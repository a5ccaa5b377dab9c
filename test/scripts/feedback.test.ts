import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../src/lib/check/index.ts';
import { renderFeedbackIssueBody } from '../../src/lib/feedback/render-issue.ts';
import type { FeedbackForm } from '../../src/schema/feedback-form.ts';
import { FAKE_GITHUB_TOKEN, startFakeGitHub, type FakeGitHub } from '../github/fake-github.ts';
import { PLAN } from '../lib/feedback/merge/fixture.ts';

const TEMPLATE = readFileSync(new URL('../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');
const NODE = Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../scripts/feedback.ts', import.meta.url));

let github: FakeGitHub;
let dir: string;

beforeAll(async () => {
	github = await startFakeGitHub();
});
afterAll(async () => {
	await github.close();
});
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'mapsite-feedback-'));
	await mkdir(join(dir, 'plans'));
	await writeFile(join(dir, 'plans', 'northwind.mdx'), PLAN);
	github.issues.length = 0;
	github.requests.length = 0;
	github.failWith(undefined);
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

// Async, unlike runScript: a blocking spawn would stop the fake GitHub in this process from answering.
async function runFeedback(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
	const child = spawn(NODE, [SCRIPT, '--plans', 'plans', ...args], {
		cwd: dir,
		env: {
			...process.env,
			GITHUB_TOKEN: FAKE_GITHUB_TOKEN,
			GITHUB_REPOSITORY: 'acme/plans',
			GITHUB_API_URL: github.url,
			MAP_FEEDBACK_TRUSTED: 'relay-bot',
			...env,
		},
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const [status] = (await once(child, 'close')) as [number | null];
	return { status, stdout, stderr };
}

function addFeedback(number: number, form: FeedbackForm, author = 'relay-bot', labels = ['plan-feedback']) {
	return github.addIssue({ number, author, labels, body: renderFeedbackIssueBody(form, TEMPLATE) });
}

function addMixedIssues() {
	return [
		addFeedback(12, { kind: 'done', deal: 'northwind', action: 'legal-review', from: 'Ana' }),
		addFeedback(13, { kind: 'new-date', deal: 'northwind', action: 'legal-review', date: '2026-06-15', from: 'Ana' }),
		addFeedback(14, { kind: 'comment', deal: 'northwind', message: 'Let me in', from: 'Eve' }, 'stranger'),
		addFeedback(15, { kind: 'new-risk', deal: 'northwind', message: 'Budget freeze', from: 'Ana' }, 'sam-rep', ['plan-feedback', 'feedback-trusted']),
	];
}

const readPlan = () => readFile(join(dir, 'plans', 'northwind.mdx'), 'utf8');

describe('scripts/feedback.ts', () => {
	test('names the missing settings and exits 1', async () => {
		const result = await runFeedback([], { GITHUB_TOKEN: '', GITHUB_REPOSITORY: 'acme' });
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"The feedback merge cannot start:
			  GITHUB_TOKEN is not set; use a token that may read, comment on and close issues in the plans repository.
			  GITHUB_REPOSITORY is not set as owner/repo, for example acme/plans.
			"
		`);
	});

	test('prints what would change on a dry run and changes nothing', async () => {
		addMixedIssues();
		const result = await runFeedback([]);
		expect(result.stdout).toMatchInlineSnapshot(`
			"4 open feedback issues in acme/plans (dry run; add --apply to change plans and issues):
			plans/northwind.mdx
			  #12 Marked "legal-review" done on 2026-05-04 (Ana).
			  #15 Recorded a risk suggested by Ana for the rep to review.
			#13 will be labelled needs-rep: Applying this feedback would make plans/northwind.mdx invalid:
			    plans/northwind.mdx:41: actions[1] (sign).due "2026-06-10" is before "2026-06-15", the due date of "legal-review" it depends on.
			        Move the due date to 2026-06-15 or later, or drop "legal-review" from dependsOn.
			#14 by stranger is not trusted, left alone; add the feedback-trusted label or list stranger in MAP_FEEDBACK_TRUSTED.
			"
		`);
		expect(result.status).toBe(0);
		expect(await readPlan()).toBe(PLAN);
		expect(github.requests.filter((request) => !request.startsWith('GET'))).toEqual([]);
	});

	test('with --apply writes the plan, closes applied issues, labels the refused one and leaves the untrusted one alone', async () => {
		const [done, breaking, untrusted, risk] = addMixedIssues();
		const result = await runFeedback(['--apply']);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const plan = await readPlan();
		expect(checkPlanSource('plans/northwind.mdx', plan).plan?.feedback.applied).toEqual([12, 15]);
		expect(plan).toContain('  applied:\n    - 12\n    - 15\n');
		expect([done!.state, risk!.state, breaking!.state, untrusted!.state]).toEqual(['closed', 'closed', 'open', 'open']);
		expect(done!.comments).toEqual(['Applied to `plans/northwind.mdx`: Marked "legal-review" done on 2026-05-04 (Ana).\n\n<!-- mapsite:feedback:12 -->']);
		expect(breaking!.labels).toEqual(['plan-feedback', 'needs-rep']);
		expect(breaking!.comments[0]).toContain('actions[1] (sign).due "2026-06-10" is before "2026-06-15"');
		expect([untrusted!.comments, untrusted!.labels]).toEqual([[], ['plan-feedback']]);

		// A second run finds only the open ones again; the refused issue is not commented on twice.
		const again = await runFeedback(['--apply']);
		expect(again.status).toBe(0);
		expect(await readPlan()).toBe(plan);
		expect(breaking!.comments).toHaveLength(1);
	});

	test('a GitHub failure part-way leaves the plan whole, and a re-run applies nothing twice', async () => {
		const [done] = addMixedIssues();
		github.failWith({ status: 502, message: 'Bad Gateway', when: ({ method }) => method === 'PATCH' });
		const failed = await runFeedback(['--apply']);
		expect(failed.status).toBe(1);
		expect(failed.stderr).toMatchInlineSnapshot(`
			"GitHub is not available right now (502); try again in a few minutes.
			"
		`);
		const written = await readPlan();
		expect(checkPlanSource('plans/northwind.mdx', written).plan?.feedback.applied).toEqual([12]);
		expect(done!.state).toBe('open');

		github.failWith(undefined);
		const rerun = await runFeedback(['--apply']);
		expect(rerun.status).toBe(0);
		expect(rerun.stdout).toContain('#12 is already in the plan; the issue was closed.');
		expect(checkPlanSource('plans/northwind.mdx', await readPlan()).plan?.feedback.applied).toEqual([12, 15]);
		expect(done!.state).toBe('closed');
		expect(done!.comments).toHaveLength(1);
	});

	test('explains a refused token and exits 1', async () => {
		const result = await runFeedback([], { GITHUB_TOKEN: 'wrong' });
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"GitHub refused the token (401): GITHUB_TOKEN is missing, wrong or expired; create a new one.
			"
		`);
	});
});

describe('two merges at once', () => {
	test('a second --apply while one holds the lock stops before touching GitHub or the plans', async () => {
		const { createHash } = await import('node:crypto');
		const { realpath } = await import('node:fs/promises');
		const plans = join(await realpath(dir), 'plans');
		const lock = join(dir, '.mapsite', 'locks', `feedback-${createHash('sha256').update(plans).digest('hex').slice(0, 16)}.lock`);
		await mkdir(join(dir, '.mapsite', 'locks'), { recursive: true });
		// This test process is alive, so its lock is not stale.
		await writeFile(lock, JSON.stringify({ pid: process.pid, since: '2026-11-24T10:00:00Z' }));
		const before = await readFile(join(dir, 'plans', 'northwind.mdx'), 'utf8');
		const result = await runFeedback(['--apply']);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`Another \`npm run feedback -- --apply\` on these plans is running (process ${process.pid}`);
		expect(github.requests).toHaveLength(0);
		expect(await readFile(join(dir, 'plans', 'northwind.mdx'), 'utf8')).toBe(before);
		await rm(lock);
		expect((await runFeedback(['--apply'])).status).toBe(0);
	});
});
