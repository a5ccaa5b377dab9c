/**
 * Every GitHub failure the merge meets, at every step of `npm run feedback -- --apply`: the run
 * says what happened and exits 1, each plan is either untouched or whole, and a re-run after
 * GitHub recovers finishes the job without applying or commenting twice.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeGitHub, type FakeFailure, type FakeGitHub } from '../github/fake-github.ts';
import { createPlansFolder, expectWholePlan, listWrites, PLAN, writeRawBody, type PlansFolder } from './harness.ts';

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
	// One issue that applies and one the plan refuses, so every kind of write is on the way.
	github.addIssue({ number: 12, body: writeRawBody({ deal: 'northwind', kind: 'done', action: 'legal-review', from: 'Ana' }) });
	github.addIssue({ number: 13, body: writeRawBody({ deal: 'northwind', kind: 'new-date', action: 'sign', date: '2026-02-30', from: 'Ana' }) });
});
afterEach(async () => {
	await folder.remove();
});

const LIMITS = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4990' };

describe('a GitHub error while listing the issues', () => {
	test.each<[string, FakeFailure | 'wrong token' | 'network down', string]>([
		['401', 'wrong token', 'GitHub refused the token (401): GITHUB_TOKEN is missing, wrong or expired; create a new one.'],
		['403 without permission', { status: 403, message: 'Resource not accessible by integration', headers: LIMITS }, 'GitHub refused the request (403): the token may not read and write issues in acme/plans; give it the "Issues: read and write" permission.'],
		['403 with the rate limit used up', { status: 403, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1790000000' } }, "GitHub's rate limit for this token is used up (403); try again after 2026-09-21T14:13:20Z."],
		['403 with retry-after', { status: 403, message: 'You have exceeded a secondary rate limit', headers: { ...LIMITS, 'retry-after': '60' } }, 'GitHub asked to slow down (403, too many requests in a short time); wait 60 seconds, then try again.'],
		['429 with retry-after', { status: 429, message: 'Too Many Requests', headers: { 'retry-after': '30' } }, 'GitHub asked to slow down (429, too many requests in a short time); wait 30 seconds, then try again.'],
		['429 without retry-after', { status: 429, message: 'Too Many Requests' }, 'GitHub is rate limiting this token (429); try again in a few minutes.'],
		['404', { status: 404, message: 'Not Found' }, 'GitHub found no repository acme/plans (404): check GITHUB_REPOSITORY, and that the token can see the repository.'],
		['500', { status: 500, message: 'Server Error' }, 'GitHub is not available right now (500); try again in a few minutes.'],
		['502', { status: 502, message: 'Bad Gateway' }, 'GitHub is not available right now (502); try again in a few minutes.'],
		['network down', 'network down', 'Could not reach GitHub (fetch failed); check the network connection and GITHUB_API_URL, then try again.'],
	])('%s: says so, exits 1 and changes nothing', async (_, failure, message) => {
		let env: Record<string, string> = {};
		if (failure === 'wrong token') env = { GITHUB_TOKEN: 'wrong' };
		else if (failure === 'network down') env = { GITHUB_API_URL: 'http://127.0.0.1:9' };
		else github.failWith(failure);
		const result = await folder.run(github, ['--apply'], env);
		expect(result).toMatchObject({ status: 1, stdout: '', stderr: `${message}\n` });
		expect(await folder.read('northwind')).toBe(PLAN);
		expect(listWrites(github)).toEqual([]);
		expect(await folder.list()).toEqual(['northwind.mdx']);
	});
});

describe('a GitHub error part-way through', () => {
	test.each<[string, FakeFailure, string, number[]]>([
		// The plan is written before its issue is answered, so it already records #12.
		['commenting on the applied issue', { status: 502, when: ({ method, path }) => method === 'POST' && path.endsWith('/comments') }, 'GitHub is not available right now (502); try again in a few minutes.', [12]],
		['listing comments, with retry-after', { status: 429, headers: { 'retry-after': '5' }, when: ({ method, path }) => method === 'GET' && path.endsWith('/comments') }, 'GitHub asked to slow down (429, too many requests in a short time); wait 5 seconds, then try again.', [12]],
		['closing the applied issue', { status: 500, when: ({ method }) => method === 'PATCH' }, 'GitHub is not available right now (500); try again in a few minutes.', [12]],
		['labelling the refused issue', { status: 403, headers: LIMITS, when: ({ path }) => path.endsWith('/labels') }, 'GitHub refused the request (403): the token may not read and write issues in acme/plans; give it the "Issues: read and write" permission.', [12]],
	])('%s leaves the plan whole, and a re-run finishes without doing anything twice', async (_, failure, message, applied) => {
		github.failWith(failure);
		const failed = await folder.run(github);
		expect(failed).toMatchObject({ status: 1, stderr: `${message}\n` });
		const written = await folder.read('northwind');
		expectWholePlan(written, applied);
		expect(await folder.list()).toEqual(['northwind.mdx']);

		github.failWith(undefined);
		const rerun = await folder.run(github);
		expect(rerun).toMatchObject({ status: 0, stderr: '' });
		expect(await folder.read('northwind')).toBe(written);
		const [done, refused] = github.issues;
		expect([done!.state, done!.comments.length]).toEqual(['closed', 1]);
		expect([refused!.state, refused!.comments.length, refused!.labels]).toEqual(['open', 1, ['plan-feedback', 'needs-rep']]);
	});
});
