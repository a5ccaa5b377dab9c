/**
 * Badges rendered by the real components turn late or due soon in Chromium for the viewer's day,
 * with the browser clock and time zone set by Playwright. Content arrives the way the gate
 * inserts it: fetched, parsed through a template, then refreshed by the bundled client module.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ActionSummary from '../../src/components/ActionSummary.astro';
import StatusBadge from '../../src/components/StatusBadge.astro';
import { en } from '../../src/i18n/messages/en.ts';
import { id } from '../../src/i18n/messages/id.ts';
import { getLiveBadge } from '../../src/lib/live-status.ts';
import { getStatusLight, type ItemStatus } from '../../src/lib/status.ts';
import { serveStatic } from '../../src/node/static-server.ts';
import { skipWithoutChromium } from '../helpers/chromium.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const CLIENT = fileURLToPath(new URL('../../src/client/live-status.ts', import.meta.url));

// Built on May 12; every badge below carries its build-time status for that day.
const ITEMS: { key: string; due: string; status: ItemStatus; words: typeof en.itemStatus }[] = [
	{ key: 'past', due: '2026-05-20', status: 'on-track', words: en.itemStatus },
	{ key: 'soon', due: '2026-05-27', status: 'on-track', words: en.itemStatus },
	{ key: 'far', due: '2026-06-10', status: 'on-track', words: en.itemStatus },
	{ key: 'risky', due: '2026-05-18', status: 'at-risk', words: en.itemStatus },
	{ key: 'done', due: '2026-05-14', status: 'done', words: en.itemStatus },
	{ key: 'indonesian', due: '2026-05-19', status: 'due-soon', words: id.itemStatus },
];

async function renderContent(): Promise<string> {
	const container = await AstroContainer.create();
	const rows = await Promise.all(
		ITEMS.map(async (item) => {
			const props = {
				title: item.key,
				meta: `due ${item.due}`,
				status: item.status,
				light: getStatusLight(item.status),
				statusLabel: item.words[item.status],
				live: getLiveBadge(item.due, item.status, item.words),
			};
			return `<ul id="${item.key}">${await container.renderToString(ActionSummary, { props })}</ul>`;
		}),
	);
	// A milestone badge has no live data and must be left alone.
	const milestone = await container.renderToString(StatusBadge, { props: { status: 'on-track', light: 'green', label: 'On track' } });
	return `${rows.join('')}<p id="milestone">${milestone}</p>`;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
<body><mapsite-content></mapsite-content><script type="module" src="/run.js"></script></body></html>`;

// Stands in for the loader: the content's own scripts never run, the loader calls the module.
const RUNNER = `
import { getViewerToday, refreshLiveStatuses } from ${JSON.stringify(CLIENT)};
const html = await (await fetch('/content.html')).text();
const template = document.createElement('template');
template.innerHTML = html;
const root = document.querySelector('mapsite-content');
root.append(template.content);
const today = getViewerToday();
window.liveResult = { today, changed: refreshLiveStatuses(root, today), again: refreshLiveStatuses(root, today) };
`;

describe.skipIf(skipWithoutChromium())('live statuses in Chromium (needs Chromium at /usr/bin/chromium)', () => {
	let dir = '';
	let server: Server;
	let url = '';
	let browser: Browser;

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'mapsite-live-'));
		const bundle = await build({
			stdin: { contents: RUNNER, resolveDir: dir, loader: 'ts' },
			bundle: true,
			format: 'esm',
			target: 'es2022',
			write: false,
			logLevel: 'silent',
		});
		await writeFile(join(dir, 'run.js'), bundle.outputFiles[0].text);
		await writeFile(join(dir, 'content.html'), await renderContent());
		await writeFile(join(dir, 'index.html'), PAGE);
		({ server, url } = await serveStatic(dir));
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	});

	afterAll(async () => {
		await browser?.close();
		await new Promise((resolve) => server?.close(resolve));
		await rm(dir, { recursive: true, force: true });
	});

	async function openOn(instant: string, timezoneId: string): Promise<Page> {
		const context = await browser.newContext({ timezoneId });
		const page = await context.newPage();
		await page.clock.setFixedTime(new Date(instant));
		await page.goto(url);
		await page.waitForFunction(() => 'liveResult' in window);
		return page;
	}

	const badge = (page: Page, key: string) => page.locator(`#${key} .badge`);

	async function readBadge(page: Page, key: string) {
		return badge(page, key).evaluate((element) => ({
			text: element.textContent,
			icon: element.querySelector('.badge__icon')?.textContent,
			className: element.className,
		}));
	}

	test('turns an action late on the viewer’s day in their time zone, with icon, word and class', async () => {
		// 23:30 UTC on May 20 is already May 21 in Jakarta: the action due May 20 is late there.
		const page = await openOn('2026-05-20T23:30:00Z', 'Asia/Jakarta');
		expect(await page.evaluate(() => (window as unknown as { liveResult: unknown }).liveResult)).toEqual({ today: '2026-05-21', changed: 4, again: 4 });
		expect(await readBadge(page, 'past')).toEqual({ text: '!Late', icon: '!', className: 'badge badge--red badge--late' });
		expect(await readBadge(page, 'soon')).toEqual({ text: '◷Due soon', icon: '◷', className: 'badge badge--yellow badge--due-soon' });
		expect(await readBadge(page, 'risky')).toEqual({ text: '!Late', icon: '!', className: 'badge badge--red badge--late' });
		expect(await readBadge(page, 'indonesian')).toEqual({ text: '!Terlambat', icon: '!', className: 'badge badge--red badge--late' });
		expect((await readBadge(page, 'far')).text).toBe('●On track');
		expect((await readBadge(page, 'done')).text).toBe('✓Done');
		expect((await readBadge(page, 'milestone')).text).toBe('●On track');
		expect(await badge(page, 'past').getAttribute('data-status')).toBe('on-track');
		expect(await badge(page, 'past').getAttribute('data-live-status')).toBe('late');
		await page.context().close();
	});

	test('leaves the same instant alone where it is still May 20', async () => {
		const page = await openOn('2026-05-20T23:30:00Z', 'America/New_York');
		expect(await page.evaluate(() => (window as unknown as { liveResult: { today: string } }).liveResult.today)).toBe('2026-05-20');
		expect((await readBadge(page, 'past')).text).toBe('◷Due soon');
		expect((await readBadge(page, 'risky')).text).toBe('!Late');
		await page.context().close();
	});

	test('keeps every build-time status for a viewer whose date is before the build', async () => {
		const page = await openOn('2026-05-11T12:00:00Z', 'UTC');
		expect(await page.evaluate(() => (window as unknown as { liveResult: unknown }).liveResult)).toEqual({ today: '2026-05-11', changed: 0, again: 0 });
		for (const item of ITEMS) expect((await readBadge(page, item.key)).text, item.key).toContain(item.words[item.status]);
		await page.context().close();
	});
});
