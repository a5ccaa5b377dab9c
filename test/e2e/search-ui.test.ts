/**
 * The search box in real Chromium: a deal's pages with the SearchBox markup, the public Pagefind
 * runtime under /_mapsite/pagefind/, and the deal's index as one packed archive (unencrypted
 * here; the gate decrypts it before handing it to mountSearch).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packArchive } from '../../src/lib/search/archive.ts';
import { buildDealSearchIndex } from '../../src/node/search/build-deal-index.ts';
import { getPagefindRuntime } from '../../src/node/search/pagefind-runtime.ts';
import { serveStatic } from '../../src/node/static-server.ts';
import { BASE, NOTES_ONLY_ACTION, NOTES_ONLY_WORD, renderFixturePages } from '../node/search/fixture-pages.ts';
import { skipWithoutChromium } from '../helpers/chromium.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SEARCH_CLIENT = fileURLToPath(new URL('../../src/client/search/index.ts', import.meta.url));
const ARCHIVE = 'search.bin';

let root: string;
let server: Server;
let origin: string;
let browser: Browser;
/** What a search costs a buyer, printed for the report. */
const cost: Record<string, number> = {};

async function writeSite(): Promise<void> {
	root = await mkdtemp(join(tmpdir(), 'mapsite-search-'));
	const pages = await renderFixturePages();
	for (const file of await getPagefindRuntime(['en'])) {
		await mkdir(join(root, '_mapsite', 'pagefind'), { recursive: true });
		await writeFile(join(root, '_mapsite', 'pagefind', file.name), file.bytes);
		// Pagefind ships its wasm gzipped already; the script is plain text a host would gzip.
		if (file.name === 'pagefind.js') cost['pagefind.js (gzip)'] = gzipSync(file.bytes).length;
		if (file.name === 'wasm.en.pagefind') cost['wasm.en.pagefind'] = file.bytes.length;
	}
	const { files } = await buildDealSearchIndex(pages, { language: 'en' });
	const archive = packArchive(files);
	cost.archive = archive.length;
	await mkdir(join(root, BASE), { recursive: true });
	await writeFile(join(root, BASE, ARCHIVE), archive);
	// The page script the gate loader will be: mount the box once the content is there.
	const entry = `import { mountSearch } from ${JSON.stringify(SEARCH_CLIENT)};
mountSearch(document.querySelector('mapsite-content'), {
	runtimeUrl: '/_mapsite/pagefind/pagefind.js',
	basePath: ${JSON.stringify(BASE)},
	loadArchive: async () => new Uint8Array(await (await fetch(${JSON.stringify(`${BASE}${ARCHIVE}`)})).arrayBuffer()),
});`;
	const bundle = await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, logLevel: 'silent' });
	cost['search client (gzip)'] = gzipSync(bundle.outputFiles[0].contents).length;
	await writeFile(join(root, 'search.js'), bundle.outputFiles[0].text);
	for (const page of pages) {
		await mkdir(join(root, page.url), { recursive: true });
		await writeFile(join(root, page.url, 'index.html'), page.html.replace('</body>', '<script type="module" src="/search.js"></script></body>'));
	}
}

async function search(page: Page, term: string): Promise<string> {
	const input = page.getByRole('searchbox', { name: 'Search this plan' });
	await input.fill(term);
	const status = page.locator('[data-mapsite-search-status]');
	await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/result|Nothing matches/);
	return (await status.textContent()) ?? '';
}

const hitLinks = (page: Page) => page.locator('a.search__hit').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname + new URL((link as HTMLAnchorElement).href).hash));

describe.skipIf(skipWithoutChromium())('the search box in Chromium (needs Chromium at /usr/bin/chromium)', () => {
	beforeAll(async () => {
		await writeSite();
		({ server, url: origin } = await serveStatic(root));
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		console.log('Bytes a search costs a buyer:', cost);
	});

	afterAll(async () => {
		await browser?.close();
		await new Promise((resolve) => server?.close(resolve));
		await rm(root, { recursive: true, force: true });
	});

	test('finds a word only in one action notes, and the hit lands on that action', async () => {
		const page = await browser.newPage();
		const requests: string[] = [];
		page.on('request', (request) => requests.push(new URL(request.url()).pathname));
		await page.goto(`${origin}${BASE}`);
		await page.locator('[data-mapsite-search]').waitFor({ state: 'visible' });
		// Nothing about search is fetched until the visitor uses the box.
		expect(requests.filter((path) => path.includes('pagefind') || path.endsWith(ARCHIVE))).toEqual([]);
		expect(await search(page, NOTES_ONLY_WORD)).toBe('1 result');
		expect(await hitLinks(page)).toEqual([`${BASE}plan/#action-${NOTES_ONLY_ACTION}`]);
		expect(await page.locator('a.search__hit mark').textContent()).toMatch(new RegExp(NOTES_ONLY_WORD, 'i'));
		await page.locator('a.search__hit').click();
		await page.waitForURL(`**${BASE}plan/#action-${NOTES_ONLY_ACTION}`);
		// The browser marks the element the URL's fragment points at as :target once the page has loaded.
		const target = page.locator(`#action-${NOTES_ONLY_ACTION}:target`);
		await target.waitFor({ timeout: 15_000 });
		expect(await target.textContent()).toBe('Security questionnaire');
		// The index came from the archive: the host saw the archive, the runtime and the wasm, never an index file.
		expect([...new Set(requests.filter((path) => path.includes('pagefind') || path.endsWith(ARCHIVE)))].sort()).toEqual([
			'/_mapsite/pagefind/pagefind.js',
			'/_mapsite/pagefind/wasm.en.pagefind',
			`${BASE}${ARCHIVE}`,
		]);
		await page.close();
	});

	test('lists what a person owns when their name is typed, and works by keyboard', async () => {
		const page = await browser.newPage();
		await page.goto(`${origin}${BASE}people/`);
		await page.getByRole('searchbox', { name: 'Search this plan' }).focus();
		await search(page, 'Priya');
		const links = await hitLinks(page);
		expect(links).toEqual(expect.arrayContaining([`${BASE}plan/#action-kickoff`, `${BASE}plan/#action-${NOTES_ONLY_ACTION}`, `${BASE}people/#person-priya`]));
		expect(links).not.toContain(`${BASE}plan/#action-pricing`);
		await page.keyboard.press('ArrowDown');
		const first = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
		expect(first).toBe(await page.locator('a.search__hit').first().getAttribute('href'));
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('search');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.hash !== '');
		expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(links[0]);
		await page.close();
	});

	test('says so when nothing matches, and shows markup in the text as text', async () => {
		const page = await browser.newPage();
		await page.goto(`${origin}${BASE}`);
		// No word of the query may prefix-match the page's own words ("onerror" finds "On track").
		expect(await search(page, '<img src=qqzz>')).toBe('Nothing matches “<img src=qqzz>”.');
		expect(await page.locator('[data-mapsite-search] img').count()).toBe(0);
		await page.close();
	});
});
