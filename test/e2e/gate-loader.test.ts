import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFileAad, buildShareFragment, encodeUtf8, encryptFile, generateContentKey, importContentKey, wrapContentKey } from '../../src/lib/crypto/index.ts';
import { ENGLISH_GATE_LABELS } from '../../src/lib/gate/labels.ts';
import { renderGateShell } from '../../src/lib/gate/shell.ts';
import { skipWithoutChromium } from '../helpers/chromium.ts';

const CHROMIUM = '/usr/bin/chromium';
const SKIP_REASON = 'needs Chromium at /usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const LOADER = fileURLToPath(new URL('../../src/client/gate.ts', import.meta.url));
const PASSWORD = 'correct horse battery staple';
const BUILD_ID = 'current-build';

interface DealPage {
	path: string;
	html: string;
	/** Flip one ciphertext byte after encrypting, to stand in for a payload changed in transit. */
	isTampered?: boolean;
	/** Encrypt under an older build's id: an old payload of this page served beside the current shell. */
	isFromOlderBuild?: boolean;
}

interface Deal {
	dealId: string;
	folder: string;
	iterations: number;
	pages: DealPage[];
}

const fragment = (title: string, heading: string, body = '<p>Secret plan text.</p>'): string =>
	`<article data-title="${title}"><h1>${heading}</h1>${body}<button type="button" data-mapsite-lock>Lock</button> <button type="button" data-mapsite-share>Copy share link</button> <a href="next.html">Next</a></article>`;

// About 120 KB of rows, the size of a large plan page, for the printed timing.
const bigTable = `<table>${Array.from({ length: 1500 }, (_, index) => `<tr><td>Action ${index}</td><td>Owner ${index % 17}</td><td>2026-0${(index % 9) + 1}-1${index % 10}</td></tr>`).join('')}</table>`;

const deals: Deal[] = [
	{
		dealId: 'dealaaaaaaaaaaaa',
		folder: 'a',
		iterations: 1000,
		pages: [
			{ path: 'index.html', html: fragment('Northwind Traders plan', 'Northwind plan') },
			{ path: 'next.html', html: fragment('Northwind next steps', 'Northwind next steps') },
			{ path: 'tampered.html', html: fragment('Tampered', 'Should never show'), isTampered: true },
			{ path: 'replayed.html', html: fragment('Replayed', 'An older build of this page'), isFromOlderBuild: true },
		],
	},
	{ dealId: 'dealbbbbbbbbbbbb', folder: 'b', iterations: 1000, pages: [{ path: 'index.html', html: fragment('Contoso plan', 'Contoso plan') }] },
	{
		dealId: 'dealcccccccccccc',
		folder: 'slow',
		iterations: 600_000,
		pages: [
			{ path: 'index.html', html: fragment('Fabrikam plan', 'Fabrikam plan') },
			{ path: 'next.html', html: fragment('Fabrikam schedule', 'Fabrikam schedule', bigTable) },
		],
	},
];

const rawKeys = new Map<string, Uint8Array>();
let root: string;
let server: Server;
let origin: string;
let browser: Browser;

async function writeSite(): Promise<void> {
	root = await mkdtemp(join(tmpdir(), 'mapsite-gate-'));
	const bundle = await build({ entryPoints: [LOADER], bundle: true, format: 'esm', target: 'es2022', write: false, logLevel: 'silent' });
	await writeFile(join(root, 'gate.js'), bundle.outputFiles[0].text);
	for (const deal of deals) {
		const raw = generateContentKey();
		rawKeys.set(deal.folder, raw);
		const key = await importContentKey(raw);
		const wrappedKey = await wrapContentKey(PASSWORD, raw, deal.dealId, { iterations: deal.iterations });
		await mkdir(join(root, deal.folder));
		for (const page of deal.pages) {
			const payload = page.path.replace(/\.html$/, '.mapsite');
			const encrypted = await encryptFile(key, encodeUtf8(page.html), buildFileAad(deal.dealId, page.isFromOlderBuild ? 'older-build' : BUILD_ID, page.path));
			if (page.isTampered) encrypted[encrypted.length - 20] ^= 1;
			await writeFile(join(root, deal.folder, payload), encrypted);
			const shell = renderGateShell({
				lang: 'en',
				title: 'Mutual action plan',
				sellerName: 'Acme Analytics',
				labels: ENGLISH_GATE_LABELS,
				manifest: { v: 2, dealId: deal.dealId, buildId: BUILD_ID, wrappedKey, payload, aad: page.path },
				scriptUrl: '/gate.js',
			});
			await writeFile(join(root, deal.folder, page.path), shell);
		}
	}
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mapsite': 'application/octet-stream' };

function serve(): Promise<string> {
	server = createServer((request, response) => {
		const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
		readFile(join(root, path)).then(
			(body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
			() => response.writeHead(404).end('not found'),
		);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

const content = (page: Page) => page.locator('mapsite-content h1');

async function unlock(page: Page, password: string, { remember = false } = {}): Promise<void> {
	await page.fill('#mapsite-gate-password', password);
	if (remember) await page.check('#mapsite-gate-remember');
	await page.click('button[type="submit"]');
}

/** Waits for the loader to settle on a message, then returns it. */
async function readStatus(page: Page): Promise<string> {
	await page.waitForFunction(() => {
		const text = document.getElementById('mapsite-gate-status')?.textContent ?? '';
		return text !== '' && text !== 'Unlocking…';
	});
	return (await page.textContent('#mapsite-gate-status')) ?? '';
}

async function expectLocked(page: Page): Promise<void> {
	await page.locator('#mapsite-gate-form').waitFor({ state: 'visible' });
	expect(await page.locator('mapsite-content').isHidden()).toBe(true);
	expect(await page.locator('mapsite-content').innerHTML()).toBe('');
}

/** Runs in the page: every record of the loader's key store, with what the browser says about its key. */
async function readKeyRecords(): Promise<{ id: string; type: string; extractable: boolean; usages: string[]; exported: string }[]> {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const opening = indexedDB.open('mapsite-keys');
		opening.onsuccess = () => resolve(opening.result);
		opening.onerror = () => reject(opening.error);
	});
	const records = await new Promise<{ id: string; key: CryptoKey }[]>((resolve, reject) => {
		const request = db.transaction('keys').objectStore('keys').getAll();
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	db.close();
	return Promise.all(
		records.map(async ({ id, key }) => ({
			id,
			type: key.type,
			extractable: key.extractable,
			usages: [...key.usages].sort(),
			exported: await crypto.subtle.exportKey('raw', key).then(() => 'exported', () => 'refused'),
		})),
	);
}

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
	return browser.newContext(options);
}

describe.skipIf(skipWithoutChromium())(`the gate loader in Chromium (${SKIP_REASON})`, () => {
	beforeAll(async () => {
		await writeSite();
		origin = await serve();
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	});

	afterAll(async () => {
		await browser?.close();
		await new Promise((resolve) => server?.close(resolve));
		if (root) await rm(root, { recursive: true, force: true });
	});

	test('refuses a wrong password with a message and shows no content', async () => {
		const context = await newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/a/index.html`);
		await unlock(page, 'wrong password');
		expect(await readStatus(page)).toMatchInlineSnapshot(`"That password is not right for this plan. Check it and try again."`);
		await expectLocked(page);
		await context.close();
	});

	test('after three wrong passwords, makes the visitor wait before the next try, even with the right password', async () => {
		const context = await newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/a/index.html`);
		for (let attempt = 1; attempt <= 2; attempt++) {
			await unlock(page, `wrong ${attempt}`);
			await readStatus(page);
		}
		await unlock(page, 'wrong 3');
		expect(await readStatus(page)).toMatchInlineSnapshot(`"That password is not right for this plan. Check it and try again. Too many tries. Wait 2 seconds before trying again."`);
		await unlock(page, PASSWORD);
		expect(await readStatus(page)).toMatch(/^Too many tries\. Wait \d+ seconds? before trying again\.$/);
		await expectLocked(page);
		await context.close();
	});

	test('shows the content and its title for the right password, and the next page of the deal opens without asking', async () => {
		const context = await newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/a/index.html`);
		await unlock(page, PASSWORD);
		expect(await content(page).textContent()).toBe('Northwind plan');
		expect(await page.title()).toBe('Northwind Traders plan');
		expect(await page.locator('#mapsite-gate-form').isHidden()).toBe(true);
		// Nothing of the shell is left: no second banner or main, no brand colours on the body.
		expect(await page.locator('.mapsite-gate-brand, #mapsite-gate-main, #mapsite-gate-form').count()).toBe(0);
		expect(await page.locator('body').getAttribute('style')).toBeNull();
		await page.click('mapsite-content a[href="next.html"]');
		await page.waitForURL(/next\.html$/);
		expect(await content(page).textContent()).toBe('Northwind next steps');
		await context.close();
	});

	test('remembers the device when asked, so a new tab opens the deal without asking', async () => {
		const context = await newContext();
		const first = await context.newPage();
		await first.goto(`${origin}/a/index.html`);
		await unlock(first, PASSWORD, { remember: true });
		await content(first).waitFor();
		const second = await context.newPage();
		await second.goto(`${origin}/a/next.html`);
		expect(await content(second).textContent()).toBe('Northwind next steps');
		await context.close();
	});

	test('remembers a non-extractable CryptoKey in IndexedDB, and no key bytes in Web Storage', async () => {
		const context = await newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/a/index.html`);
		await unlock(page, PASSWORD, { remember: true });
		await content(page).waitFor();
		const stored = await page.evaluate(readKeyRecords);
		expect(stored).toEqual([{ id: 'device:dealaaaaaaaaaaaa', type: 'secret', extractable: false, usages: ['decrypt', 'encrypt'], exported: 'refused' }]);
		expect(await page.evaluate(() => Object.values({ ...localStorage, ...sessionStorage }).some((value) => value.length >= 43))).toBe(false);
		await context.close();
	});

	test('moves a raw key an older build left in localStorage into IndexedDB, deletes it, and opens the page with it', async () => {
		const context = await newContext();
		const raw = rawKeys.get('a')!;
		await context.addInitScript((text) => {
			if (!sessionStorage.getItem('seeded')) {
				localStorage.setItem('mapsite:key:dealaaaaaaaaaaaa', text);
				sessionStorage.setItem('seeded', '1');
			}
		}, Buffer.from(raw).toString('base64url'));
		const page = await context.newPage();
		await page.goto(`${origin}/a/index.html`);
		expect(await content(page).textContent()).toBe('Northwind plan');
		expect(await page.evaluate(() => localStorage.getItem('mapsite:key:dealaaaaaaaaaaaa'))).toBeNull();
		expect((await page.evaluate(readKeyRecords)).map(({ id, extractable }) => ({ id, extractable }))).toEqual([{ id: 'device:dealaaaaaaaaaaaa', extractable: false }]);
		await context.close();
	});

	test('a page opened with a remembered key asks for the password before copying a share link', async () => {
		const context = await newContext();
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
		const page = await context.newPage();
		await page.goto(`${origin}/a/index.html`);
		await unlock(page, PASSWORD);
		await content(page).waitFor();
		await page.click('mapsite-content a[href="next.html"]');
		await page.waitForURL(/next\.html$/);
		await content(page).waitFor();
		await page.click('[data-mapsite-share]');
		expect(await page.textContent('#mapsite-gate-status')).toBe(ENGLISH_GATE_LABELS.messages.shareNeedsPassword);
		await context.close();
	});

	test('without "remember", a new tab asks again', async () => {
		const context = await newContext();
		const first = await context.newPage();
		await first.goto(`${origin}/a/index.html`);
		await unlock(first, PASSWORD);
		await content(first).waitFor();
		const second = await context.newPage();
		await second.goto(`${origin}/a/next.html`);
		await expectLocked(second);
		await context.close();
	});

	test('copies a share link that opens the deal in another browser and leaves no key in the address bar', async () => {
		const context = await newContext();
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
		const page = await context.newPage();
		await page.goto(`${origin}/a/index.html`);
		await unlock(page, PASSWORD);
		await page.click('[data-mapsite-share]');
		expect(await readStatus(page)).toMatchInlineSnapshot(`"Share link copied. Anyone with this link can open the plan."`);
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(link).toBe(`${origin}/a/index.html${buildShareFragment(rawKeys.get('a') ?? new Uint8Array())}`);

		const other = await newContext();
		const visitor = await other.newPage();
		await visitor.goto(link);
		expect(await content(visitor).textContent()).toBe('Northwind plan');
		expect(visitor.url()).toBe(`${origin}/a/index.html`);
		await Promise.all([context.close(), other.close()]);
	});

	test('the lock control forgets the key on this device and shows the form again', async () => {
		const context = await newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/a/index.html`);
		await unlock(page, PASSWORD, { remember: true });
		await content(page).waitFor();
		await Promise.all([page.waitForEvent('load'), page.click('[data-mapsite-lock]')]);
		await expectLocked(page);
		expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
		await context.close();
	});

	test("refuses deal A's share link on deal B, with a message and the form", async () => {
		const context = await newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/b/index.html${buildShareFragment(rawKeys.get('a') ?? new Uint8Array())}`);
		expect(await readStatus(page)).toMatchInlineSnapshot(`"This link does not open this page. Enter the password instead."`);
		await expectLocked(page);
		expect(page.url()).toBe(`${origin}/b/index.html`);
		expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
		await context.close();
	});

	test('with JavaScript off, shows only the notice that JavaScript is needed', async () => {
		const context = await newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${origin}/a/index.html`);
		const notice = page.locator('.mapsite-gate-noscript');
		expect(await notice.isVisible()).toBe(true);
		expect(await notice.textContent()).toBe(ENGLISH_GATE_LABELS.noscript);
		expect(await page.locator('body').innerText()).toBe(`Acme Analytics\n\n${ENGLISH_GATE_LABELS.noscript}`);
		expect(await page.locator('#mapsite-gate-form').isHidden()).toBe(true);
		expect(await page.locator('mapsite-content').innerHTML()).toBe('');
		await context.close();
	});

	test('shows the integrity message, and no content, when one payload byte was changed', async () => {
		const context = await newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/a/tampered.html`);
		await unlock(page, PASSWORD);
		expect(await readStatus(page)).toMatchInlineSnapshot(`"This page failed its integrity check: it was changed or belongs to another plan. Nothing was shown."`);
		expect(await page.locator('mapsite-content').isHidden()).toBe(true);
		expect(await page.locator('mapsite-content').innerHTML()).toBe('');
		await context.close();
	});

	test('refuses an older build\'s payload of the same page with the integrity message, and shows no content', async () => {
		const context = await newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/a/replayed.html`);
		await unlock(page, PASSWORD);
		expect(await readStatus(page)).toMatchInlineSnapshot(`"This page failed its integrity check: it was changed or belongs to another plan. Nothing was shown."`);
		expect(await page.locator('mapsite-content').innerHTML()).toBe('');
		await context.close();
	});

	test('over plain HTTP on a public host name, says the page needs HTTPS and offers no form', async () => {
		const context = await newContext();
		// Only loopback counts as secure over HTTP, so the same files are served under another name.
		await context.route('http://gate.test/**', async (route) => {
			const response = await fetch(route.request().url().replace('http://gate.test', origin));
			await route.fulfill({ status: response.status, headers: { 'content-type': response.headers.get('content-type') ?? '' }, body: Buffer.from(await response.arrayBuffer()) });
		});
		const page = await context.newPage();
		await page.goto('http://gate.test/a/index.html');
		expect(await readStatus(page)).toMatchInlineSnapshot(`"This page must be opened over HTTPS (or on localhost) to unlock."`);
		expect(await page.locator('#mapsite-gate-form').isHidden()).toBe(true);
		expect(await page.locator('mapsite-content').innerHTML()).toBe('');
		await context.close();
	});

	test('unlocks at 600,000 iterations and opens a further large page (timings printed, not asserted)', async () => {
		const context = await newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/slow/index.html`);
		await unlock(page, PASSWORD);
		await content(page).waitFor();
		const unwrapMs = await page.evaluate(() => performance.getEntriesByName('mapsite:unwrap')[0]?.duration);
		await page.goto(`${origin}/slow/next.html`);
		expect(await content(page).textContent()).toBe('Fabrikam schedule');
		const openMs = await page.evaluate(() => performance.getEntriesByName('mapsite:open')[0]?.duration);
		console.log(
			`gate timings in Chromium: unwrap at 600,000 iterations ${unwrapMs?.toFixed(1)} ms; ` +
				`fetch+decrypt+insert of a ${(bigTable.length / 1024).toFixed(0)} KB page ${openMs?.toFixed(1)} ms`,
		);
		await context.close();
	});
});
