import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFakeRepoSettings } from '../github/fake-github-settings.ts';
import { FAKE_GITHUB_TOKEN, startFakeGitHub, type FakeGitHub } from '../github/fake-github.ts';

const NODE = Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../scripts/setup-feedback.ts', import.meta.url));

let github: FakeGitHub;
let dir: string;

beforeAll(async () => {
	github = await startFakeGitHub();
	dir = await mkdtemp(join(tmpdir(), 'mapsite-setup-feedback-'));
});
afterAll(async () => {
	await github.close();
	await rm(dir, { recursive: true, force: true });
});

// Async: a blocking spawn would stop the fake GitHub in this process from answering.
async function runSetup(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
	const { MAPSITE_RELAY_URL: _url, MAP_RELAY_SECRET: _secret, MAPSITE_FEEDBACK_REPO: _repo, ...env } = process.env;
	const child = spawn(NODE, [SCRIPT, ...args], {
		cwd: dir,
		env: { ...env, MAP_SITE_SECRET: 'A'.repeat(43), MAPSITE_SECRETS: join(dir, 'none.json'), GITHUB_TOKEN: FAKE_GITHUB_TOKEN, GITHUB_REPOSITORY: 'acme/plans', GITHUB_API_URL: github.url },
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const [status] = (await once(child, 'close')) as [number | null];
	return { status, stdout, stderr };
}

describe('npm run setup-feedback', () => {
	test('without a relay: fails until the labels exist and workflows may open pull requests, then passes', async () => {
		Object.assign(github.settings, createFakeRepoSettings(), { secrets: ['MAP_SITE_SECRET'] });
		const first = await runSetup([]);
		expect(first.status).toBe(1);
		expect(first.stdout.split('\n').filter((line) => /^[✔✘]/.test(line))).toEqual([
			'✔ Build settings: found site secret, no relay (feedback comes by email or GitHub issue), repository acme/plans.',
			'✔ Repository secrets: MAP_SITE_SECRET is set for the deploy workflow.',
			'✘ Labels: plan-feedback, needs-rep, feedback-trusted are missing; without plan-feedback, issues from the form are not found by the merge.',
			'✔ Trusted users: MAP_FEEDBACK_TRUSTED is not set; without a relay that is fine: label an issue feedback-trusted to have it applied.',
			'✘ Workflow permission: workflows may not open pull requests.',
			'✔ Relay: none set up (MAPSITE_RELAY_URL is empty); buyers send feedback by email or GitHub issue.',
		]);
		expect(first.stdout).toContain('2 of 6 checks need attention; fix them in order and run npm run setup-feedback again. Nothing was changed.');

		github.settings.canApprovePullRequestReviews = true;
		const second = await runSetup(['--create-labels']);
		expect(second.stderr).toBe('');
		expect(second.status).toBe(0);
		expect(second.stdout).toContain('✔ Labels: created plan-feedback, needs-rep, feedback-trusted.');
		expect(second.stdout).toContain('Feedback is set up.');
	});
});
