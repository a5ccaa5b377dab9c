import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeIssue, commentOnIssue, createCommentMarker, labelIssue, listFeedbackIssues } from '../../src/github/feedback-issues.ts';
import { FAKE_GITHUB_TOKEN, startFakeGitHub, type FakeGitHub } from './fake-github.ts';

const REPO = { owner: 'acme', repo: 'plans' };
let github: FakeGitHub;
let octokit: Octokit;

beforeAll(async () => {
	github = await startFakeGitHub();
	octokit = new Octokit({ baseUrl: github.url, auth: FAKE_GITHUB_TOKEN, log: { debug() {}, info() {}, warn() {}, error() {} } });
});
afterAll(async () => {
	await github.close();
});
beforeEach(() => {
	github.issues.length = 0;
	github.requests.length = 0;
	github.failWith(undefined);
});

describe('listFeedbackIssues', () => {
	test('follows the Link header across pages and leaves out pull requests and other issues', async () => {
		for (let number = 1; number <= 250; number++) github.addIssue({ number, isPullRequest: number % 50 === 0, body: `body ${number}` });
		github.addIssue({ number: 251, labels: ['bug'] });
		github.addIssue({ number: 252, state: 'closed' });
		const issues = await listFeedbackIssues(octokit, REPO);
		expect(github.requests).toEqual([
			'GET /repos/acme/plans/issues?state=open&labels=plan-feedback&per_page=100',
			'GET /repos/acme/plans/issues?state=open&labels=plan-feedback&per_page=100&page=2',
			'GET /repos/acme/plans/issues?state=open&labels=plan-feedback&per_page=100&page=3',
		]);
		expect(issues).toHaveLength(245);
		expect(issues.some((issue) => issue.number % 50 === 0)).toBe(false);
		expect(issues[0]).toEqual({
			number: 1,
			title: '[feedback] #1',
			body: 'body 1',
			author: 'relay-bot',
			createdAt: '2026-05-04',
			labels: ['plan-feedback'],
		});
	});
});

describe('commentOnIssue', () => {
	test('posts the comment with its hidden marker once, however often it is called', async () => {
		const issue = github.addIssue({ number: 7 });
		expect(await commentOnIssue(octokit, { ...REPO, number: 7, body: 'Applied.' })).toBe(true);
		expect(await commentOnIssue(octokit, { ...REPO, number: 7, body: 'Applied.' })).toBe(false);
		expect(issue.comments).toEqual(['Applied.\n\n<!-- mapsite:feedback:7 -->']);
	});

	test('tells comments for different steps apart', async () => {
		const issue = github.addIssue({ number: 8 });
		await commentOnIssue(octokit, { ...REPO, number: 8, body: 'Needs a rep.', step: 'needs-rep' });
		await commentOnIssue(octokit, { ...REPO, number: 8, body: 'Applied.' });
		expect(issue.comments).toEqual([`Needs a rep.\n\n${createCommentMarker(8, 'needs-rep')}`, 'Applied.\n\n<!-- mapsite:feedback:8 -->']);
	});
});

describe('closeIssue', () => {
	test('closes the issue as completed', async () => {
		const issue = github.addIssue({ number: 9 });
		await closeIssue(octokit, { ...REPO, number: 9 });
		expect([issue.state, issue.stateReason]).toEqual(['closed', 'completed']);
	});
});

describe('labelIssue', () => {
	test('adds the label for the rep', async () => {
		const issue = github.addIssue({ number: 10 });
		await labelIssue(octokit, { ...REPO, number: 10, labels: ['needs-rep'] });
		expect(issue.labels).toEqual(['plan-feedback', 'needs-rep']);
	});
});

describe('createCommentMarker', () => {
	test('writes an HTML comment that GitHub does not show', () => {
		expect(createCommentMarker(12)).toBe('<!-- mapsite:feedback:12 -->');
	});
});
