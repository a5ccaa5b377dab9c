/**
 * Publishing one deal, pinned so that mutation testing (docs/mutation.md) notices a gated page or
 * file published readable, a payload sealed to the wrong path or an archive left out. The unit
 * tests of publishSite publish public deals; these publish a gated one directly. Every folder and
 * key is made inside its test.
 */
import { cp, link, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFileAad, createBuildId, decodeUtf8, decryptFile, generateContentKey, importContentKey, wrapContentKey } from '../../src/lib/crypto/index.ts';
import { ENGLISH_GATE_LABELS, parseGateManifest } from '../../src/lib/gate/index.ts';
import { unpackArchive } from '../../src/lib/search/archive.ts';
import { listFiles } from '../../src/node/site-files.ts';
import { writeFixedPages } from '../../src/node/publish/fixed-pages.ts';
import { publishGatedDeal, publishPublicDeal } from '../../src/node/publish/publish-deal.ts';
import { checkForLeaks, LeakError } from '../../src/node/publish/leak-check.ts';
import { isSameFile, linkOtherDeals, writeInto } from '../../src/node/publish/site-folder.ts';
import type { Sentinel } from '../../src/lib/leak-scan.ts';

const PAGE = '<html><head><link rel="stylesheet" href="/_astro/site.css"><title>Northwind</title></head><body><nav>Menu</nav><mapsite-content><h1>Northwind data platform</h1></mapsite-content></body></html>';

async function makeFolders() {
	const work = await mkdtemp(join(tmpdir(), 'mapsite-publish-edges-'));
	const stage = join(work, 'stage');
	const temp = join(work, 'temp');
	const put = async (path: string, text: string) => {
		await mkdir(dirname(join(stage, path)), { recursive: true });
		await writeFile(join(stage, path), text);
	};
	return { stage, temp, put };
}

async function makeKeys() {
	const contentKey = generateContentKey();
	const wrappedKey = await wrapContentKey('correct horse', contentKey, 'r0ute', { iterations: 1000 });
	return { routeId: 'r0ute', lang: 'en', shellTitle: 'Mutual action plan', sellerName: 'Tidewell', labels: ENGLISH_GATE_LABELS, contentKey, wrappedKey, buildId: createBuildId() };
}

async function openFile(keys: Awaited<ReturnType<typeof makeKeys>>, bytes: Uint8Array, name: string): Promise<Uint8Array> {
	return decryptFile(await importContentKey(keys.contentKey), bytes, buildFileAad(keys.routeId, keys.buildId, name));
}

describe('a gated deal', () => {
	test('is published as a shell, a payload sealed to its path and encrypted archives, nothing readable', async () => {
		const { stage, temp, put } = await makeFolders();
		await put('r0ute/calendar/all.ics', 'BEGIN:VCALENDAR\nSUMMARY:Northwind legal review\nEND:VCALENDAR\n');
		const keys = await makeKeys();
		const published = await publishGatedDeal(
			keys,
			{
				pages: ['r0ute/plan/index.html'],
				html: new Map([['r0ute/plan/index.html', PAGE]]),
				others: ['r0ute/calendar/all.ics'],
				archivedAssets: new Map([['_site/_astro/chart.webp', new Uint8Array([1, 2, 3])]]),
				searchFiles: new Map([['pagefind/index.pf', new Uint8Array([9, 9])]]),
				headTags: (path) => `<meta name="page" content="${path}">`,
			},
			{ stageDir: stage, temp, loaderUrl: '/_mapsite/gate-1.js' },
		);
		expect((await listFiles(temp)).sort()).toEqual(['r0ute/files.enc', 'r0ute/plan/index.html', 'r0ute/plan/index.html.enc', 'r0ute/search.enc']);
		const search = await readFile(join(temp, 'r0ute/search.enc'));
		expect(published).toEqual({ encryptedPages: 1, searchBytes: search.length });

		const shell = await readFile(join(temp, 'r0ute/plan/index.html'), 'utf8');
		expect(shell).not.toMatch(/Northwind|Menu/);
		expect(shell).toContain('<link rel="stylesheet" href="/_astro/site.css">');
		expect(shell).toContain('<meta name="page" content="r0ute/plan/index.html">');
		expect(shell).toContain('<script type="module" src="/_mapsite/gate-1.js"></script>');
		const manifest = parseGateManifest(/<script type="application\/json" id="mapsite-gate">([^<]*)<\/script>/.exec(shell)![1]);
		expect(manifest).toMatchObject({ v: 2, dealId: 'r0ute', buildId: keys.buildId, wrappedKey: keys.wrappedKey, payload: 'index.html.enc', aad: 'plan/index.html.enc' });
		const payload = await openFile(keys, await readFile(join(temp, 'r0ute/plan/index.html.enc')), manifest.aad);
		expect(decodeUtf8(payload)).toBe('<mapsite-content><h1>Northwind data platform</h1></mapsite-content>');

		const files = unpackArchive(await openFile(keys, await readFile(join(temp, 'r0ute/files.enc')), 'files.enc'));
		expect([...files.keys()].sort()).toEqual(['_site/_astro/chart.webp', 'calendar/all.ics']);
		expect(decodeUtf8(files.get('calendar/all.ics')!)).toContain('Northwind legal review');
		expect([...unpackArchive(await openFile(keys, search, 'search.enc')).keys()]).toEqual(['pagefind/index.pf']);
	});

	test('with only an archived image still gets a files archive; with no files at all, none', async () => {
		const { stage, temp } = await makeFolders();
		const keys = await makeKeys();
		const files = { pages: ['r0ute/index.html'], html: new Map([['r0ute/index.html', PAGE]]), others: [], headTags: () => '' };
		await publishGatedDeal(keys, { ...files, archivedAssets: new Map([['_site/a.png', new Uint8Array([1])]]) }, { stageDir: stage, temp, loaderUrl: '/_mapsite/gate-1.js' });
		expect((await listFiles(temp)).sort()).toEqual(['r0ute/files.enc', 'r0ute/index.html', 'r0ute/index.html.enc']);
		const bare = join(temp, '..', 'bare');
		await publishGatedDeal(keys, files, { stageDir: stage, temp: bare, loaderUrl: '/_mapsite/gate-1.js' });
		expect((await listFiles(bare)).sort()).toEqual(['r0ute/index.html', 'r0ute/index.html.enc']);
	});

	test('with only a calendar still gets a files archive holding it', async () => {
		const { stage, temp, put } = await makeFolders();
		await put('r0ute/calendar/all.ics', 'BEGIN:VCALENDAR\nEND:VCALENDAR\n');
		const keys = await makeKeys();
		await publishGatedDeal(keys, { pages: ['r0ute/index.html'], html: new Map([['r0ute/index.html', PAGE]]), others: ['r0ute/calendar/all.ics'], headTags: () => '' }, { stageDir: stage, temp, loaderUrl: '/_mapsite/gate-1.js' });
		expect([...unpackArchive(await openFile(keys, await readFile(join(temp, 'r0ute/files.enc')), 'files.enc')).keys()]).toEqual(['calendar/all.ics']);
	});

	test('refuses a page without the content element instead of publishing it readable', async () => {
		const { stage, temp } = await makeFolders();
		const publishing = publishGatedDeal(await makeKeys(), { pages: ['r0ute/index.html'], html: new Map([['r0ute/index.html', '<html><body><h1>Northwind</h1></body></html>']]), others: [], headTags: () => '' }, { stageDir: stage, temp, loaderUrl: '/_mapsite/gate-1.js' });
		await expect(publishing).rejects.toThrow('r0ute/index.html: has no <mapsite-content> element, so it cannot be gated; refusing to publish it.');
	});
});

describe('a public deal', () => {
	test('is published readable, with its head tags, the loader, and packed archives beside it', async () => {
		const { stage, temp, put } = await makeFolders();
		await put('r0ute/calendar/all.ics', 'BEGIN:VCALENDAR\nEND:VCALENDAR\n');
		const published = await publishPublicDeal(
			'r0ute',
			{ pages: ['r0ute/index.html'], html: new Map([['r0ute/index.html', PAGE]]), others: ['r0ute/calendar/all.ics'], searchFiles: new Map([['pagefind/index.pf', new Uint8Array([7])]]), headTags: () => '<meta name="preview">' },
			{ stageDir: stage, temp, loaderUrl: '/_mapsite/gate-1.js' },
		);
		expect((await listFiles(temp)).sort()).toEqual(['r0ute/calendar/all.ics', 'r0ute/files.bin', 'r0ute/index.html', 'r0ute/search.bin']);
		expect(await readFile(join(temp, 'r0ute/index.html'), 'utf8')).toMatch(/^<html><head><link rel="stylesheet"/);
		expect(await readFile(join(temp, 'r0ute/index.html'), 'utf8')).toContain('<meta name="preview">\n<script type="application/json" id="mapsite-public-deal">r0ute</script>\n<script type="module" src="/_mapsite/gate-1.js"></script>\n</head>');
		const search = await readFile(join(temp, 'r0ute/search.bin'));
		expect(published).toEqual({ encryptedPages: 0, searchBytes: search.length });
		expect([...unpackArchive(search).keys()]).toEqual(['pagefind/index.pf']);
		expect([...unpackArchive(await readFile(join(temp, 'r0ute/files.bin'))).keys()]).toEqual(['calendar/all.ics']);
	});
});

describe('the files every site has', () => {
	test('a neutral front page and 404 page where the build made none, and robots.txt that lists nothing', async () => {
		const { temp } = await makeFolders();
		await writeFixedPages(temp, ['404.html']);
		expect((await listFiles(temp)).sort()).toEqual(['index.html', 'robots.txt']);
		expect(await readFile(join(temp, 'index.html'), 'utf8')).toContain('<title>Mutual action plan</title></head><body><main><h1>Mutual action plan</h1><p>Open the link you were sent to see your plan.</p>');
		expect(await readFile(join(temp, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
		const { temp: bare } = await makeFolders();
		await writeFixedPages(bare, []);
		expect((await listFiles(bare)).sort()).toEqual(['404.html', 'index.html', 'robots.txt']);
	});
});

describe('keeping the other deals of the published site', () => {
	test('links every file of the other deals and the shared files, skips the deals being rebuilt, and finds nothing in a first build', async () => {
		const { stage: dist, temp } = await makeFolders();
		expect(await linkOtherDeals(join(dist, 'missing'), temp, new Set())).toEqual(new Set());
		for (const [path, text] of [['keep/index.html', 'A'], ['keep/plan/index.html', 'B'], ['redo/index.html', 'C'], ['robots.txt', 'R']]) {
			await mkdir(dirname(join(dist, path)), { recursive: true });
			await writeFile(join(dist, path), text);
		}
		const kept = await linkOtherDeals(dist, temp, new Set(['redo']));
		expect([...kept].sort()).toEqual(['keep/index.html', 'keep/plan/index.html', 'robots.txt']);
		expect((await listFiles(temp)).sort()).toEqual(['keep/index.html', 'keep/plan/index.html', 'robots.txt']);
		expect(await isSameFile(join(temp, 'keep/plan/index.html'), join(dist, 'keep/plan/index.html'))).toBe(true);
	});

	test('tells a hard link from a copy of the same bytes, and from a missing file', async () => {
		const { stage } = await makeFolders();
		await mkdir(stage, { recursive: true });
		await writeFile(join(stage, 'a.html'), 'same');
		await link(join(stage, 'a.html'), join(stage, 'linked.html'));
		await cp(join(stage, 'a.html'), join(stage, 'copy.html'));
		expect(await isSameFile(join(stage, 'a.html'), join(stage, 'linked.html'))).toBe(true);
		expect(await isSameFile(join(stage, 'a.html'), join(stage, 'copy.html'))).toBe(false);
		expect(await isSameFile(join(stage, 'a.html'), join(stage, 'missing.html'))).toBe(false);
	});
});

describe('writing into the folder about to be published', () => {
	test('writes into a folder that was removed after an earlier write made it', async () => {
		const { temp } = await makeFolders();
		await writeInto(temp, 'deal/plan/index.html', 'first');
		await rm(join(temp, 'deal'), { recursive: true });
		await writeInto(temp, 'deal/plan/index.html', 'second');
		expect(await readFile(join(temp, 'deal/plan/index.html'), 'utf8')).toBe('second');
	});
});

describe('the leak check of a partial rebuild', () => {
	const sentinel: Sentinel = { text: 'Pen test of the Acme billing export', slug: 'acme', file: 'plans/acme.mdx', field: 'actions[3].title (action "security-review")', kind: 'text' };

	test('scans a kept page the build rewrote, and names the one finding in the singular', async () => {
		const { stage: dist, temp } = await makeFolders();
		await mkdir(join(dist, 'keep'), { recursive: true });
		await writeFile(join(dist, 'keep/index.html'), '<p>Nothing to see</p>');
		const kept = await linkOtherDeals(dist, temp, new Set());
		// The build replaces a kept page (as the Content-Security-Policy step does), so it is no longer the published file.
		await writeInto(temp, 'keep/index.html', '<p>Pen test of the Acme billing export</p>');
		const checking = checkForLeaks({ temp, distDir: dist, paths: ['keep/index.html'], kept, sentinels: [sentinel], gatedSlugs: ['acme'] });
		await expect(checking).rejects.toBeInstanceOf(LeakError);
		await expect(checking).rejects.toThrow(/so nothing was published \(the published folder is unchanged\)\. 1 finding:\n {2}keep\/index\.html: contains "Pen test of the Acme billing export" from plans\/acme\.mdx, actions\[3\]\.title/);
	});

	test('passes a rebuild whose fresh and kept files hold no gated text', async () => {
		const { stage: dist, temp } = await makeFolders();
		await mkdir(join(dist, 'keep'), { recursive: true });
		await writeFile(join(dist, 'keep/index.html'), '<p>Nothing to see</p>');
		const kept = await linkOtherDeals(dist, temp, new Set());
		await writeInto(temp, 'new/index.html', '<p>Also nothing</p>');
		await expect(checkForLeaks({ temp, distDir: dist, paths: ['keep/index.html', 'new/index.html'], kept, sentinels: [sentinel], gatedSlugs: ['acme'] })).resolves.toBeUndefined();
	});
});
