import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parseFeedbackIssue } from '../../src/lib/feedback/parse-issue.ts';
import { createFeedbackToken } from '../../src/relay/feedback-token.ts';
import { createGitHubIssueCreator } from '../../src/relay/github-issue-creator.ts';
import { createRelayHandler, getForwardedClientAddress, type RelayOptions } from '../../src/relay/handler.ts';
import { createNodeListener } from '../../src/relay/node-adapter.ts';
import { FAKE_GITHUB_TOKEN, startFakeGitHub, type FakeGitHub } from './fake-github.ts';

const TEMPLATE = readFileSync(new URL('../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');
const SECRET = new Uint8Array(32).fill(42);
const NORTHWIND_ID = 'k3v9q2xw7m4tp8ra';
const CONTOSO_ID = 'b6n2c5hz3ydfj7eu';
const SITE = 'https://plans.example.com';

let github: FakeGitHub;
const servers: { close(): void }[] = [];
/** The Content-Length each relay request arrived with (null when the body was streamed). */
const contentLengths: (string | null)[] = [];

beforeAll(async () => {
	github = await startFakeGitHub();
});
afterAll(async () => {
	await github.close();
});
afterEach(() => {
	github.reset();
	for (const server of servers.splice(0)) server.close();
	contentLengths.length = 0;
});

function createOctokit(): Octokit {
	const silent = () => {};
	return new Octokit({ baseUrl: github.url, auth: FAKE_GITHUB_TOKEN, log: { debug: silent, info: silent, warn: silent, error: silent } });
}

/** Starts a relay over real HTTP on 127.0.0.1, filing issues in the fake GitHub through real Octokit. */
async function startRelay(overrides: Partial<RelayOptions> = {}): Promise<string> {
	const handler = createRelayHandler({
		relaySecret: SECRET,
		dealIds: new Map([
			[NORTHWIND_ID, 'northwind'],
			[CONTOSO_ID, 'contoso'],
		]),
		template: TEMPLATE,
		createIssue: createGitHubIssueCreator({ octokit: createOctokit(), owner: 'acme', repo: 'plans' }),
		allowedOrigins: [SITE],
		...overrides,
	});
	const server = createServer(
		createNodeListener((request) => {
			contentLengths.push(request.headers.get('content-length'));
			return handler(request);
		}),
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	servers.push(server);
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function post(url: string, data: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; json: any }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof data === 'string' ? data : JSON.stringify(data),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, json: text === '' ? undefined : JSON.parse(text) };
}

async function envelope(form: Record<string, unknown>, deal = NORTHWIND_ID, extra: Record<string, unknown> = {}) {
	return { deal, token: await createFeedbackToken(SECRET, deal), form, ...extra };
}

const DONE = { kind: 'done', action: 'legal-review', date: '2026-05-04', message: 'Signed by our counsel.', from: 'Ana Ruiz' };

describe('createRelayHandler', () => {
	test('files the feedback as an issue and answers 201 with its number and address', async () => {
		const url = await startRelay();
		const response = await post(url, await envelope(DONE), { origin: SITE });
		expect(response).toMatchObject({ status: 201, json: { issue: 1, url: 'https://github.com/acme/plans/issues/1' } });
		expect(response.headers.get('access-control-allow-origin')).toBe(SITE);
		expect(github.issues).toEqual([
			{
				owner: 'acme',
				repo: 'plans',
				title: '[feedback] done northwind',
				labels: ['plan-feedback'],
				body: '### Deal\n\nnorthwind\n\n### Kind\n\ndone\n\n### Action\n\nlegal-review\n\n### Date\n\n2026-05-04\n\n### Message\n\nSigned by our counsel.\n\n### From\n\nAna Ruiz\n\n',
			},
		]);
		expect(parseFeedbackIssue(github.issues[0]!.body, TEMPLATE)).toEqual({ ok: true, form: { ...DONE, deal: 'northwind' } });
	});

	test('takes the slug from a set of deal ids when ids and slugs are the same', async () => {
		const url = await startRelay({ dealIds: new Set(['northwind']) });
		const response = await post(url, await envelope({ kind: 'comment', message: 'Looks good.', from: 'Ana' }, 'northwind'));
		expect(response.status).toBe(201);
		expect(github.issues[0]?.title).toBe('[feedback] comment northwind');
	});

	test.each([
		['an unknown kind', { kind: 'praise', message: 'Great', from: 'Ana' }, [{ field: 'form.kind', message: 'Kind "praise" must be one of done, new-date, comment, new-action, new-risk.' }]],
		['a date that does not exist', { kind: 'new-date', action: 'pilot', date: '2026-02-30', from: 'Ana' }, [{ field: 'form.date', message: 'Date "2026-02-30" is not a real calendar date; check the day and the month.' }]],
		['done without an action', { kind: 'done', from: 'Ana' }, [{ field: 'form.action', message: 'Action is required when kind is "done".' }]],
	])('answers 400 for %s', async (_name, form, problems) => {
		const url = await startRelay();
		const response = await post(url, await envelope(form));
		expect(response.status).toBe(400);
		expect(response.json).toEqual({ error: 'The feedback form has problems.', problems });
		expect(github.issues).toEqual([]);
	});

	test('lists every problem of a form at once', async () => {
		const url = await startRelay();
		const form = { kind: 'done', date: '2026-02-30', message: 'x'.repeat(4001), from: 'Ana\nKind: comment' };
		const response = await post(url, await envelope(form));
		expect(response.json.problems.map((problem: { field: string }) => problem.field)).toEqual([
			'form.action',
			'form.date',
			'form.message',
			'form.from',
		]);
		expect(response.json.problems[2].message).toMatchInlineSnapshot(`"Message is 4001 characters long; the limit is 4000."`);
	});

	test('lists every problem of the envelope, including fields the form does not have', async () => {
		const url = await startRelay();
		const response = await post(url, { deal: 7, form: { kind: 'comment', deal: 'other', title: 'x' }, extra: true });
		expect(response.status).toBe(400);
		expect(response.json).toMatchInlineSnapshot(`
			{
			  "error": "The feedback could not be read.",
			  "problems": [
			    {
			      "field": "extra",
			      "message": "extra is not used; send only deal, token, form, captcha.",
			    },
			    {
			      "field": "deal",
			      "message": "deal must be a non-empty string.",
			    },
			    {
			      "field": "token",
			      "message": "token is required.",
			    },
			    {
			      "field": "form.deal",
			      "message": "form.deal is not a field of the feedback form; its fields are kind, action, date, message, from.",
			    },
			    {
			      "field": "form.title",
			      "message": "form.title is not a field of the feedback form; its fields are kind, action, date, message, from.",
			    },
			  ],
			}
		`);
	});

	test('answers 400 for a body that is not JSON', async () => {
		const url = await startRelay();
		const response = await post(url, '{"deal":');
		expect(response).toMatchObject({ status: 400, json: { error: 'The body is not valid JSON.' } });
	});

	test('keeps a "### Action" line in the message inside the message', async () => {
		const url = await startRelay();
		const form = { kind: 'comment', action: 'pilot', message: 'Fine.\n\n### Action\n\nsign-contract\n#### x', from: 'Ana' };
		expect((await post(url, await envelope(form))).status).toBe(201);
		const body = github.issues[0]!.body;
		expect(body.match(/^###/gm)).toHaveLength(6);
		expect(body).toContain('Fine.\n\n\\#\\#\\# Action\n\nsign-contract\n\\#\\#\\#\\# x');
		expect(parseFeedbackIssue(body, TEMPLATE)).toEqual({ ok: true, form: { ...form, deal: 'northwind' } });
	});

	test('passes HTML, script and MDX text through unchanged as plain text', async () => {
		const url = await startRelay();
		const message = '<script>alert(1)</script> <img src=x onerror=alert(2)> {props.secret} import x from "y"\nexport const a = 1';
		const form = { kind: 'new-risk', message, from: '<b>Ana</b>' };
		expect((await post(url, await envelope(form))).status).toBe(201);
		expect(github.issues[0]!.body).toContain(`### Message\n\n${message}\n\n### From\n\n<b>Ana</b>\n\n`);
		expect(github.issues[0]!.title).toBe('[feedback] new-risk northwind');
		expect(parseFeedbackIssue(github.issues[0]!.body, TEMPLATE)).toEqual({ ok: true, form: { ...form, deal: 'northwind' } });
	});

	test.each([
		['a wrong token', async () => ({ ...(await envelope(DONE)), token: await createFeedbackToken(new Uint8Array(32), NORTHWIND_ID) })],
		['an unknown deal', async () => ({ deal: 'zzzzzzzzzzzzzzzz', token: await createFeedbackToken(SECRET, 'zzzzzzzzzzzzzzzz'), form: DONE })],
		["deal A's token used for deal B", async () => ({ ...(await envelope(DONE)), deal: CONTOSO_ID })],
	])('answers 403 for %s', async (_name, makeBody) => {
		const url = await startRelay();
		const response = await post(url, await makeBody());
		expect(response.status).toBe(403);
		expect(response.json).toMatchInlineSnapshot(`
			{
			  "error": "This feedback link is not valid; open the plan again and use its feedback form.",
			}
		`);
		expect(github.issues).toEqual([]);
	});

	test('answers 413 for a 1 MB body with a Content-Length', async () => {
		const url = await startRelay();
		const response = await post(url, JSON.stringify({ ...(await envelope(DONE)), pad: 'x'.repeat(1024 * 1024) }));
		expect(response.status).toBe(413);
		expect(Number(contentLengths[0])).toBeGreaterThan(1024 * 1024);
		expect(response.json).toMatchInlineSnapshot(`
			{
			  "error": "The feedback is larger than 16 KB; shorten the message.",
			}
		`);
	});

	test('answers 413 for a 1 MB body streamed without a Content-Length', async () => {
		const url = await startRelay();
		const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent === 16) return controller.close();
				sent++;
				controller.enqueue(chunk);
			},
		});
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
		expect(response.status).toBe(413);
		expect(contentLengths).toEqual([null]);
		expect((await response.json()).error).toMatch(/larger than 16 KB/);
	});

	test('answers 429 with Retry-After once a deal has used its limit, and accepts again in the next window', async () => {
		let time = 1_000_000;
		const url = await startRelay({ rateLimit: { perDeal: { limit: 2, windowMs: 60_000 }, now: () => time } });
		const body = await envelope({ kind: 'comment', message: 'Hi', from: 'Ana' });
		expect((await post(url, body)).status).toBe(201);
		expect((await post(url, body)).status).toBe(201);
		time += 15_000;
		const refused = await post(url, body);
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('45');
		expect(refused.json).toMatchInlineSnapshot(`
			{
			  "error": "Too much feedback from here in a short time; try again in 45 seconds.",
			}
		`);
		expect((await post(url, await envelope({ kind: 'comment', message: 'Hi', from: 'Bo' }, CONTOSO_ID))).status).toBe(201);
		time += 45_000;
		expect((await post(url, body)).status).toBe(201);
	});

	test('answers 429 once one client address has used its limit, whatever it posts', async () => {
		const url = await startRelay({ rateLimit: { perAddress: { limit: 2, windowMs: 60_000 }, now: () => 0 } });
		const fromA = { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' };
		expect((await post(url, 'not json', fromA)).status).toBe(400);
		expect((await post(url, 'not json', fromA)).status).toBe(400);
		const refused = await post(url, await envelope(DONE), fromA);
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('60');
		expect((await post(url, await envelope(DONE), { 'x-forwarded-for': '198.51.100.4' })).status).toBe(201);
	});

	test.each(['GET', 'PUT', 'DELETE'])('answers 405 to %s', async (method) => {
		const url = await startRelay();
		const response = await fetch(url, { method });
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('POST, OPTIONS');
	});

	test('answers a CORS preflight from an allowed origin', async () => {
		const url = await startRelay();
		const response = await fetch(url, {
			method: 'OPTIONS',
			headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
		});
		expect(response.status).toBe(204);
		expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
			'access-control-allow-origin': SITE,
			'access-control-allow-methods': 'POST, OPTIONS',
			'access-control-allow-headers': 'Content-Type',
			'access-control-max-age': '86400',
		});
	});

	test('refuses a preflight and a post from an origin that is not allowed', async () => {
		const url = await startRelay();
		const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
		expect(preflight.status).toBe(403);
		expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
		const response = await post(url, await envelope(DONE), { origin: 'https://evil.example' });
		expect(response).toMatchObject({ status: 403, json: { error: 'Feedback is not accepted from this site.' } });
		expect(github.issues).toEqual([]);
	});

	test.each([500, 403] as const)('answers 502 when GitHub answers %i, and reports the error', async (status) => {
		const errors: unknown[] = [];
		const url = await startRelay({ onError: (error) => errors.push(error) });
		github.failWith(status);
		const response = await post(url, await envelope(DONE));
		expect(response.status).toBe(502);
		expect(response.json).toMatchInlineSnapshot(`
			{
			  "error": "GitHub did not accept the feedback issue, so nothing was saved; try again in a few minutes.",
			}
		`);
		expect(errors).toEqual([expect.objectContaining({ status })]);
	});

	test('answers 403 when the captcha is rejected or missing, and files the issue when it passes', async () => {
		const checked: [string, string][] = [];
		const url = await startRelay({
			verifyCaptcha: async (token, address) => {
				checked.push([token, address]);
				return token === 'solved';
			},
		});
		const headers = { 'x-forwarded-for': '203.0.113.9' };
		const rejected = await post(url, await envelope(DONE, NORTHWIND_ID, { captcha: 'wrong' }), headers);
		expect(rejected).toMatchObject({ status: 403, json: { error: 'The captcha was not solved; solve it and send again.' } });
		expect((await post(url, await envelope(DONE), headers)).status).toBe(403);
		expect((await post(url, await envelope(DONE, NORTHWIND_ID, { captcha: 'solved' }), headers)).status).toBe(201);
		expect(checked).toEqual([
			['wrong', '203.0.113.9'],
			['solved', '203.0.113.9'],
		]);
		expect(github.issues).toHaveLength(1);
	});

	test('refuses a relay secret shorter than 32 bytes when it is created', () => {
		expect(() => createRelayHandler({ relaySecret: new Uint8Array(31), dealIds: new Set(), template: TEMPLATE, createIssue: async () => ({ number: 1, url: '' }) }))
			.toThrowErrorMatchingInlineSnapshot(`[RangeError: The relay secret must be at least 32 bytes, got 31.]`);
	});
});

describe('getForwardedClientAddress', () => {
	test.each([
		[{ 'cf-connecting-ip': '198.51.100.7', 'x-forwarded-for': '203.0.113.9' }, '198.51.100.7'],
		[{ 'x-forwarded-for': ' 203.0.113.9 , 10.0.0.1' }, '203.0.113.9'],
		[{}, 'unknown'],
	])('reads %j as %s', (headers, address) => {
		expect(getForwardedClientAddress(new Request('http://relay/', { headers }))).toBe(address);
	});
});

describe('createGitHubIssueCreator', () => {
	test('creates the issue in owner/repo and returns its number and html_url', async () => {
		const createIssue = createGitHubIssueCreator({ octokit: createOctokit(), owner: 'acme', repo: 'deals' });
		expect(await createIssue({ title: 't', body: 'b', labels: ['plan-feedback'] })).toEqual({ number: 1, url: 'https://github.com/acme/deals/issues/1' });
		expect(github.issues).toEqual([{ owner: 'acme', repo: 'deals', title: 't', body: 'b', labels: ['plan-feedback'] }]);
	});

	test("passes GitHub's refusal on as Octokit's error", async () => {
		github.failWith(403);
		const createIssue = createGitHubIssueCreator({ octokit: createOctokit(), owner: 'acme', repo: 'deals' });
		await expect(createIssue({ title: 't', body: 'b', labels: [] })).rejects.toMatchObject({ status: 403 });
	});
});
