/**
 * The example site printed from Debian's Chromium: the unlocked executive summary and overview
 * under print media, on A4 and Letter, and every page on a 360 px phone. Saves the PDFs and
 * screenshots under test-output/print for review, and has Lighthouse check the overview's accessibility.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildExampleSite, EXAMPLE_SITE, getExamplePageUrl, type ExampleSite } from '../../src/node/example-site.ts';
import { runLighthouse } from '../../tools/lighthouse/run-lighthouse.ts';
import { skipWithoutChromium } from '../helpers/chromium.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('../../test-output/print', import.meta.url));
const LARGE_EXAMPLE = 'northwind-data-platform';
/** A4 is 794 px wide at 96 dpi; the stylesheet's @page margin is 12 mm (45 px) a side. */
const A4_CONTENT_WIDTH = 794 - 2 * 45;

/** Opens a page of the large example through its share link and waits for the decrypted content. */
async function openUnlocked(browser: Browser, path: string, width: number, slug: string = LARGE_EXAMPLE, keyVersion = 1): Promise<Page> {
	const page = await browser.newPage({ viewport: { width, height: 1000 } });
	await page.goto(await getExamplePageUrl(site.origin, slug, path, { keyVersion }));
	await page.waitForSelector('mapsite-content:not([hidden]) h1', { timeout: 15_000 });
	return page;
}

/** Describes every rendered element whose background is dark (relative luminance under 0.4) or an image. */
function findDarkBackgrounds(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const linear = (channel: number) => {
			const c = channel / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		};
		const found: string[] = [];
		for (const element of document.querySelectorAll('body *')) {
			if (element.getClientRects().length === 0) continue;
			const style = getComputedStyle(element);
			const [r = 0, g = 0, b = 0, alpha = 1] = (style.backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
			const isTransparent = style.backgroundColor === 'transparent' || alpha === 0;
			const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
			if ((!isTransparent && luminance < 0.4) || style.backgroundImage !== 'none') {
				found.push(`<${element.localName} class="${element.getAttribute('class') ?? ''}"> ${style.backgroundColor} ${style.backgroundImage}`);
			}
		}
		return found;
	});
}

/** Describes every navigation, button or form control that is still rendered. */
function findVisibleControls(page: Page): Promise<string[]> {
	return page.$$eval('nav, button, input, select, textarea, form, [role="search"]', (elements) =>
		elements.filter((element) => element.getClientRects().length > 0).map((element) => element.outerHTML.slice(0, 100)),
	);
}

function countPdfPages(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

let site: ExampleSite;

describe.skipIf(skipWithoutChromium())('printing the example site (needs Chromium at /usr/bin/chromium)', () => {
	let browser: Browser;

	beforeAll(async () => {
		site = await buildExampleSite();
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'] });
		await mkdir(OUT, { recursive: true });
	});

	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});

	test.each([
		['summary', 'summary/'],
		['overview', ''],
	])('the %s prints without nav, controls, dark blocks or sideways overflow', async (name, path) => {
		const page = await openUnlocked(browser, path, A4_CONTENT_WIDTH);
		expect(await findVisibleControls(page)).not.toEqual([]);
		await page.emulateMedia({ media: 'print' });
		expect(await findVisibleControls(page)).toEqual([]);
		expect(await findDarkBackgrounds(page)).toEqual([]);
		expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).color)).toBe('rgb(0, 0, 0)');
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		// Progress stays readable on paper: the sentence as text and a bordered bar.
		expect(await page.textContent('.progress__label')).toContain('10 of 22 done, 45%');
		expect(await page.evaluate(() => getComputedStyle(document.querySelector('.progress__track')!).borderTopStyle)).toBe('solid');
		await page.screenshot({ path: join(OUT, `${name}-print.png`), fullPage: true });
		await writeFile(join(OUT, `${name}-a4.pdf`), await page.pdf({ format: 'A4' }));
		await page.close();
	});

	test.each([
		[LARGE_EXAMPLE, 'A4', 1, 'As of November 23, 2026'],
		[LARGE_EXAMPLE, 'Letter', 1, 'As of November 23, 2026'],
		['meridian-closed-won', 'A4', 2, 'As of November 23, 2026'],
		['meridian-closed-won', 'Letter', 2, 'As of November 23, 2026'],
		// Indonesian runs longer than English: the tightest fit.
		['sinar-pangan-gudang', 'A4', 1, 'Per 23 November 2026'],
		['sinar-pangan-gudang', 'Letter', 1, 'Per 23 November 2026'],
	])('the executive summary of %s fits one %s page and is dated', async (slug, format, keyVersion, asOfText) => {
		const page = await openUnlocked(browser, 'summary/', A4_CONTENT_WIDTH, slug, keyVersion);
		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ format });
		await writeFile(join(OUT, `summary-${slug}-${format.toLowerCase()}.pdf`), pdf);
		expect(countPdfPages(pdf)).toBe(1);
		// The example site is built for a fixed day, which the forwarded PDF must carry.
		const asOf = page.locator('.summary__as-of time');
		expect(await asOf.isVisible()).toBe(true);
		expect(await asOf.getAttribute('datetime')).toBe(EXAMPLE_SITE.today);
		expect(await asOf.textContent()).toBe(asOfText);
		await page.close();
	});

	test('the executive summary says where the deal stands, and a won deal projects nothing', async () => {
		const open = await openUnlocked(browser, 'summary/', 1280);
		expect(await open.textContent('.summary__tag')).toMatch(/Late$/);
		expect(await open.locator('.summary__ask').count()).toBeGreaterThan(0);
		for (const ask of await open.locator('.summary__ask-meta').allTextContents()) expect(ask).toMatch(/^Owner: .+ · Due: /);
		expect(await open.textContent('.summary__notes')).toContain('Legal redlines');
		await open.close();
		const won = await openUnlocked(browser, 'summary/', 1280, 'meridian-closed-won', 2);
		expect(await won.textContent('.summary__tag')).toMatch(/Won$/);
		expect(await won.textContent('mapsite-content')).not.toMatch(/Projected decision/i);
		await won.close();
	});

	test('the dependency graph is scaled to the paper width', async () => {
		const page = await openUnlocked(browser, 'dependencies/', A4_CONTENT_WIDTH);
		await page.emulateMedia({ media: 'print' });
		const width = await page.evaluate(() => document.querySelector('.diagram-svg > svg')?.getBoundingClientRect().width ?? 0);
		expect(width).toBeGreaterThan(0);
		expect(width).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
		await page.close();
	});

	test('a completed milestone is celebrated with a check mark and words, on screen and on paper', async () => {
		const page = await openUnlocked(browser, 'plan/', 800);
		const celebration = page.locator('.milestone--celebrated .celebrate');
		await expect(celebration.textContent()).resolves.toMatch(/^✓\s*Milestone reached: Architecture and pilot signed off/);
		await page.emulateMedia({ media: 'print' });
		expect(await celebration.isVisible()).toBe(true);
		expect(await celebration.evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe('solid');
		await page.close();
	});

	// `npm run lighthouse` gives every score; this is its accessibility part, which does not vary with machine load.
	test('Lighthouse rates the accessibility of the unlocked overview on a phone 100', async () => {
		const [summary] = await runLighthouse({
			url: await getExamplePageUrl(site.origin, LARGE_EXAMPLE),
			formFactors: ['mobile'],
			categories: ['accessibility'],
			chromePath: CHROMIUM,
		});
		expect(summary?.failing).toEqual([]);
		expect(summary?.scores.accessibility).toBe(100);
	});

	test.each(['', 'plan/', 'timeline/', 'dependencies/', 'people/', 'risks/', 'checkins/', 'summary/'])(
		'page "%s" does not scroll sideways at 360 px',
		async (path) => {
			const page = await openUnlocked(browser, path, 360);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
			await page.close();
		},
	);
});
