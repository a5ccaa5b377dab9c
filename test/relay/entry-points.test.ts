/**
 * Each ready-to-deploy entry point of the relay, run as its host runs it, over real HTTP, filing issues in
 * the local GitHub fake through the real Octokit: the Workers entry in workerd (Miniflare), the Netlify and
 * Vercel functions through their Request/Response contracts behind a node:http server.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { parseFeedbackIssue } from '../../src/lib/feedback/parse-issue.ts';
import { createFeedbackToken } from '../../src/relay/feedback-token.ts';
import { createNodeListener } from '../../src/relay/node-adapter.ts';
import { FAKE_GITHUB_TOKEN, startFakeGitHub, type FakeGitHub } from './fake-github.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATE = readFileSync(new URL('../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');
const SECRET = new Uint8Array(32).fill(5);
const SITE = 'https://plans.example.com';
const NORTHWIND = { routeId: 'k3v9q2xw7m4tp8ra', slug: 'northwind', keyVersion: 2 };
const FORM = { kind: 'new-date', action: 'pilot', date: '2026-06-01', message: 'Counsel is out; cc @acme/legal', from: 'Ana Ruiz' };

let github: FakeGitHub;
const servers: Server[] = [];

function relayEnv(): Record<string, string> {
	return {
		MAP_RELAY_SECRET: Buffer.from(SECRET).toString('base64url'),
		GITHUB_TOKEN: FAKE_GITHUB_TOKEN,
		GITHUB_REPOSITORY: 'acme/plans',
		GITHUB_API_URL: github.url,
		MAP_RELAY_ALLOWED_ORIGINS: SITE,
	};
}

beforeAll(async () => {
	github = await startFakeGitHub();
	github.files.set('plans/northwind.mdx', '---\ntitle: Northwind\nkeyVersion: 2\n---\n');
});
afterEach(() => {
	github.reset();
	vi.unstubAllEnvs();
});
afterAll(async () => {
	for (const server of servers) server.close();
	await github.close();
});

async function serve(handler: (request: Request, address: string) => Promise<Response>): Promise<string> {
	const server = createServer((incoming, outgoing) =>
		createNodeListener((request) => handler(request, incoming.socket.remoteAddress ?? 'unknown'))(incoming, outgoing),
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	servers.push(server);
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/feedback`;
}

async function post(url: string, token: string): Promise<{ status: number; json: unknown; cors: string | null }> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body: JSON.stringify({ token, form: FORM }) });
	return { status: response.status, json: await response.json(), cors: response.headers.get('access-control-allow-origin') };
}

/** Bundles the Workers entry as wrangler would: ES modules for workerd, the issue template as text (wrangler.toml's Text rule). */
async function bundleWorker(): Promise<string> {
	const bundle = await build({
		entryPoints: [fileURLToPath(new URL('../../relay/cloudflare/worker.ts', import.meta.url))],
		bundle: true,
		format: 'esm',
		platform: 'browser',
		conditions: ['workerd', 'worker', 'browser'],
		target: 'es2022',
		loader: { '.yml': 'text' },
		write: false,
		logLevel: 'silent',
		absWorkingDir: ROOT,
	});
	return bundle.outputFiles[0]!.text;
}

/** Posts good feedback, a revoked token and checks what reached GitHub, the same for every host. */
async function expectRelayWorks(url: string): Promise<void> {
	const accepted = await post(url, await createFeedbackToken(SECRET, NORTHWIND));
	expect(accepted).toEqual({ status: 201, json: { issue: 1, url: 'https://github.com/acme/plans/issues/1' }, cors: SITE });
	expect(github.issues).toHaveLength(1);
	expect(github.issues[0]).toMatchObject({ owner: 'acme', repo: 'plans', title: '[feedback] new-date northwind', labels: ['plan-feedback'] });
	expect(github.issues[0]!.body).not.toContain('@acme');
	expect(parseFeedbackIssue(github.issues[0]!.body, TEMPLATE)).toEqual({ ok: true, form: { ...FORM, deal: 'northwind' } });
	const revoked = await post(url, await createFeedbackToken(SECRET, { ...NORTHWIND, keyVersion: 1 }));
	expect(revoked.status).toBe(403);
	expect(github.issues).toHaveLength(1);
}

describe('relay/cloudflare/worker.ts in workerd (Miniflare)', () => {
	let miniflare: Miniflare | undefined;
	afterAll(async () => {
		await miniflare?.dispose();
	});

	test('files feedback through the real Octokit from inside workerd and refuses a rotated token', async () => {
		const worker = await bundleWorker();
		miniflare = new Miniflare({
			modules: [{ type: 'ESModule', path: 'worker.js', contents: worker }],
			compatibilityDate: '2025-09-01',
			compatibilityFlags: ['nodejs_compat'],
			bindings: relayEnv(),
		});
		const url = new URL('/api/feedback', await miniflare.ready).toString();
		await expectRelayWorks(url);
		const wrangler = readFileSync(new URL('../../relay/cloudflare/wrangler.toml', import.meta.url), 'utf8');
		expect(wrangler).toContain('main = "worker.ts"');
		expect(wrangler).toMatch(/type = "Text"\s+globs = \["\*\*\/\*\.yml"\]/);
	});

	test('answers 503 and says nothing about its settings when they are missing', async () => {
		const worker = await bundleWorker();
		const bare = new Miniflare({ modules: [{ type: 'ESModule', path: 'worker.js', contents: worker }], compatibilityDate: '2025-09-01', compatibilityFlags: ['nodejs_compat'] });
		try {
			const response = await bare.dispatchFetch('http://relay/api/feedback', { method: 'POST', body: '{}' });
			expect(response.status).toBe(503);
			expect(await response.json()).toEqual({ error: 'The feedback relay is not set up yet, so nothing was saved; tell the seller.' });
		} finally {
			await bare.dispose();
		}
	});
});

describe('relay/netlify/functions/feedback.ts', () => {
	test("serves Netlify's (Request, context) contract, taking the client address from context.ip", async () => {
		for (const [name, value] of Object.entries(relayEnv())) vi.stubEnv(name, value);
		const { default: feedback, config } = await import('../../relay/netlify/functions/feedback.ts');
		expect(config).toEqual({ path: '/api/feedback' });
		const url = await serve((request, address) => feedback(request, { ip: address }));
		await expectRelayWorks(url);
		const toml = readFileSync(new URL('../../relay/netlify/netlify.toml', import.meta.url), 'utf8');
		expect(toml).toContain('included_files = [".github/ISSUE_TEMPLATE/plan-feedback.yml"]');
	});
});

describe('relay/vercel/api/feedback.ts', () => {
	test("serves Vercel's fetch export contract", async () => {
		for (const [name, value] of Object.entries(relayEnv())) vi.stubEnv(name, value);
		const { default: feedback } = await import('../../relay/vercel/api/feedback.ts');
		const url = await serve((request) => feedback.fetch(request));
		await expectRelayWorks(url);
		const config = JSON.parse(readFileSync(new URL('../../relay/vercel/vercel.json', import.meta.url), 'utf8'));
		expect(config.functions['api/feedback.ts'].includeFiles).toBe('.github/ISSUE_TEMPLATE/plan-feedback.yml');
	});
});
