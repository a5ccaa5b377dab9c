/**
 * Buyer feedback end to end, as a small team runs it: a deal built for real with a relay, the relay
 * running in workerd (Miniflare) from relay/cloudflare/worker.ts, GitHub as the local fake. A buyer
 * proposes a new date in Chromium, the fake receives the issue through the real Octokit, and
 * `npm run feedback -- --apply` changes the plan by the one `due:` line and its `dateChanges` entry.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildShareFragment, deriveContentKey, deriveDealPathId } from '../../src/lib/crypto/index.ts';
import { findHunks } from '../../src/lib/feedback/merge/line-diff.ts';
import { serveStatic } from '../../src/node/static-server.ts';
import { FAKE_GITHUB_TOKEN, startFakeGitHub, type FakeGitHub } from '../github/fake-github.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const SHOTS = join(ROOT, 'test-output', 'screenshots');
const SITE_SECRET = `RelayFeedback${'q'.repeat(32)}`;
const RELAY_SECRET = Buffer.alloc(32, 77).toString('base64url');
const SLUG = 'orbit-freight';

const PLAN = `---
title: "Orbit Freight x Acme: routing pilot"
buyer:
  name: Orbit Freight
seller:
  name: Acme Analytics
brand:
  primary: "#0b5fff"
decisionDate: 2026-12-15
status: active
objective:
  shared: Decide on the routing pilot before the winter peak.
stakeholders:
  - id: ana
    name: Ana Quillfeather
    role: CTO
    side: buyer
  - id: sam
    name: Sam Seller
    role: Account executive
    side: seller
actions:
  - id: pilot
    title: Run the routing pilot
    side: buyer
    owner: ana
    due: 2026-12-10
    status: todo
  - id: contract
    title: Sign the contract
    side: buyer
    owner: ana
    due: 2026-12-14
    status: todo
    dependsOn: [pilot]
---

Orbit Freight wants one routing view before the winter peak.
`;

let work = '';
let github: FakeGitHub;
let miniflare: Miniflare | undefined;
let browser: Browser | undefined;
let closeSite = () => {};

/** The Workers entry bundled as wrangler bundles it (ES modules, the issue template as a Text module). */
async function bundleWorker(): Promise<string> {
	const bundle = await build({
		entryPoints: [join(ROOT, 'relay', 'cloudflare', 'worker.ts')],
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

/** Builds the fixture plans folder as CI would, with the relay's address and secret. */
function buildSite(dist: string, relayUrl: string): void {
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAP_') && !name.startsWith('MAPSITE_')));
	const result = spawnSync(process.execPath, [ASTRO, 'build'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: {
			...env,
			MAP_TODAY: '2026-11-23',
			MAP_SITE_SECRET: SITE_SECRET,
			MAP_PASSWORD_ORBIT_FREIGHT: 'orbit freight password for the test',
			MAP_RELAY_SECRET: RELAY_SECRET,
			MAPSITE_RELAY_URL: relayUrl,
			MAPSITE_SECRETS: join(work, 'none.json'),
			MAPSITE_PLANS: relative(ROOT, join(work, 'plans')),
			MAPSITE_DIST: dist,
			MAPSITE_SITE_URL: 'https://plans.example.com',
		},
	});
	expect(result.status, result.stdout + result.stderr).toBe(0);
}

/** `npm run feedback -- --apply` against the fake; async so the fake in this process can answer. */
async function runFeedbackApply(): Promise<{ status: number | null; output: string }> {
	const child = spawn('npm', ['run', '--silent', 'feedback', '--', '--apply', '--plans', join(work, 'plans')], {
		cwd: ROOT,
		env: { ...process.env, GITHUB_TOKEN: FAKE_GITHUB_TOKEN, GITHUB_REPOSITORY: 'acme/plans', GITHUB_API_URL: github.url, MAP_FEEDBACK_TRUSTED: 'relay-bot' },
	});
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const [status] = (await once(child, 'close')) as [number | null];
	return { status, output };
}

describe.skipIf(!existsSync(CHROMIUM))('buyer feedback through the Workers relay (needs Chromium at /usr/bin/chromium)', () => {
	let dealUrl = '';
	let relayUrl = '';

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'mapsite-relay-feedback-'));
		await mkdir(join(work, 'plans'));
		await writeFile(join(work, 'plans', `${SLUG}.mdx`), PLAN);
		github = await startFakeGitHub();
		// The relay reads the plan's key version from the repository, as it would from GitHub.
		github.files.set(`plans/${SLUG}.mdx`, PLAN);
		// The site is served before it is built, so its origin can be given to the relay.
		const dist = join(work, 'dist');
		const site = await serveStatic(dist);
		closeSite = () => site.server.close();
		miniflare = new Miniflare({
			modules: [{ type: 'ESModule', path: 'worker.js', contents: await bundleWorker() }],
			compatibilityDate: '2025-09-01',
			compatibilityFlags: ['nodejs_compat'],
			bindings: {
				MAP_RELAY_SECRET: RELAY_SECRET,
				GITHUB_TOKEN: FAKE_GITHUB_TOKEN,
				GITHUB_REPOSITORY: 'acme/plans',
				GITHUB_API_URL: github.url,
				MAP_RELAY_ALLOWED_ORIGINS: site.url,
			},
		});
		relayUrl = new URL('/api/feedback', await miniflare.ready).toString();
		buildSite(dist, relayUrl);
		const siteSecret = Buffer.from(SITE_SECRET, 'base64url');
		dealUrl = `${site.url}/${await deriveDealPathId(siteSecret, SLUG)}/plan/${buildShareFragment(await deriveContentKey(siteSecret, SLUG, 1))}`;
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await miniflare?.dispose();
		closeSite();
		await github?.close();
		if (work) await rm(work, { recursive: true, force: true });
	});

	test('a proposed date goes from the page through workerd to a GitHub issue, and the merge changes only the due date and its history', async () => {
		const before = await readFile(join(work, 'plans', `${SLUG}.mdx`), 'utf8');
		const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
		await page.goto(dealUrl);
		await page.waitForSelector('mapsite-content:not([hidden]) form[data-mapsite-feedback][data-feedback-wired]', { state: 'attached', timeout: 30_000 });

		await page.locator('.action button[data-feedback-open="pilot"]').click();
		await page.locator('.action summary', { hasText: 'Propose new date' }).click();
		const form = page.locator('.action form[data-mapsite-feedback]:has(input[name="kind"][value="new-date"])');
		await form.locator('input[name="from"]').fill('Ana Quillfeather');
		await form.locator('input[name="date"]').fill('2026-12-12');
		await form.locator('textarea[name="message"]').fill('Our data team is out until the 11th; cc @orbit/it');
		await form.locator('button[type="submit"]').click();
		const status = form.locator('[data-feedback-status]');
		await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('sent');
		await mkdir(SHOTS, { recursive: true });
		await form.screenshot({ path: join(SHOTS, 'relay-feedback-sent-390.png') });
		await page.setViewportSize({ width: 1280, height: 800 });
		await form.screenshot({ path: join(SHOTS, 'relay-feedback-sent-1280.png') });
		await page.close();

		expect(github.issues).toHaveLength(1);
		const [issue] = github.issues;
		expect(issue).toMatchObject({ title: '[feedback] new-date orbit-freight', labels: ['plan-feedback'], author: 'relay-bot' });
		// The buyer's mention reached GitHub inert.
		expect(issue!.body).not.toContain('@orbit');

		const applied = await runFeedbackApply();
		expect(applied.status, applied.output).toBe(0);
		const after = await readFile(join(work, 'plans', `${SLUG}.mdx`), 'utf8');
		const beforeLines = before.split('\n');
		const afterLines = after.split('\n');
		const changes = findHunks(beforeLines, afterLines).map((hunk) => ({
			removed: beforeLines.slice(hunk.beforeStart, hunk.beforeStart + hunk.beforeCount),
			added: afterLines.slice(hunk.afterStart, hunk.afterStart + hunk.afterCount),
		}));
		expect(changes).toEqual([
			{
				removed: ['    due: 2026-12-10'],
				added: [
					'    due: 2026-12-12',
					'    dateChanges:',
					`      - on: ${issue!.createdAt}`,
					'        from: 2026-12-10',
					'        to: 2026-12-12',
					'        reason: "Our data team is out until the 11th; cc @orbit/it"',
					'        by: Ana Quillfeather',
					'        issue: 1',
				],
			},
		]);
		expect(issue!.state).toBe('closed');
	});
});
