import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/rest';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parseFeedbackIssue } from '../../src/lib/feedback/parse-issue.ts';
import { createForwardedAddressReader } from '../../src/relay/client-address.ts';
import { createFeedbackToken } from '../../src/relay/feedback-token.ts';
import { createGitHubIssueCreator } from '../../src/relay/github-issue-creator.ts';
import { createGitHubKeyVersionReader } from '../../src/relay/github-key-versions.ts';
import { createRelayCheck, isRelayCheckAnswered } from '../../src/lib/feedback/relay-check.ts';
import { createRelayHandler, type RelayOptions } from '../../src/relay/handler.ts';
import { cacheKeyVersions } from '../../src/relay/key-version-cache.ts';
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

const NORTHWIND = { routeId: NORTHWIND_ID, slug: 'northwind', keyVersion: 1 };
const CONTOSO = { routeId: CONTOSO_ID, slug: 'contoso', keyVersion: 3 };

beforeAll(async () => {
	github = await startFakeGitHub();
	github.files.set('plans/northwind.mdx', '---\ntitle: Northwind\nstatus: active\n---\n\nBody.\n');
	github.files.set('plans/contoso.mdx', '---\ntitle: Contoso\nkeyVersion: 3 # rotated once\n---\n');
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
	const repository = { octokit: createOctokit(), owner: 'acme', repo: 'plans' };
	const handler = createRelayHandler({
		relaySecret: SECRET,
		template: TEMPLATE,
		createIssue: createGitHubIssueCreator(repository),
		readKeyVersion: createGitHubKeyVersionReader({ ...repository, plansDir: 'plans' }),
		getClientAddress: createForwardedAddressReader(1),
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

async function envelope(form: Record<string, unknown>, deal = NORTHWIND, extra: Record<string, unknown> = {}) {
	return { token: await createFeedbackToken(SECRET, deal), form, ...extra };
}

const DONE = { kind: 'done', action: 'legal-review', date: '2026-05-04', message: 'Signed by our counsel.', from: 'Ana Ruiz' };

describe('createRelayHandler', () => {
	test('answers the set-up check with proof of the same secret, files nothing, and counts a check signed with another secret as a failure', async () => {
		const url = await startRelay({ rateLimit: { failuresPerAddress: { limit: 1, windowMs: 60_000 } } });
		const check = await createRelayCheck(SECRET);
		const answered = await post(url, check, { 'x-forwarded-for': '203.0.113.9' });
		expect(answered.status).toBe(200);
		expect(await isRelayCheckAnswered(SECRET, check, answered.json)).toBe(true);
		expect(await isRelayCheckAnswered(new Uint8Array(32).fill(7), check, answered.json)).toBe(false);
		const foreign = await post(url, await createRelayCheck(new Uint8Array(32).fill(7)), { 'x-forwarded-for': '203.0.113.9' });
		expect(foreign).toMatchObject({ status: 403, json: { check: 'wrong-secret' } });
		// The one allowed failure is spent: the next post from that address waits.
		expect((await post(url, check, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
		expect(github.issues).toEqual([]);
	});

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

	test('lists every problem of the post, including fields the form does not have', async () => {
		const url = await startRelay();
		const response = await post(url, { ...(await envelope({ kind: 'comment', deal: 'other', title: 'x' })), extra: true });
		expect(response.status).toBe(400);
		expect(response.json).toMatchInlineSnapshot(`
			{
			  "error": "The feedback form has problems.",
			  "problems": [
			    {
			      "field": "form.message",
			      "message": "Message is required when kind is "comment".",
			    },
			    {
			      "field": "form.from",
			      "message": "From is required.",
			    },
			    {
			      "field": "form.deal",
			      "message": "Deal is not used when kind is "comment"; leave it empty.",
			    },
			    {
			      "field": "form.title",
			      "message": "title is not used when kind is "comment"; leave it empty.",
			    },
			    {
			      "field": "extra",
			      "message": "extra is not used; send only token, form, captcha.",
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
		// Inert on GitHub (a zero-width joiner after each "<"), the same text once the joiners are gone.
		expect(github.issues[0]!.body).not.toContain('<script');
		expect(github.issues[0]!.body.replace(/\u200D/g, '')).toContain(`### Message\n\n${message}\n\n### From\n\n<b>Ana</b>\n\n`);
		expect(github.issues[0]!.title).toBe('[feedback] new-risk northwind');
		expect(parseFeedbackIssue(github.issues[0]!.body, TEMPLATE)).toEqual({ ok: true, form: { ...form, deal: 'northwind' } });
	});

	test.each([
		['a token made with another secret', async () => ({ ...(await envelope(DONE)), token: await createFeedbackToken(new Uint8Array(32), NORTHWIND) })],
		['a deal the repository has no plan for', async () => envelope(DONE, { routeId: 'zzzzzzzzzzzzzzzz', slug: 'zzz', keyVersion: 1 })],
		["deal A's token renamed to deal B", async () => ({ ...(await envelope(DONE)), token: (await createFeedbackToken(SECRET, NORTHWIND)).replace('.northwind.', '.contoso.') })],
		['a token of a key version the plan has rotated away from', async () => envelope(DONE, { ...CONTOSO, keyVersion: 2 })],
		['a token of a key version the plan does not have yet', async () => envelope(DONE, { ...CONTOSO, keyVersion: 4 })],
		['a post without a token', async () => ({ form: DONE })],
		['a post from a page built before tokens named their deal', async () => ({ deal: NORTHWIND_ID, token: 'x'.repeat(43), form: DONE })],
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

	test("accepts the token of the plan's current key version, read from the repository", async () => {
		const url = await startRelay();
		expect((await post(url, await envelope(DONE, CONTOSO))).status).toBe(201);
		expect(github.issues[0]?.title).toBe('[feedback] done contoso');
		expect(github.requests).toContain('GET /repos/acme/plans/contents/plans%2Fcontoso.mdx');
	});

	test('refuses the old token as soon as rotate-key raises the plan\'s key version, and takes the new one', async () => {
		const url = await startRelay();
		const plan = github.files.get('plans/northwind.mdx')!;
		expect((await post(url, await envelope(DONE))).status).toBe(201);
		github.files.set('plans/northwind.mdx', plan.replace('status: active\n', 'status: active\nkeyVersion: 2\n'));
		try {
			expect((await post(url, await envelope(DONE))).status).toBe(403);
			expect((await post(url, await envelope(DONE, { ...NORTHWIND, keyVersion: 2 }))).status).toBe(201);
		} finally {
			github.files.set('plans/northwind.mdx', plan);
		}
	});

	test('answers 502 without charging the sender when the key version cannot be read from GitHub', async () => {
		const errors: unknown[] = [];
		const url = await startRelay({ onError: (error) => errors.push(error), rateLimit: { failuresPerAddress: { limit: 1, windowMs: 60_000 } } });
		github.failWith(500, 'contents');
		const response = await post(url, await envelope(DONE));
		expect(response).toMatchObject({ status: 502, json: { error: 'The relay could not check this feedback link with GitHub, so nothing was saved; try again in a few minutes.' } });
		expect(String(errors[0])).toContain('Could not read plans/northwind.mdx from acme/plans');
		github.failWith(undefined);
		expect((await post(url, await envelope(DONE))).status).toBe(201);
	});

	test('asks GitHub once a minute per deal, not once per post', async () => {
		let time = 0;
		const repository = { octokit: createOctokit(), owner: 'acme', repo: 'plans' };
		const url = await startRelay({ readKeyVersion: cacheKeyVersions(createGitHubKeyVersionReader({ ...repository, plansDir: 'plans' }), () => time) });
		const reads = () => github.requests.filter((request) => request.includes('/contents/')).length;
		for (let index = 0; index < 3; index++) expect((await post(url, await envelope(DONE))).status).toBe(201);
		expect(reads()).toBe(1);
		time = 60_000;
		expect((await post(url, await envelope(DONE))).status).toBe(201);
		expect(reads()).toBe(2);
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
		expect((await post(url, await envelope({ kind: 'comment', message: 'Hi', from: 'Bo' }, CONTOSO))).status).toBe(201);
		time += 45_000;
		expect((await post(url, body)).status).toBe(201);
	});

	test.each([
		['a wrong captcha', async () => envelope(DONE, NORTHWIND, { captcha: 'wrong' })],
		['a broken form', async () => envelope({ kind: 'done', from: 'Mallory' })],
		['a forged token', async () => ({ ...(await envelope(DONE)), token: await createFeedbackToken(new Uint8Array(32), NORTHWIND) })],
	])("does not charge the deal's quota for posts with %s, so the buyer is never locked out by them", async (_name, makeBody) => {
		const url = await startRelay({
			verifyCaptcha: async (answer) => answer === 'solved',
			rateLimit: { perDeal: { limit: 2, windowMs: 60_000 }, failuresPerAddress: { limit: 1000, windowMs: 60_000 }, now: () => 0 },
		});
		for (let index = 0; index < 25; index++) {
			expect((await post(url, await makeBody(), { 'x-forwarded-for': `198.51.100.${index}` })).status).toBeOneOf([400, 403]);
		}
		const buyer = { 'x-forwarded-for': '203.0.113.9' };
		expect((await post(url, await envelope(DONE, NORTHWIND, { captcha: 'solved' }), buyer)).status).toBe(201);
		expect((await post(url, await envelope(DONE, NORTHWIND, { captcha: 'solved' }), buyer)).status).toBe(201);
		expect((await post(url, await envelope(DONE, NORTHWIND, { captcha: 'solved' }), buyer)).status).toBe(429);
	});

	test('counts refused posts per address against their own limit, apart from the feedback quota', async () => {
		const url = await startRelay({
			rateLimit: { perAddress: { limit: 2, windowMs: 60_000 }, failuresPerAddress: { limit: 3, windowMs: 60_000 }, now: () => 0 },
		});
		const mallory = { 'x-forwarded-for': '198.51.100.4' };
		for (let index = 0; index < 3; index++) expect((await post(url, 'not json', mallory)).status).toBe(400);
		const blocked = await post(url, await envelope(DONE), mallory);
		expect(blocked.status).toBe(429);
		expect(blocked.headers.get('retry-after')).toBe('60');
		const buyer = { 'x-forwarded-for': '203.0.113.9' };
		expect((await post(url, 'not json', buyer)).status).toBe(400);
		expect((await post(url, await envelope(DONE), buyer)).status).toBe(201);
		expect((await post(url, await envelope(DONE), buyer)).status).toBe(201);
		expect((await post(url, await envelope(DONE), buyer)).status).toBe(429);
		expect(github.issues).toHaveLength(2);
	});

	test('limits a client by the right-most untrusted hop, whatever it writes into X-Forwarded-For itself', async () => {
		const url = await startRelay({ rateLimit: { failuresPerAddress: { limit: 2, windowMs: 60_000 }, now: () => 0 } });
		// One trusted proxy appends the address it saw (203.0.113.9) after whatever the client sent.
		for (let index = 0; index < 2; index++) expect((await post(url, 'not json', { 'x-forwarded-for': `10.0.0.${index}, 203.0.113.9` })).status).toBe(400);
		expect((await post(url, 'not json', { 'x-forwarded-for': '10.9.9.9, 203.0.113.9' })).status).toBe(429);
		expect((await post(url, 'not json', { 'x-forwarded-for': '203.0.113.9, 198.51.100.4' })).status).toBe(400);
	});

	test('makes mentions, links, images and hidden comments inert in the issue, and the merge reads back the text as typed', async () => {
		const url = await startRelay();
		const message = [
			'cc @ana-lee and @acme/legal, see #12 and GH-7',
			'![pixel](https://evil.example/t.png) [click](https://evil.example) <https://evil.example> www.evil.example',
			'<!-- hidden --> <img src=x> &#64;bob [ref]: https://evil.example',
		].join('\n');
		const form = { kind: 'comment', message, from: 'Ana @ Northwind' };
		expect((await post(url, await envelope(form))).status).toBe(201);
		const body = github.issues[0]!.body;
		for (const live of ['@ana', '@acme', '#12', 'GH-7', '![', '](', '<https', '<!--', '<img', 'www.', '&#', ']:', '://']) expect(body).not.toContain(live);
		expect(body.replace(/\u200D/g, '')).toContain(message);
		expect(parseFeedbackIssue(body, TEMPLATE)).toEqual({ ok: true, form: { ...form, deal: 'northwind' } });
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
		const rejected = await post(url, await envelope(DONE, NORTHWIND, { captcha: 'wrong' }), headers);
		expect(rejected).toMatchObject({ status: 403, json: { error: 'The captcha was not solved; solve it and send again.' } });
		expect((await post(url, await envelope(DONE), headers)).status).toBe(403);
		expect((await post(url, await envelope(DONE, NORTHWIND, { captcha: 'solved' }), headers)).status).toBe(201);
		expect(checked).toEqual([
			['wrong', '203.0.113.9'],
			['solved', '203.0.113.9'],
		]);
		expect(github.issues).toHaveLength(1);
	});

	test('refuses a relay secret shorter than 32 bytes when it is created', () => {
		expect(() =>
			createRelayHandler({
				relaySecret: new Uint8Array(31),
				template: TEMPLATE,
				createIssue: async () => ({ number: 1, url: '' }),
				readKeyVersion: async () => 1,
				getClientAddress: () => 'unknown',
			}),
		).toThrowErrorMatchingInlineSnapshot(`[RangeError: The relay secret must be at least 32 bytes, got 31.]`);
	});
});

describe('createForwardedAddressReader', () => {
	test.each([
		[1, '203.0.113.9', '203.0.113.9'],
		[1, '10.0.0.1, 203.0.113.9', '203.0.113.9'],
		[2, '10.0.0.1, 203.0.113.9, 198.51.100.1', '203.0.113.9'],
		[3, '203.0.113.9, 198.51.100.1', '203.0.113.9'],
		[1, ' , ', 'unknown'],
		[1, undefined, 'unknown'],
	])('behind %i trusted proxies reads %j as %s', (hops, header, address) => {
		const headers: Record<string, string> = header === undefined ? {} : { 'x-forwarded-for': header };
		expect(createForwardedAddressReader(hops)(new Request('http://relay/', { headers }))).toBe(address);
	});

	test('ignores CF-Connecting-IP, which any client can send off Cloudflare', () => {
		const request = new Request('http://relay/', { headers: { 'cf-connecting-ip': '1.2.3.4', 'x-forwarded-for': '203.0.113.9' } });
		expect(createForwardedAddressReader(1)(request)).toBe('203.0.113.9');
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
