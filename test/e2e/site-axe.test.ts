/**
 * The example site as a buyer meets it, on a phone (390x844) and a laptop (1280x800): every page
 * of every example deal (as the build produces them) and the password page pass axe-core with
 * best practices, never scroll sideways, keep nothing of the gate once unlocked, have one banner
 * and one main, and draw diagram labels at 12 CSS px or more.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listExampleDeals, type ExampleDeal } from '../../src/node/example-deals.ts';
import { launchChromium, openDealPage, openPasswordPage, unlockDeal, VIEWPORTS } from '../../src/node/example-browser.ts';
import { buildExampleSite, type ExampleSite } from '../../src/node/example-site.ts';
import { auditPage, describeViolations, type PageAudit } from '../../src/node/page-audit.ts';
import { skipWithoutChromium } from '../helpers/chromium.ts';

const CHROMIUM = '/usr/bin/chromium';
// The plans the example build renders; the test looks each one up in what the build produced.
const SLUGS = readdirSync(fileURLToPath(new URL('../../plans/', import.meta.url)))
	.filter((name) => name.endsWith('.mdx'))
	.map((name) => name.slice(0, -'.mdx'.length))
	.sort();

function expectClean(audit: PageAudit, where: string): void {
	expect.soft(describeViolations(audit.violations).join('\n'), `axe-core on ${where}`).toBe('');
	expect.soft(audit.scrollsSideways, `${where} scrolls sideways`).toBe(false);
	expect.soft(audit.banners, `banners on ${where}`).toBe(1);
	expect.soft(audit.mains, `mains on ${where}`).toBe(1);
}

describe.skipIf(skipWithoutChromium())('every example page on a phone and a laptop (needs Chromium at /usr/bin/chromium)', () => {
	let site: ExampleSite;
	let deals: ExampleDeal[];
	let browser: Browser;

	beforeAll(async () => {
		site = await buildExampleSite();
		deals = await listExampleDeals(site.dist);
		browser = await launchChromium();
	});

	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});

	const findDeal = (slug: string): ExampleDeal => {
		const deal = deals.find((item) => item.slug === slug);
		if (!deal) throw new Error(`The example build produced no site for plans/${slug}.mdx; it produced ${deals.map((item) => item.slug).join(', ')}.`);
		return deal;
	};

	test('builds one site per example plan, each with its pages', () => {
		expect(deals.map((deal) => deal.slug)).toEqual(SLUGS);
		for (const deal of deals) expect(deal.pages.length, deal.slug).toBeGreaterThan(1);
	});

	test.each(SLUGS)('the password page of %s is a clean front door in both sizes, also after a wrong password', async (slug) => {
		const deal = findDeal(slug);
		if (!deal.gated) return;
		const context = await browser.newContext({ viewport: VIEWPORTS[0] });
		try {
			const page = await openPasswordPage(context, site.origin, deal);
			for (const viewport of VIEWPORTS) {
				await page.setViewportSize(viewport);
				expectClean(await auditPage(page), `the password page of ${slug} on a ${viewport.name}`);
			}
			await page.fill('#mapsite-gate-password', 'not the password');
			await page.click('#mapsite-gate-form button[type=submit]');
			await page.locator('#mapsite-gate-status[data-tone="error"]').waitFor();
			expect(await page.getAttribute('#mapsite-gate-password', 'aria-invalid')).toBe('true');
			expectClean(await auditPage(page), `the password page of ${slug} after a wrong password`);
		} finally {
			await context.close();
		}
	});

	test.each(SLUGS)('every page of %s passes axe-core, fits the screen, keeps nothing of the gate and draws labels at 12 px or more', async (slug) => {
		const deal = findDeal(slug);
		const context: BrowserContext = await browser.newContext({ viewport: VIEWPORTS[0] });
		try {
			// One password per deal; every further page opens with the remembered key.
			const page = await unlockDeal(context, site.origin, deal);
			for (const path of deal.pages) {
				await openDealPage(context, site.origin, deal, path, page);
				for (const viewport of VIEWPORTS) {
					await page.setViewportSize(viewport);
					const where = `${slug}/${path} on a ${viewport.name}`;
					const audit = await auditPage(page);
					expectClean(audit, where);
					expect.soft(audit.gateElements, `gate elements left on ${where}`).toEqual([]);
					expect.soft(audit.smallLabels.join('\n'), `diagram labels under 12 px on ${where}`).toBe('');
				}
			}
		} finally {
			await context.close();
		}
	});
});
