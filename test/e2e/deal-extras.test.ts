/**
 * What a gated deal carries besides its pages, checked in Debian's Chromium against a real build
 * of the examples: calendar files decrypted into downloads, search through the encrypted index,
 * and the public link-preview cards and tags.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildExampleSite, getExamplePageUrl, type ExampleSite } from '../../src/node/example-site.ts';
import { skipWithoutChromium } from '../helpers/chromium.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = join(fileURLToPath(new URL('../..', import.meta.url)), 'test-output', 'og');
const SLUG = 'northwind-data-platform';

describe.skipIf(skipWithoutChromium())('a gated deal’s files, search and previews (needs Chromium at /usr/bin/chromium)', () => {
	let site: ExampleSite;
	let browser: Browser;

	beforeAll(async () => {
		site = await buildExampleSite();
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'] });
	}, 240_000);

	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});

	test('the whole-plan and per-person calendars download decrypted and parse as iCalendar', async () => {
		const page = await browser.newPage({ acceptDownloads: true });
		await page.goto(await getExamplePageUrl(site.origin, SLUG, 'people/'));
		await page.locator('mapsite-content:not([hidden])').waitFor();
		const links = page.locator('a.calendar-link');
		expect(await links.count()).toBeGreaterThan(2);
		const [download] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
		expect(download.suggestedFilename()).toBe('plan.ics');
		const text = await readFile((await download.path())!, 'utf8');
		const calendar = new ICAL.Component(ICAL.parse(text));
		// 5 milestones and 22 actions in the Northwind example.
		expect(calendar.getAllSubcomponents('vevent')).toHaveLength(27);
		const [personal] = await Promise.all([page.waitForEvent('download'), links.nth(1).click()]);
		const owed = new ICAL.Component(ICAL.parse(await readFile((await personal.path())!, 'utf8')));
		expect(owed.getAllSubcomponents('vevent').length).toBeGreaterThan(0);
		expect(owed.getAllSubcomponents('vevent').length).toBeLessThan(22);
		await page.close();
	});

	test('after unlocking, every calendar link’s own href fetches its file: one UID per action, alarms, only open work owed', async () => {
		const page = await browser.newPage();
		await page.goto(await getExamplePageUrl(site.origin, SLUG, 'people/'));
		await page.locator('mapsite-content:not([hidden])').waitFor();
		const links = page.locator('mapsite-content a.calendar-link');
		await expect.poll(() => links.evaluateAll((anchors) => anchors.every((anchor) => (anchor as HTMLAnchorElement).href.startsWith('blob:'))), { timeout: 15_000 }).toBe(true);
		// What a long-press, save-as or new tab gets: the href itself, fetched with nothing else from the page.
		const files = await links.evaluateAll((anchors) =>
			Promise.all(
				anchors.map(async (anchor) => ({
					name: anchor.getAttribute('download') ?? '',
					text: await (await fetch((anchor as HTMLAnchorElement).href)).text(),
				})),
			),
		);
		expect(files.map((file) => file.name)).toContain('plan.ics');
		const uidBySummary = new Map<string, string>();
		for (const { name, text } of files) {
			expect(name).toMatch(/\.ics$/);
			expect(text).not.toMatch(/REFRESH-INTERVAL|X-PUBLISHED-TTL/);
			const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
			expect(events.length, name).toBeGreaterThan(0);
			for (const event of events) {
				const uid = String(event.getFirstPropertyValue('uid'));
				const summary = String(event.getFirstPropertyValue('summary'));
				const isDone = summary.startsWith('Done:');
				if (name !== 'plan.ics') expect(isDone, `${name}: ${summary}`).toBe(false);
				// Every open action reminds its owner; milestones remind only until they are reached.
				if (uid.startsWith('action-') && !isDone) expect(event.getAllSubcomponents('valarm').length, `${name}: ${summary}`).toBe(1);
				const key = summary.replace(/^Done: /, '');
				expect(uidBySummary.get(key) ?? uid, `${name}: ${summary}`).toBe(uid);
				uidBySummary.set(key, uid);
			}
		}
		await page.close();
	});

	test.each([
		['northwind-data-platform', 1],
		['harbor-lightweight', 1],
		['meridian-closed-won', 2],
		['sinar-pangan-gudang', 1],
	])('the dependency graph of %s is readable at 390 and 1280 px: labels of 12 px or more in a labelled, focusable scroll box', async (slug, keyVersion) => {
		for (const width of [390, 1280]) {
			const page = await browser.newPage({ viewport: { width, height: 844 } });
			await page.goto(await getExamplePageUrl(site.origin, slug, 'dependencies/', { keyVersion }));
			await page.locator('mapsite-content:not([hidden]) .diagram-svg svg').waitFor();
			const found = await page.evaluate(() => {
				const region = document.querySelector<HTMLElement>('mapsite-content .diagram-svg')!;
				const svg = region.querySelector('svg')!;
				// What the reader sees: the font size times the scale the SVG is drawn at.
				const sizes = [...svg.querySelectorAll('text')]
					.filter((text) => (text.textContent ?? '').trim() !== '')
					.map((text) => parseFloat(getComputedStyle(text).fontSize) * Math.hypot(text.getScreenCTM()!.a, text.getScreenCTM()!.b));
				const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
				return {
					smallest: Math.min(...sizes),
					count: sizes.length,
					region: [region.tabIndex, region.getAttribute('role'), region.getAttribute('aria-label') ?? ''],
					duplicateIds: ids.filter((id, index) => ids.indexOf(id) !== index),
					pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
					legend: document.querySelector('.graph__legend')?.textContent ?? '',
				};
			});
			expect(found.count, `${slug} at ${width}`).toBeGreaterThan(3);
			expect(found.smallest, `${slug} at ${width}`).toBeGreaterThanOrEqual(12);
			expect(found.region[0]).toBe(0);
			expect(found.region[1]).toBe('region');
			expect(found.region[2]).not.toBe('');
			expect(found.duplicateIds).toEqual([]);
			expect(found.pageScrolls).toBe(false);
			expect(found.legend.trim()).not.toBe('');
			await page.close();
		}
	});

	test('search finds a word from one action’s notes and the hit opens that action', async () => {
		const page = await browser.newPage();
		await page.goto(await getExamplePageUrl(site.origin, SLUG));
		const input = page.locator('[data-mapsite-search] input[type="search"]');
		await input.waitFor();
		await input.fill('4471');
		const hit = page.locator('[data-mapsite-search-results] a').first();
		await hit.waitFor({ timeout: 20_000 });
		await hit.click();
		await page.waitForURL(/#.+/);
		await page.locator('mapsite-content:not([hidden])').waitFor();
		const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
		const target = page.locator(`[id="${id}"]`);
		await expect.poll(() => target.count()).toBe(1);
		const item = target.locator('xpath=ancestor-or-self::li[1]');
		expect(await item.innerText()).toContain('IT-4471');
		await page.close();
	});

	test('every page has absolute og:/twitter: tags pointing at a 1200x630 PNG, and a brand theme colour and icon', async () => {
		await mkdir(OUTPUT, { recursive: true });
		for (const page of ['', 'summary/']) {
			const url = await getExamplePageUrl(site.origin, SLUG, page, { isShared: false });
			const html = await (await fetch(url)).text();
			const meta = (name: string) => new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)">`).exec(html)?.[1];
			expect(meta('og:url')).toBe(`https://plans.example.com${new URL(url).pathname}`);
			expect(meta('og:title')).toBe(page === '' ? 'Mutual action plan' : 'Executive summary');
			expect(meta('twitter:card')).toBe('summary_large_image');
			expect(meta('theme-color')).toMatch(/^#[0-9a-f]{6}$/i);
			const image = meta('og:image')!;
			expect(image).toMatch(/^https:\/\/plans\.example\.com\/_mapsite\/og\/[0-9a-f]{20}\.png$/);
			const png = new Uint8Array(await (await fetch(`${site.origin}${new URL(image).pathname}`)).arrayBuffer());
			expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
			const view = new DataView(png.buffer);
			expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
			await writeFile(join(OUTPUT, `example-${page === '' ? 'deal' : 'summary'}.png`), png);
			const icon = /<link rel="icon" href="([^"]+)"/.exec(html)![1];
			expect(await (await fetch(`${site.origin}${icon}`)).text()).toMatch(/^<svg /);
		}
	});
});
