import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFeedbackToken } from '../../src/relay/feedback-token.ts';
import { runScript } from '../scripts/run-script.ts';
import { FAKE_GITHUB_TOKEN, startFakeGitHub, type FakeGitHub } from './fake-github.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = new Uint8Array(32).fill(9);
// Only the variables the relay reads, so the developer's own GITHUB_TOKEN can never leak into a test.
const CLEAN_ENV = { MAP_RELAY_SECRET: '', GITHUB_TOKEN: '', GITHUB_REPOSITORY: '', GITHUB_API_URL: '', MAP_DEAL_IDS: '', MAP_RELAY_TRUST_PROXY: '', MAPSITE_PLANS: '', PORT: '' };
const NORTHWIND = { routeId: 'k3v9q2xw7m4tp8ra', slug: 'northwind', keyVersion: 1 };

let github: FakeGitHub;
beforeAll(async () => {
	github = await startFakeGitHub();
	github.files.set('plans/northwind.mdx', '---\ntitle: Northwind\n---\n');
});
afterAll(async () => {
	await github.close();
});

describe('scripts/relay.ts', () => {
	test('names every missing variable and exits 1 without a stack trace', () => {
		const result = runScript('relay.ts', [], ROOT, CLEAN_ENV);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"The feedback relay cannot start:
			  MAP_RELAY_SECRET is not set; set it to at least 32 random bytes written as base64url, the same secret the build uses for feedback tokens.
			  GITHUB_TOKEN is not set; use a token that may create issues and read contents in the plans repository.
			  GITHUB_REPOSITORY is not set; write it as owner/repo, for example acme/plans.
			"
		`);
	});

	test('serves the relay over HTTP, files the issue through the GitHub API and notes a retired MAP_DEAL_IDS', async () => {
		const nodeBin = Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
		const child = spawn(nodeBin, [fileURLToPath(new URL('../../scripts/relay.ts', import.meta.url))], {
			cwd: ROOT,
			env: {
				...process.env,
				...CLEAN_ENV,
				MAP_RELAY_SECRET: Buffer.from(SECRET).toString('base64url'),
				GITHUB_TOKEN: FAKE_GITHUB_TOKEN,
				GITHUB_REPOSITORY: 'acme/plans',
				GITHUB_API_URL: github.url,
				MAP_DEAL_IDS: 'k3v9q2xw7m4tp8ra=northwind',
				PORT: '0',
			},
		});
		let errors = '';
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => (errors += chunk));
		try {
			let output = '';
			child.stdout.setEncoding('utf8');
			while (!/listening on (\S+)/.test(output)) {
				const [chunk] = (await Promise.race([once(child.stdout, 'data'), once(child, 'exit')])) as [string];
				if (child.exitCode !== null) throw new Error(`The relay exited early: ${output}`);
				output += chunk;
			}
			expect(output).toMatch(/^Feedback relay for acme\/plans listening on http:\/\/localhost:\d+\n$/);
			expect(errors).toContain('MAP_DEAL_IDS is no longer read');
			const url = /listening on (\S+)/.exec(output)![1]!.replace('localhost', '127.0.0.1');
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ token: await createFeedbackToken(SECRET, NORTHWIND), form: { kind: 'comment', message: 'Works.', from: 'Ana' } }),
			});
			expect(response.status).toBe(201);
			expect(await response.json()).toEqual({ issue: 1, url: 'https://github.com/acme/plans/issues/1' });
			expect(github.issues.map((issue) => issue.title)).toEqual(['[feedback] comment northwind']);
		} finally {
			child.kill();
		}
	});
});
