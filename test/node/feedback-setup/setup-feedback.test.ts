/** The set-up steps against the local GitHub fake (real Octokit over real HTTP) and a relay on 127.0.0.1. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { encodeBase64Url } from '../../../src/lib/crypto/encoding.ts';
import { answerRelayCheck, isRelayCheck } from '../../../src/lib/feedback/relay-check.ts';
import { checkBuildSettings } from '../../../src/node/feedback-setup/build-settings-step.ts';
import type { SetupContext } from '../../../src/node/feedback-setup/context.ts';
import { checkLabels } from '../../../src/node/feedback-setup/labels-step.ts';
import { checkRelay } from '../../../src/node/feedback-setup/relay-check-step.ts';
import { checkRepositorySecrets } from '../../../src/node/feedback-setup/repository-secrets-step.ts';
import { formatStepResult, runFeedbackSetup } from '../../../src/node/feedback-setup/run-setup.ts';
import { checkTrustedUsers } from '../../../src/node/feedback-setup/trusted-users-step.ts';
import { checkWorkflowPermission } from '../../../src/node/feedback-setup/workflow-step.ts';
import { createRelayHandler } from '../../../src/relay/handler.ts';
import { createNodeListener } from '../../../src/relay/node-adapter.ts';
import { createFakeRepoSettings } from '../../github/fake-github-settings.ts';
import { FAKE_GITHUB_TOKEN, startFakeGitHub, type FakeGitHub } from '../../github/fake-github.ts';

const RELAY_SECRET = new Uint8Array(32).fill(3);
const OTHER_SECRET = new Uint8Array(32).fill(4);
const SITE_SECRET = encodeBase64Url(new Uint8Array(32).fill(1));
const TEMPLATE = readFileSync(new URL('../../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');

let github: FakeGitHub;
let relayUrl = '';
let oldRelayUrl = '';
const servers: Server[] = [];

function listen(server: Server): Promise<string> {
	servers.push(server);
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)));
}

beforeAll(async () => {
	github = await startFakeGitHub();
	// The real relay handler, which answers the set-up check before reading a post.
	const handler = createRelayHandler({
		relaySecret: RELAY_SECRET,
		template: TEMPLATE,
		createIssue: () => Promise.reject(new Error('no issue in a check')),
		readKeyVersion: async () => 1,
		getClientAddress: () => '127.0.0.1',
	});
	relayUrl = await listen(createServer(createNodeListener(handler)));
	// A relay from before the check: it refuses a post without a feedback token as an invalid link.
	oldRelayUrl = await listen(createServer(createNodeListener(async () => Response.json({ error: 'This feedback link is not valid.' }, { status: 403 }))));
});
afterAll(async () => {
	await github.close();
	await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});
beforeEach(() => {
	Object.assign(github.settings, createFakeRepoSettings());
	github.failWith(undefined);
	github.requests.length = 0;
});

function makeContext(overrides: Partial<SetupContext> = {}, env: Record<string, string> = {}): SetupContext {
	return {
		env: {
			MAP_SITE_SECRET: SITE_SECRET,
			MAPSITE_RELAY_URL: relayUrl,
			MAP_RELAY_SECRET: encodeBase64Url(RELAY_SECRET),
			GITHUB_TOKEN: FAKE_GITHUB_TOKEN,
			GITHUB_REPOSITORY: 'acme/plans',
			...env,
		},
		secretsFile: { passwords: {} },
		secretsPath: 'mapsite.secrets.json',
		github: { octokit: new Octokit({ auth: FAKE_GITHUB_TOKEN, baseUrl: github.url, log: { debug() {}, info() {}, warn() {}, error() {} } }), repo: { owner: 'acme', repo: 'plans' } },
		createLabels: false,
		fetch: globalThis.fetch,
		...overrides,
	};
}

function setUpRepository(): void {
	github.settings.secrets = ['MAP_SITE_SECRET', 'MAP_RELAY_SECRET'];
	github.settings.variables = { MAPSITE_RELAY_URL: relayUrl, MAP_FEEDBACK_TRUSTED: 'acme-relay-bot, sam-rep' };
	github.settings.canApprovePullRequestReviews = true;
}

describe('runFeedbackSetup', () => {
	test('on a fresh repository, says what is missing, step by step, in order', async () => {
		const results = await runFeedbackSetup(makeContext());
		const text = results.map(formatStepResult).join('\n').replaceAll(relayUrl, '<relay>');
		expect(text).toMatchInlineSnapshot(`
			"✔ Build settings: found site secret, relay <relay> with its secret, repository acme/plans.
			✘ Repository secrets: 3 missing.
			    → Add the secret MAP_SITE_SECRET under Settings → Secrets and variables → Actions → Secrets: the same value as your local MAP_SITE_SECRET (or "siteSecret" in mapsite.secrets.json).
			    → Add the secret MAP_RELAY_SECRET under Settings → Secrets and variables → Actions → Secrets: the same value as the relay's MAP_RELAY_SECRET, so pages carry tokens the relay accepts.
			    → Add the variable MAPSITE_RELAY_URL under Settings → Secrets and variables → Actions → Variables: the relay's address (<relay>).
			✘ Labels: plan-feedback, needs-rep, feedback-trusted are missing; without plan-feedback, issues from the form are not found by the merge.
			    → Run npm run setup-feedback -- --create-labels, or add them under Issues → Labels → New label.
			✘ Trusted users: MAP_FEEDBACK_TRUSTED is not set, so issues the relay opens are left alone by the merge.
			    → Add the variable MAP_FEEDBACK_TRUSTED under Settings → Secrets and variables → Actions → Variables, set to the login of the account whose token the relay uses (e.g. acme-relay-bot).
			✘ Workflow permission: workflows may not open pull requests.
			    → Tick "Allow GitHub Actions to create and approve pull requests" under Settings → Actions → General → Workflow permissions, then Save; the feedback workflow opens its pull request with GITHUB_TOKEN.
			✔ Relay: <relay> answered the signed check: it shares the build's MAP_RELAY_SECRET."
		`);
		expect(results.map((result) => result.isOk)).toEqual([true, false, false, false, false, true]);
	});

	test('on a repository set up as the README says, every step passes', async () => {
		setUpRepository();
		const results = await runFeedbackSetup(makeContext({ createLabels: true }));
		expect(results.filter((result) => !result.isOk).map(formatStepResult)).toEqual([]);
		expect(github.settings.labels.map((label) => label.name)).toEqual(['bug', 'documentation', 'plan-feedback', 'needs-rep', 'feedback-trusted']);
	});
});

describe('checkBuildSettings', () => {
	test('lists every missing or wrong setting at once', async () => {
		const result = await checkBuildSettings(makeContext({}, { MAP_SITE_SECRET: 'short', MAP_RELAY_SECRET: '', GITHUB_TOKEN: '', GITHUB_REPOSITORY: '' }));
		expect(formatStepResult(result).replaceAll(relayUrl, '<relay>')).toMatchInlineSnapshot(`
			"✘ Build settings: 4 missing or wrong.
			    → The site secret cannot be used (Not base64url: "short"): it must be at least 32 random bytes written as base64url. Generate one with: node -e "console.log(crypto.randomBytes(32).toString('base64url'))"
			    → MAPSITE_RELAY_URL is set but MAP_RELAY_SECRET is not: set it to the relay's secret so each deal page can carry its feedback token.
			    → Set GITHUB_TOKEN to a token that may read the repository's settings (the steps below need it).
			    → Set GITHUB_REPOSITORY to the plans repository as owner/name, for example acme/plans."
		`);
	});

	test('reads the site secret from the secrets file, as the build does', async () => {
		const result = await checkBuildSettings(makeContext({ secretsFile: { passwords: {}, siteSecret: SITE_SECRET } }, { MAP_SITE_SECRET: '' }));
		expect(result.isOk).toBe(true);
	});
});

describe('checkLabels', () => {
	test('creates the missing labels through Octokit when asked, and only those', async () => {
		github.settings.labels.push({ name: 'Plan-Feedback', color: '000000', description: '' });
		const result = await checkLabels(makeContext({ createLabels: true }));
		expect(result).toEqual({ name: 'Labels', isOk: true, summary: 'created needs-rep, feedback-trusted.', todo: [] });
		expect(github.requests.filter((line) => line.startsWith('POST'))).toEqual(['POST /repos/acme/plans/labels', 'POST /repos/acme/plans/labels']);
		expect(await checkLabels(makeContext())).toMatchObject({ isOk: true, summary: 'plan-feedback, needs-rep, feedback-trusted exist.' });
	});

	test('names the permission when GitHub refuses to create a label', async () => {
		github.failWith({ status: 403, message: 'Resource not accessible by personal access token', when: ({ method }) => method === 'POST' });
		const result = await checkLabels(makeContext({ createLabels: true }));
		expect(formatStepResult(result)).toMatchInlineSnapshot(`
			"✘ Labels: plan-feedback, needs-rep, feedback-trusted not created.
			    → GitHub did not let the token change the labels of acme/plans (403): give GITHUB_TOKEN the "Issues: read and write" permission (fine-grained token), or use a token of a repository admin, then run this again."
		`);
	});
});

describe('checkTrustedUsers', () => {
	test.each([
		['acme-relay-bot', true],
		['acme-relay[bot], sam', true],
		['not a login!', false],
		['', false],
	])('%j under a relay: passes %s', async (value, isOk) => {
		github.settings.variables = value ? { MAP_FEEDBACK_TRUSTED: value } : {};
		expect((await checkTrustedUsers(makeContext())).isOk).toBe(isOk);
	});

	test('is not needed without a relay', async () => {
		const result = await checkTrustedUsers(makeContext({}, { MAPSITE_RELAY_URL: '' }));
		expect(result.isOk).toBe(true);
	});
});

describe('checkWorkflowPermission', () => {
	test('names the exact settings path when workflows may not open pull requests', async () => {
		const result = await checkWorkflowPermission(makeContext());
		expect(result.todo).toEqual([
			'Tick "Allow GitHub Actions to create and approve pull requests" under Settings → Actions → General → Workflow permissions, then Save; the feedback workflow opens its pull request with GITHUB_TOKEN.',
		]);
	});

	test('says when Actions are off, and which permission the token needs to read the settings', async () => {
		github.settings.isActionsEnabled = false;
		github.settings.canApprovePullRequestReviews = true;
		expect((await checkWorkflowPermission(makeContext())).summary).toBe('Actions are turned off for this repository.');
		github.failWith({ status: 403, when: ({ path }) => path.includes('/actions/permissions') });
		expect(formatStepResult(await checkWorkflowPermission(makeContext()))).toMatchInlineSnapshot(`
			"✘ Workflow permission: could not be read.
			    → GitHub did not let the token show the Actions settings of acme/plans (403): give GITHUB_TOKEN the "Administration: read" permission (fine-grained token), or use a token of a repository admin, then run this again."
		`);
	});
});

describe('checkRepositorySecrets', () => {
	test('asks for the relay secret and address only when a relay is used', async () => {
		github.settings.secrets = ['MAP_SITE_SECRET'];
		expect((await checkRepositorySecrets(makeContext({}, { MAPSITE_RELAY_URL: '' }))).isOk).toBe(true);
		expect((await checkRepositorySecrets(makeContext())).todo).toHaveLength(2);
	});
});

describe('checkRelay', () => {
	test('passes when the relay proves it holds the build\'s secret, and files no issue', async () => {
		const result = await checkRelay(makeContext());
		expect(result).toEqual({ name: 'Relay', isOk: true, summary: `${relayUrl} answered the signed check: it shares the build's MAP_RELAY_SECRET.`, todo: [] });
		expect(github.issues).toEqual([]);
	});

	test('fails when the relay has another secret', async () => {
		const result = await checkRelay(makeContext({}, { MAP_RELAY_SECRET: encodeBase64Url(OTHER_SECRET) }));
		expect(result.summary).toBe(`${relayUrl} holds another MAP_RELAY_SECRET than this build, so it would refuse every buyer's feedback.`);
	});

	test('says a relay that does not know the check must be redeployed', async () => {
		const result = await checkRelay(makeContext({}, { MAPSITE_RELAY_URL: oldRelayUrl }));
		expect(result.summary).toBe(`${oldRelayUrl} answered 403 to the set-up check: it is not a mapsite relay, or one too old to know the check.`);
	});

	test('says when the relay cannot be reached', async () => {
		const result = await checkRelay(makeContext({}, { MAPSITE_RELAY_URL: 'http://127.0.0.1:9/' }));
		expect(result.isOk).toBe(false);
		expect(result.summary).toMatch(/^http:\/\/127\.0\.0\.1:9\/ could not be reached \(.+\)\.$/);
	});
});
