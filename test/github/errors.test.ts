import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeGitHubError } from '../../src/github/errors.ts';
import { listFeedbackIssues } from '../../src/github/feedback-issues.ts';
import { FAKE_GITHUB_TOKEN, startFakeGitHub, type FakeFailure, type FakeGitHub } from './fake-github.ts';

const REPO = { owner: 'acme', repo: 'plans' };
const QUIET = { debug() {}, info() {}, warn() {}, error() {} };
let github: FakeGitHub;

beforeAll(async () => {
	github = await startFakeGitHub();
});
afterAll(async () => {
	await github.close();
});

async function describeFailure(baseUrl: string, auth = FAKE_GITHUB_TOKEN): Promise<string> {
	const octokit = new Octokit({ baseUrl, auth, log: QUIET });
	const error = await listFeedbackIssues(octokit, REPO).then(
		() => undefined,
		(caught: unknown) => caught,
	);
	if (error === undefined) throw new Error('The request did not fail.');
	return describeGitHubError(error, REPO);
}

describe('describeGitHubError', () => {
	test('says the token is wrong on 401', async () => {
		expect(await describeFailure(github.url, 'wrong')).toMatchInlineSnapshot(`"GitHub refused the token (401): GITHUB_TOKEN is missing, wrong or expired; create a new one."`);
	});

	test.each<[string, FakeFailure, string]>([
		['403', { status: 403, message: 'Resource not accessible by integration', headers: { 'x-ratelimit-remaining': '4999' } }, 'GitHub refused the request (403): the token may not read and write issues in acme/plans; give it the "Issues: read and write" permission.'],
		['403 with no requests left', { status: 403, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1790000000' } }, 'GitHub\'s rate limit for this token is used up (403); try again after 2026-09-21T14:13:20Z.'],
		['404', { status: 404, message: 'Not Found' }, 'GitHub found no repository acme/plans (404): check GITHUB_REPOSITORY, and that the token can see the repository.'],
		['500', { status: 500, message: 'Server Error' }, 'GitHub is not available right now (500); try again in a few minutes.'],
		['503', { status: 503, message: 'Unavailable' }, 'GitHub is not available right now (503); try again in a few minutes.'],
		['422', { status: 422, message: 'Validation Failed' }, 'GitHub answered 422: Validation Failed'],
	])('explains a %s', async (_, failure, message) => {
		github.failWith(failure);
		try {
			expect(await describeFailure(github.url)).toBe(message);
		} finally {
			github.failWith(undefined);
		}
	});

	test('says GitHub cannot be reached when nothing answers', async () => {
		const closed = await startFakeGitHub();
		await closed.close();
		expect(await describeFailure(closed.url)).toMatch(/^Could not reach GitHub \(.+\); check the network connection and GITHUB_API_URL, then try again\.$/);
	});
});
