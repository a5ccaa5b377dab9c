/**
 * The relay handler's edges, pinned so that mutation testing (docs/mutation.md) notices a dropped
 * header, a limit checked too late or an unexpected failure no longer answered. The handler is
 * called directly with `Request`s, issues are recorded in memory: no HTTP server, no GitHub fake.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createFeedbackToken } from '../../src/relay/feedback-token.ts';
import { createRelayHandler, type IssueInput, type RelayOptions } from '../../src/relay/handler.ts';

const TEMPLATE = readFileSync(new URL('../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');
const SECRET = new Uint8Array(32).fill(42);
const SITE = 'https://plans.example.com';
const NORTHWIND = { routeId: 'k3v9q2xw7m4tp8ra', slug: 'northwind', keyVersion: 1 };
const DONE = { kind: 'done', action: 'legal-review', date: '2026-05-04', message: 'Signed by our counsel.', from: 'Ana Ruiz' };

/** A relay whose issues land in `issues`; the client address comes from the `x-client` header. */
function makeRelay(overrides: Partial<RelayOptions> = {}) {
	const issues: IssueInput[] = [];
	const handle = createRelayHandler({
		relaySecret: SECRET,
		template: TEMPLATE,
		createIssue: async (input) => {
			issues.push(input);
			return { number: issues.length, url: `https://github.com/acme/plans/issues/${issues.length}` };
		},
		readKeyVersion: async () => 1,
		getClientAddress: (request) => request.headers.get('x-client') ?? 'unknown',
		...overrides,
	});
	return { handle, issues };
}

const feedback = async (form: Record<string, unknown> = DONE) => JSON.stringify({ token: await createFeedbackToken(SECRET, NORTHWIND), form });
const postRequest = (body: string, headers: Record<string, string> = {}) => new Request('https://relay.example/', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const headersOf = (response: Response) => Object.fromEntries(response.headers);

describe('the relay’s answers', () => {
	test('are JSON that no cache keeps, and vary by Origin when some origins are allowed', async () => {
		const { handle } = makeRelay({ allowedOrigins: [SITE] });
		const fromSite = await handle(postRequest(await feedback(), { origin: SITE }));
		expect(fromSite.status).toBe(201);
		expect(headersOf(fromSite)).toEqual({
			'access-control-allow-origin': SITE,
			'cache-control': 'no-store',
			'content-type': 'application/json; charset=utf-8',
			vary: 'Origin',
		});
		const withoutOrigin = await handle(postRequest(await feedback()));
		expect(headersOf(withoutOrigin)).toEqual({ 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8', vary: 'Origin' });
	});

	test('carry no CORS header at all, not even Vary, when no origin is allowed', async () => {
		const { handle } = makeRelay();
		const response = await handle(postRequest(await feedback()));
		expect(response.status).toBe(201);
		expect(headersOf(response)).toEqual({ 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' });
	});

	test('name the allowed methods on a preflight, granted or refused', async () => {
		const { handle } = makeRelay({ allowedOrigins: [SITE] });
		const preflight = (origin: string) => handle(new Request('https://relay.example/', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } }));
		const granted = await preflight(SITE);
		expect(granted.status).toBe(204);
		expect(granted.headers.get('allow')).toBe('POST, OPTIONS');
		const refused = await preflight('https://evil.example');
		expect(refused.status).toBe(403);
		expect(headersOf(refused)).toEqual({ allow: 'POST, OPTIONS', vary: 'Origin' });
	});

	test('say which method is not supported, and which are', async () => {
		const { handle } = makeRelay();
		const response = await handle(new Request('https://relay.example/', { method: 'PUT', body: '{}' }));
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('POST, OPTIONS');
		expect(await response.json()).toEqual({ error: 'PUT is not supported; post the feedback form as JSON.' });
	});

	test('say what is wrong with a body that is not JSON, as a problem list', async () => {
		const { handle, issues } = makeRelay();
		const response = await handle(postRequest('{"form":'));
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: 'The body is not valid JSON.', problems: [{ field: '', message: 'The body must be UTF-8 JSON.' }] });
		expect(issues).toEqual([]);
	});

	test('refuse feedback when the captcha service fails, and save nothing', async () => {
		const { handle, issues } = makeRelay({
			verifyCaptcha: async () => {
				throw new Error('captcha service unreachable');
			},
		});
		const body = JSON.stringify({ ...JSON.parse(await feedback()), captcha: 'solved' });
		const response = await handle(postRequest(body));
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ error: 'The captcha was not solved; solve it and send again.' });
		expect(issues).toEqual([]);
	});

	test('answer 500 and tell the operator when the relay itself fails, and save nothing', async () => {
		const errors: unknown[] = [];
		const bug = new Error('address reader broke');
		const { handle, issues } = makeRelay({
			getClientAddress: () => {
				throw bug;
			},
			onError: (error) => errors.push(error),
		});
		const response = await handle(postRequest(await feedback()));
		expect(response.status).toBe(500);
		expect(await response.json()).toEqual({ error: 'The relay failed unexpectedly; nothing was saved.' });
		expect(errors).toEqual([bug]);
		expect(issues).toEqual([]);
	});
});

describe('the relay’s limits', () => {
	test('turn away an address at its limit before reading its post, so a bad post from it is not even judged', async () => {
		const { handle } = makeRelay({ rateLimit: { perAddress: { limit: 1, windowMs: 60_000 } } });
		expect((await handle(postRequest(await feedback(), { 'x-client': '203.0.113.9' }))).status).toBe(201);
		expect((await handle(postRequest('{"form":', { 'x-client': '203.0.113.9' }))).status).toBe(429);
	});

	test('file one issue when two posts from an address with one post left arrive together', async () => {
		const { handle, issues } = makeRelay({ rateLimit: { perAddress: { limit: 1, windowMs: 60_000 } } });
		const [first, second] = await Promise.all([
			handle(postRequest(await feedback(), { 'x-client': '203.0.113.9' })),
			handle(postRequest(await feedback(), { 'x-client': '203.0.113.9' })),
		]);
		expect([first.status, second.status].sort()).toEqual([201, 429]);
		expect(issues).toHaveLength(1);
	});

	test('count an address by its first 100 characters, however long the address a host reports', async () => {
		const seen: string[] = [];
		const { handle } = makeRelay({
			verifyCaptcha: async (_token, address) => {
				seen.push(address);
				return true;
			},
		});
		const body = JSON.stringify({ ...JSON.parse(await feedback()), captcha: 'solved' });
		expect((await handle(postRequest(body, { 'x-client': `${'a'.repeat(100)}-and-more` }))).status).toBe(201);
		expect(seen).toEqual(['a'.repeat(100)]);
	});
});
