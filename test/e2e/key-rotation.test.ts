/**
 * Password change versus key rotation, end to end: a small fixture plan is built for real three
 * times (first password; new password; after `rotate-key`), each build is "deployed" in turn on one
 * origin, and Chromium checks what a buyer holding the old password, an old share link or a
 * remembered device gets after each step.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildShareFragment, deriveContentKey, deriveDealPathId } from '../../src/lib/crypto/index.ts';
import { ENGLISH_GATE_LABELS } from '../../src/lib/gate/labels.ts';
import { serveStatic } from '../../src/node/static-server.ts';
import { runScript } from '../scripts/run-script.ts';
import { skipWithoutChromium } from '../helpers/chromium.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const SITE_SECRET = `KeyRotation${'z'.repeat(32)}`;
const SLUG = 'orbit-freight';
const FIRST_PASSWORD = 'first password for orbit';
const NEW_PASSWORD = 'second password for orbit';
const MESSAGES = ENGLISH_GATE_LABELS.messages;

const PLAN = `---
# Fixture for the key rotation test; the comment must survive rotate-key.
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
---

Orbit Freight wants one routing view before the winter peak.
`;

let work = '';
let browser: Browser;
let base = '';
let closeServer = () => {};
let rotateOutput = '';

/** Builds the fixture plans folder into `dist` with `password`, as `npm run build` would in CI. */
function buildSite(dist: string, password: string): void {
	// Only what the test passes counts: no secrets file, no MAP_ or MAPSITE_ setting of the shell.
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAP_') && !name.startsWith('MAPSITE_')));
	const result = spawnSync(process.execPath, [ASTRO, 'build'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: {
			...env,
			MAP_TODAY: '2026-11-23',
			MAP_SITE_SECRET: SITE_SECRET,
			MAP_PASSWORD_ORBIT_FREIGHT: password,
			MAPSITE_SECRETS: join(work, 'none.json'),
			// Relative to the project root, which is how the build reads it.
			MAPSITE_PLANS: relative(ROOT, join(work, 'plans')),
			MAPSITE_DIST: dist,
			MAPSITE_SITE_URL: 'https://plans.example.com',
		},
	});
	expect(result.status, result.stdout + result.stderr).toBe(0);
}

/** Puts build `n` live: the server always serves `work/live`, so the browser keeps one origin and its storage. */
async function deploy(n: number): Promise<void> {
	await rm(join(work, 'live'), { force: true });
	await symlink(join(work, `dist-${n}`), join(work, 'live'));
}

async function unlock(page: Page, password: string, { remember = false } = {}): Promise<void> {
	await page.fill('#mapsite-gate-password', password);
	if (remember) await page.check('#mapsite-gate-remember');
	await page.click('#mapsite-gate-form button[type=submit]');
}

async function readStatus(page: Page): Promise<string> {
	await page.waitForFunction((unlocking) => {
		const text = document.getElementById('mapsite-gate-status')?.textContent ?? '';
		return text !== '' && text !== unlocking;
	}, MESSAGES.unlocking);
	return (await page.textContent('#mapsite-gate-status')) ?? '';
}

async function expectOpen(page: Page): Promise<void> {
	await page.waitForSelector('mapsite-content:not([hidden]) h1', { timeout: 15_000 });
	expect(await page.textContent('mapsite-content')).toContain('Orbit Freight');
	expect(await page.isVisible('#mapsite-gate-form')).toBe(false);
}

async function expectLocked(page: Page): Promise<void> {
	await page.locator('#mapsite-gate-form').waitFor({ state: 'visible' });
	expect(await page.locator('mapsite-content').isHidden()).toBe(true);
	expect(await page.locator('mapsite-content').innerHTML()).toBe('');
}

describe.skipIf(skipWithoutChromium())('password change and key rotation in Chromium (needs Chromium at /usr/bin/chromium)', () => {
	let shareLink = '';
	/** A buyer who ticked "remember this device" on the first build; kept across deploys. */
	let rememberedDevice: BrowserContext;

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'mapsite-key-rotation-'));
		await mkdir(join(work, 'plans'));
		await writeFile(join(work, 'plans', `${SLUG}.mdx`), PLAN);
		buildSite(join(work, 'dist-1'), FIRST_PASSWORD);
		buildSite(join(work, 'dist-2'), NEW_PASSWORD);
		const rotated = runScript('rotate-key.ts', [SLUG], work);
		rotateOutput = rotated.stdout + rotated.stderr;
		expect(rotated.status, rotateOutput).toBe(0);
		buildSite(join(work, 'dist-3'), NEW_PASSWORD);
		await deploy(1);
		const served = await serveStatic(join(work, 'live'));
		closeServer = () => served.server.close();
		base = `${served.url}/${await deriveDealPathId(Buffer.from(SITE_SECRET, 'base64url'), SLUG)}/`;
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	});

	afterAll(async () => {
		await browser?.close();
		closeServer();
		if (work) await rm(work, { recursive: true, force: true });
	});

	test('rotate-key changed only the keyVersion of the plan and said what happens next', async () => {
		expect(await readFile(join(work, 'plans', `${SLUG}.mdx`), 'utf8')).toBe(PLAN.replace('status: active\n', 'status: active\nkeyVersion: 2\n'));
		expect(rotateOutput).toContain('keyVersion 1 -> 2');
		expect(rotateOutput).toContain('every old share link and every device that remembered the plan stop working');
		expect(rotateOutput).toContain('The password stays the same');
	});

	test('first build: the password opens the plan, and the share link the site copies opens it in another browser', async () => {
		await deploy(1);
		rememberedDevice = await browser.newContext();
		await rememberedDevice.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
		const page = await rememberedDevice.newPage();
		await page.goto(base);
		await unlock(page, FIRST_PASSWORD, { remember: true });
		await expectOpen(page);
		await page.click('[data-mapsite-share]');
		expect(await readStatus(page)).toBe(MESSAGES.shareCopied);
		shareLink = await page.evaluate(() => navigator.clipboard.readText());
		const key = await deriveContentKey(Buffer.from(SITE_SECRET, 'base64url'), SLUG, 1);
		expect(shareLink).toBe(`${base}${buildShareFragment(key)}`);
		await page.close();

		const other = await browser.newContext();
		const visitor = await other.newPage();
		await visitor.goto(shareLink);
		await expectOpen(visitor);
		await other.close();
	});

	test('after a password change: the old password is refused, the new one works', async () => {
		await deploy(2);
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(base);
		await unlock(page, FIRST_PASSWORD);
		expect(await readStatus(page)).toBe(MESSAGES.wrongPassword);
		await expectLocked(page);
		await unlock(page, NEW_PASSWORD);
		await expectOpen(page);
		// Printed, not asserted: what one guess at the password costs (PBKDF2, 600,000 rounds) in Chromium here.
		const unwrapMs = await page.evaluate(() => performance.getEntriesByName('mapsite:unwrap').at(-1)?.duration);
		console.log(`unwrap at 600,000 PBKDF2 iterations in Chromium: ${unwrapMs?.toFixed(1)} ms`);
		await context.close();
	});

	test('after a password change: the old share link and the remembered device still open the plan', async () => {
		await deploy(2);
		const other = await browser.newContext();
		const visitor = await other.newPage();
		await visitor.goto(shareLink);
		await expectOpen(visitor);
		await other.close();

		const page = await rememberedDevice.newPage();
		await page.goto(base);
		await expectOpen(page);
		await page.close();
	});

	test('after rotate-key: the old share link is refused with the link message, and the password still works', async () => {
		await deploy(3);
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(shareLink);
		expect(await readStatus(page)).toBe(MESSAGES.linkKeyFailed);
		await expectLocked(page);
		expect(page.url()).toBe(base);
		await unlock(page, NEW_PASSWORD);
		await expectOpen(page);
		await context.close();
	});

	test('after rotate-key: the remembered device is asked for the password again and forgets the old key', async () => {
		await deploy(3);
		const page = await rememberedDevice.newPage();
		await page.goto(base);
		await expectLocked(page);
		expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
		await unlock(page, NEW_PASSWORD);
		await expectOpen(page);
		await rememberedDevice.close();
	});
});
