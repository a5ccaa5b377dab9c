/**
 * The bundled example plans, built gated and opened in Debian's Chromium the way a buyer would:
 * on a phone and on a desktop, unlocking with the password, moving between pages.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deriveDealPathId } from '../../src/lib/crypto/index.ts';
import { serveStatic } from '../../src/node/static-server.ts';
import { skipWithoutChromium } from '../helpers/chromium.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = join(ROOT, 'test-output', 'screenshots');
const SITE_SECRET = `E2E${'x'.repeat(40)}`;
const PASSWORD = 'correct horse battery staple 42';

describe.skipIf(skipWithoutChromium())('the example site in Chromium (needs Chromium at /usr/bin/chromium)', () => {
	let browser: Browser;
	let base = '';
	let close = () => {};

	beforeAll(async () => {
		const dist = join(await mkdtemp(join(tmpdir(), 'mapsite-e2e-')), 'dist');
		const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAP_')));
		const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: {
				...env,
				MAP_TODAY: '2026-11-23',
				MAPSITE_DIST: dist,
				MAPSITE_SITE_URL: 'https://plans.example.test',
				MAPSITE_SECRETS: join(dist, '..', 'none.json'),
				MAP_SITE_SECRET: SITE_SECRET,
				MAP_PASSWORD_NORTHWIND_DATA_PLATFORM: PASSWORD,
				MAP_PASSWORD_HARBOR_LIGHTWEIGHT: 'harbor password',
				MAP_PASSWORD_MERIDIAN_CLOSED_WON: 'meridian password',
				MAP_PASSWORD_SINAR_PANGAN_GUDANG: 'sinar pangan password',
			},
		});
		expect(result.status, result.stdout + result.stderr).toBe(0);
		const served = await serveStatic(dist);
		close = () => served.server.close();
		const id = await deriveDealPathId(Buffer.from(SITE_SECRET, 'base64url'), 'northwind-data-platform');
		base = `${served.url}/${id}/`;
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
		});
		await mkdir(SHOTS, { recursive: true });
	});

	afterAll(async () => {
		await browser?.close();
		close();
	});

	test.each([
		['phone', 360, 780],
		['desktop', 1280, 900],
	])('on a %s, the password opens the overview with its progress and no sideways scrolling', async (name, width, height) => {
		const page = await browser.newPage({ viewport: { width, height } });
		await page.goto(base);
		await expect(page.title()).resolves.toBe('This plan is private');
		await page.fill('#mapsite-gate-password', PASSWORD);
		await page.click('#mapsite-gate-form button[type=submit]');
		await page.waitForSelector('mapsite-content:not([hidden]) h1', { timeout: 15_000 });
		const text = await page.textContent('mapsite-content');
		expect(text).toContain('10 of 22 done, 45%');
		expect(text).toContain('Northwind Freight');
		// The rep's fenced mermaid block in the plan body is drawn too, not shown as code.
		expect(await page.textContent('.deal-main .diagram-svg svg')).toContain('Security review');
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await page.screenshot({ path: join(SHOTS, `overview-${name}.png`), fullPage: true });
		await page.close();
	});

	test('moving to another page of the deal does not ask again, and the plan shows date history', async () => {
		const page = await browser.newPage();
		await page.goto(base);
		await page.fill('#mapsite-gate-password', PASSWORD);
		await page.click('#mapsite-gate-form button[type=submit]');
		await page.waitForSelector('mapsite-content:not([hidden]) h1');
		await page.goto(`${base}plan/`);
		await page.waitForSelector('mapsite-content:not([hidden]) h1', { timeout: 15_000 });
		expect(await page.isVisible('#mapsite-gate-form')).toBe(false);
		expect(await page.textContent('mapsite-content')).toMatch(/→/);
		await page.screenshot({ path: join(SHOTS, 'plan-desktop.png'), fullPage: true });
		await page.close();
	});

	test('the dependencies page shows the graph as inline SVG, drawn at build time', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${base}dependencies/`);
		await page.fill('#mapsite-gate-password', PASSWORD);
		await page.click('#mapsite-gate-form button[type=submit]');
		await page.waitForSelector('mapsite-content:not([hidden]) .diagram-svg svg', { timeout: 15_000 });
		expect(await page.textContent('.diagram-svg svg')).toContain('Legal approves the final contract');
		expect(await page.$('pre.mapsite-mermaid')).toBeNull();
		await page.screenshot({ path: join(SHOTS, 'dependencies-desktop.png'), fullPage: true });
		await page.close();
	});

	test('a wrong password shows a message and no content', async () => {
		const page = await browser.newPage();
		await page.goto(base);
		await page.fill('#mapsite-gate-password', 'not the password');
		await page.click('#mapsite-gate-form button[type=submit]');
		await expect.poll(() => page.textContent('#mapsite-gate-status')).toMatch(/not right/);
		expect((await page.textContent('mapsite-content'))?.trim()).toBe('');
		await page.close();
	});
});
