/**
 * Opens example deals in Debian's Chromium as a buyer does: the password typed once per deal with
 * "remember this device" ticked, so every further page opens with the stored key (one PBKDF2 per
 * deal), for `npm run shots` and the site-wide browser test.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ExampleDeal } from './example-deals.ts';
import { CHROMIUM_PATH } from './mermaid/render-with-chromium.ts';

const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The two screens every page is looked at on. */
export const VIEWPORTS = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'laptop', width: 1280, height: 800 },
] as const;

/** One of {@link VIEWPORTS}. */
export type Viewport = (typeof VIEWPORTS)[number];

/** Starts headless Chromium (never downloads one). */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** The URL of a page of `deal`, e.g. `plan/`. */
export function getDealPageUrl(origin: string, deal: ExampleDeal, page: string): string {
	return `${origin}/${deal.routeId}/${page}`;
}

/** Waits for the password page's form, as a visitor without a key sees it. */
export async function openPasswordPage(context: BrowserContext, origin: string, deal: ExampleDeal): Promise<Page> {
	const page = await context.newPage();
	await page.goto(getDealPageUrl(origin, deal, ''));
	await page.locator('#mapsite-gate-form').waitFor({ state: 'visible' });
	return page;
}

/**
 * Unlocks `deal` in `context` with its password and "remember this device", leaving the
 * overview open; a public deal just opens.
 */
export async function unlockDeal(context: BrowserContext, origin: string, deal: ExampleDeal): Promise<Page> {
	if (!deal.gated) return openDealPage(context, origin, deal, '');
	if (deal.password === undefined) throw new Error(`${deal.slug}: gated, but EXAMPLE_SITE.passwords (src/node/example-site.ts) has no password for it.`);
	const page = await openPasswordPage(context, origin, deal);
	await page.fill('#mapsite-gate-password', deal.password);
	await page.check('#mapsite-gate-remember');
	await page.click('#mapsite-gate-form button[type=submit]');
	await waitForContent(page);
	return page;
}

/** Opens a page of a deal already unlocked in `context` and waits for its content and fonts. */
export async function openDealPage(context: BrowserContext, origin: string, deal: ExampleDeal, path: string, page?: Page): Promise<Page> {
	const target = page ?? (await context.newPage());
	await target.goto(getDealPageUrl(origin, deal, path));
	await waitForContent(target);
	return target;
}

async function waitForContent(page: Page): Promise<void> {
	await page.waitForSelector('mapsite-content:not([hidden]) main h1', { timeout: 30_000 });
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
