/** Opens a gated deal in Debian's Chromium and times unlocking it and opening a further page. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { median } from '../lib/format.ts';
import type { BrowserMeasure } from '../lib/report.ts';
import { serveStatic } from '../../../src/node/static-server.ts';
import { listDealPages } from '../../../src/node/example-deals.ts';

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Without the networking flags Chromium tries to reach Google's hosts, which this machine refuses.
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function readMeasure(page: Page, name: string): Promise<number | undefined> {
	const durations = await page.evaluate((measure) => performance.getEntriesByName(measure, 'measure').map((entry) => entry.duration), name);
	return durations.at(-1);
}

/**
 * Unlocks `dealPath` (e.g. `/ab12cd/`) `tries` times, each in a fresh browser context, and takes
 * medians. Each try also opens every page type of the deal once, as a buyer clicking through the nav
 * would, for the loader's open time per page type.
 */
export async function measureUnlock(options: { distDir: string; dealPath: string; password: string; furtherPage: string; tries: number }): Promise<BrowserMeasure> {
	if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium\` or pass --skip-browser.`);
	const { server, url } = await serveStatic(options.distDir);
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
	const samples: Required<Omit<BrowserMeasure, 'tries' | 'pageOpenMs'>>[] = [];
	const pageSamples = new Map<string, number[]>();
	const pages = await listDealPages(join(options.distDir, options.dealPath));
	try {
		for (let attempt = 0; attempt < options.tries; attempt++) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${url}${options.dealPath}`);
			await page.waitForSelector('#mapsite-gate-form:not([hidden])');
			await page.fill('#mapsite-gate-password', options.password);
			let started = performance.now();
			await page.click('#mapsite-gate-form button[type=submit]');
			await page.waitForSelector('mapsite-content:not([hidden])', { timeout: 30_000 });
			const unlockMs = performance.now() - started;
			const unwrapMs = await readMeasure(page, 'mapsite:unwrap');
			const openMs = await readMeasure(page, 'mapsite:open');
			started = performance.now();
			await page.goto(`${url}${options.dealPath}${options.furtherPage}`);
			await page.waitForSelector('mapsite-content:not([hidden])', { timeout: 30_000 });
			const furtherPageMs = performance.now() - started;
			const furtherOpenMs = await readMeasure(page, 'mapsite:open');
			if (unwrapMs === undefined || openMs === undefined || furtherOpenMs === undefined) {
				throw new Error('The gate loader recorded no mapsite:unwrap or mapsite:open measure; has src/client/gate.ts changed?');
			}
			samples.push({ unlockMs, unwrapMs, openMs, furtherPageMs, furtherOpenMs });
			for (const path of pages) {
				await page.goto(`${url}${options.dealPath}${path}`);
				await page.waitForSelector('mapsite-content:not([hidden])', { timeout: 30_000 });
				const pageOpenMs = await readMeasure(page, 'mapsite:open');
				const name = path === '' ? 'overview' : path.replace(/\/$/, '');
				if (pageOpenMs !== undefined) pageSamples.set(name, [...(pageSamples.get(name) ?? []), pageOpenMs]);
			}
			await context.close();
		}
	} finally {
		await browser.close();
		server.close();
	}
	const pick = (key: keyof (typeof samples)[number]) => median(samples.map((sample) => sample[key]));
	return {
		tries: samples.length,
		unlockMs: pick('unlockMs'),
		unwrapMs: pick('unwrapMs'),
		openMs: pick('openMs'),
		furtherPageMs: pick('furtherPageMs'),
		furtherOpenMs: pick('furtherOpenMs'),
		pageOpenMs: Object.fromEntries([...pageSamples].flatMap(([name, values]) => { const middle = median(values); return middle === undefined ? [] : [[name, middle]]; })),
	};
}
