/**
 * Publishing one deal, pinned so that mutation testing (docs/mutation.md) notices a gated page or
 * file published readable, a payload sealed to the wrong path or an archive left out. The unit
 * tests of publishSite publish public deals; these publish a gated one directly. Every folder and
 * key is made inside its test.
 */
import { cp, link, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFileAad, createBuildId, decodeUtf8, decryptFile, generateContentKey, importContentKey, wrapContentKey } from '../../src/lib/crypto/index.ts';
import { ENGLISH_GATE_LABELS, parseGateManifest } from '../../src/lib/gate/index.ts';
import { unpackArchive } from '../../src/lib/search/archive.ts';
import { listFiles } from '../../src/node/site-files.ts';
import { PAGEFIND_RUNTIME_DIR } from '../../src/node/search/pagefind-runtime.ts';
import { getMessages } from '../../src/i18n/index.ts';
import { getSharePreviews } from '../../src/lib/og/share-preview.ts';
import { buildDealShareAssets } from '../../src/node/publish/share-assets.ts';
import { createPhaseTimer } from '../../src/node/publish/phase-timer.ts';
import { makePlan } from '../helpers/make-plan.ts';
import { publishSite } from '../../src/node/publish/publish-site.ts';
import { writeFixedPages } from '../../src/node/publish/fixed-pages.ts';
import { renderMermaidBlocks } from '../../src/node/publish/render-mermaid-blocks.ts';
import { getCacheKey, type RendererId } from '../../src/node/mermaid/render-diagrams.ts';
import { publishGatedDeal, publishPublicDeal } from '../../src/node/publish/publish-deal.ts';
import { archiveDealAssets } from '../../src/node/publish/archive-deal-assets.ts';
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

	test('stops a rebuild whose published folder cannot be read, rather than dropping every other deal', async () => {
		const { stage, temp } = await makeFolders();
		await mkdir(stage, { recursive: true });
		// A file where the published folder should be: reading it as a folder fails (ENOTDIR), not "no site yet".
		await writeFile(join(stage, 'dist'), 'not a folder');
		await expect(linkOtherDeals(join(stage, 'dist'), temp, new Set())).rejects.toThrow(/ENOTDIR/);
	});

	test('keeps the other deals again into a folder of the same name made anew', async () => {
		const { stage: dist, temp } = await makeFolders();
		await mkdir(join(dist, 'keep/plan'), { recursive: true });
		await writeFile(join(dist, 'keep/plan/index.html'), 'A');
		await linkOtherDeals(dist, temp, new Set());
		await rm(temp, { recursive: true });
		expect([...(await linkOtherDeals(dist, temp, new Set()))]).toEqual(['keep/plan/index.html']);
		expect(await readFile(join(temp, 'keep/plan/index.html'), 'utf8')).toBe('A');
	});

	test('copies the other deals when the published site is on another file system, where hard links cannot reach', async () => {
		// /dev/shm is a memory file system on Linux, so linking from it into the temporary folder fails with EXDEV.
		const dist = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'mapsite-publish-edges-'));
		try {
			await mkdir(join(dist, 'keep'), { recursive: true });
			await writeFile(join(dist, 'keep/index.html'), 'A');
			const { temp } = await makeFolders();
			expect([...(await linkOtherDeals(dist, temp, new Set()))]).toEqual(['keep/index.html']);
			expect(await readFile(join(temp, 'keep/index.html'), 'utf8')).toBe('A');
		} finally {
			await rm(dist, { recursive: true, force: true });
		}
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

describe('a deal\'s link previews', () => {
	test('a card per page kind, named by its content and reused from the cache, a favicon, and head tags that point each page at its own card', async () => {
		const { temp: cacheDir } = await makeFolders();
		const previews = getSharePreviews(makePlan({ locale: 'en', share: { preview: 'named' }, buyer: { name: 'Northwind Freight' }, seller: { name: 'Tidewell Data' }, decisionDate: '2026-05-03' }), getMessages('en'));
		const favicon = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
		const deal = { routeId: 'r0ute', lang: 'en', previews, themeColor: '#0a7c6e', favicon };
		const assets = await buildDealShareAssets(deal, { siteUrl: 'https://plans.example.com', cacheDir });
		expect(assets.cards).toEqual({ rendered: 2, cached: 0 });
		const names = [...assets.files.keys()];
		const cards = names.filter((name) => name.startsWith('_mapsite/og/'));
		expect(cards).toHaveLength(2);
		for (const card of cards) {
			expect(card).toMatch(/^_mapsite\/og\/[0-9a-f]{20}\.png$/);
			expect([...assets.files.get(card)!.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
		}
		const icon = names.find((name) => name.startsWith('_mapsite/icons/'))!;
		expect(icon).toMatch(/^_mapsite\/icons\/[0-9a-f]{12}\.svg$/);
		expect(new TextDecoder().decode(assets.files.get(icon))).toBe(favicon);
		expect(names).toHaveLength(3);

		const summary = assets.headTags('r0ute/summary/index.html');
		const plan = assets.headTags('r0ute/index.html');
		const image = (tags: string) => /<meta property="og:image" content="https:\/\/plans\.example\.com\/([^"]+)">/.exec(tags)?.[1];
		expect(image(summary)).not.toBe(image(plan));
		expect(cards.sort()).toEqual([image(summary), image(plan)].sort());
		expect(summary).toContain('<meta property="og:url" content="https://plans.example.com/r0ute/summary/">');
		expect(summary).toContain(`<meta property="og:title" content="${previews.summary.title}">`);
		expect(plan).toContain('<meta property="og:url" content="https://plans.example.com/r0ute/">');
		expect(plan).toContain(`<meta property="og:title" content="${previews.deal.title}">`);
		expect(plan).toContain(`<meta property="og:image:alt" content="${previews.deal.imageAlt}">`);
		expect(plan).toContain(`<meta name="description" content="${previews.deal.description}">`);
		expect(plan).toContain(`<link rel="icon" href="/${icon}" type="image/svg+xml">`);
		expect(plan).toContain('<meta name="theme-color" content="#0a7c6e">');
		expect(plan).toContain('<meta property="og:locale" content="en">');

		const again = await buildDealShareAssets(deal, { siteUrl: 'https://plans.example.com', cacheDir });
		expect(again.cards).toEqual({ rendered: 0, cached: 2 });
		expect([...again.files.keys()].sort()).toEqual(names.sort());
	});
});

describe('the publishing timings (MAPSITE_TIMINGS)', () => {
	test('add each phase\'s wall time to that phase only, also when its work fails, and pass the work\'s result on', async () => {
		const { timings, time } = createPhaseTimer();
		expect(timings).toEqual({ diagrams: 0, images: 0, search: 0, encrypt: 0, leakScan: 0, swap: 0 });
		const outerStart = performance.now();
		expect(await time('encrypt', () => new Promise<string>((resolve) => setTimeout(() => resolve('done'), 5)))).toBe('done');
		const afterFirst = performance.now() - outerStart;
		expect(timings.encrypt).toBeGreaterThan(0);
		expect(timings.encrypt).toBeLessThanOrEqual(afterFirst);
		const first = timings.encrypt;
		await expect(time('encrypt', () => new Promise((_, reject) => setTimeout(() => reject(new Error('no key')), 5)))).rejects.toThrow('no key');
		expect(timings.encrypt).toBeGreaterThan(first);
		expect(timings.encrypt).toBeLessThanOrEqual(performance.now() - outerStart);
		expect({ ...timings, encrypt: 0 }).toEqual({ diagrams: 0, images: 0, search: 0, encrypt: 0, leakScan: 0, swap: 0 });
	});
});

describe('publishing a whole site with a gated and a public deal', () => {
	test('writes the loader, the search runtime, every deal\'s cards, shells and archives, and counts what it published', async () => {
		const { stage, temp: work, put } = await makeFolders();
		const dist = join(work, 'dist');
		const page = (text: string) => `<html lang="en"><head><title>Plan</title></head><body><mapsite-content><h1>${text}</h1><p>Steps to agree with the buyer</p></mapsite-content></body></html>`;
		await put('r0ute/index.html', page('Gated plan'));
		await put('r0ute/summary/index.html', page('Gated summary'));
		await put('r0ute/calendar/all.ics', 'BEGIN:VCALENDAR\nEND:VCALENDAR\n');
		await put('pub/index.html', page('Public plan'));
		await put('404.html', '<html><head></head><body><p>Not here</p></body></html>');
		await put('_astro/site.css', 'body{color:black}');
		const keys = await makeKeys();
		const share = (buyer: string) => ({ previews: getSharePreviews(makePlan({ locale: 'en', share: { preview: 'named' }, buyer: { name: buyer }, seller: { name: 'Tidewell Data' } }), getMessages('en')), themeColor: '#0a7c6e', favicon: `<svg xmlns="http://www.w3.org/2000/svg"><title>${buyer}</title></svg>` });
		const base = { lang: 'en', shellTitle: 'Mutual action plan', sellerName: 'Tidewell', gateLabels: ENGLISH_GATE_LABELS };
		const result = await publishSite({
			stageDir: stage,
			distDir: dist,
			deals: [
				{ ...base, slug: 'gated', routeId: 'r0ute', gate: { contentKey: keys.contentKey, wrappedKey: keys.wrappedKey, buildId: keys.buildId }, share: share('Northwind Freight') },
				{ ...base, slug: 'public', routeId: 'pub', share: share('Acme Mills') },
			],
			sentinels: [],
			gatedSlugs: [],
			cacheDir: join(work, 'cache'),
			siteUrl: 'https://plans.example.com',
		});
		const files = (await listFiles(dist)).sort();
		expect(result.files).toBe(files.length);
		expect(result.encrypted).toBe(2);
		expect(result.cards.rendered + result.cards.cached).toBe(4);
		expect(result.cards.rendered).toBeGreaterThan(0);
		const searchBytes = (await readFile(join(dist, 'r0ute/search.enc'))).length + (await readFile(join(dist, 'pub/search.bin'))).length;
		expect(result.searchBytes).toBe(searchBytes);
		for (const phase of ['diagrams', 'images', 'search', 'encrypt', 'leakScan', 'swap'] as const) expect(result.timings[phase], phase).toBeGreaterThan(0);
		// MAPSITE_TIMINGS prints every key: each piece of work is counted under one of the six phases.
		expect(Object.keys(result.timings).sort()).toEqual(['diagrams', 'encrypt', 'images', 'leakScan', 'search', 'swap']);

		// The gated deal: shells, payloads and archives only; its calendar is inside files.enc.
		expect(files.filter((path) => path.startsWith('r0ute/'))).toEqual(['r0ute/files.enc', 'r0ute/index.html', 'r0ute/index.html.enc', 'r0ute/search.enc', 'r0ute/summary/index.html', 'r0ute/summary/index.html.enc']);
		const shell = await readFile(join(dist, 'r0ute/index.html'), 'utf8');
		expect(shell).not.toContain('Gated plan');
		expect(shell).toContain('<meta property="og:url" content="https://plans.example.com/r0ute/">');
		expect(await readFile(join(dist, 'r0ute/summary/index.html'), 'utf8')).toContain('<meta property="og:url" content="https://plans.example.com/r0ute/summary/">');
		const loader = /<script type="module" src="\/(_mapsite\/gate-[^"]+\.js)"><\/script>/.exec(shell)![1];
		expect(files).toContain(loader);
		// The search runtime the gated deal's encrypted index needs, published once for the site.
		expect(files.some((path) => path.startsWith('_mapsite/pagefind/'))).toBe(true);
		// Cards and favicons of both deals.
		expect(files.filter((path) => path.startsWith('_mapsite/og/'))).toHaveLength(4);
		expect(files.filter((path) => path.startsWith('_mapsite/icons/'))).toHaveLength(2);

		// The public deal: readable, with its previews, its search index and archive.
		expect(files.filter((path) => path.startsWith('pub/'))).toEqual(['pub/files.bin', 'pub/index.html', 'pub/search.bin']);
		const open = await readFile(join(dist, 'pub/index.html'), 'utf8');
		expect(open).toContain('Public plan');
		expect(open).toContain('<meta property="og:url" content="https://plans.example.com/pub/">');
		const index = unpackArchive(await readFile(join(dist, 'pub/search.bin')));
		expect([...index.keys()]).toContain('pagefind-entry.json');

		// Shared files and every page carry on, with the policy.
		expect(await readFile(join(dist, '_astro/site.css'), 'utf8')).toBe('body{color:black}');
		expect(await readFile(join(dist, '404.html'), 'utf8')).toContain('Content-Security-Policy');
		expect(open).toContain('Content-Security-Policy');
		expect(files).toContain('robots.txt');
	});
});

describe('publishing a site again', () => {
	test('reuses the cached cards, lets pages reach the relay, gives a deal without previews no preview tags, and needs the site URL', async () => {
		const { stage, temp: work, put } = await makeFolders();
		const dist = join(work, 'dist');
		const page = `<html lang="en"><head><title>Plan</title></head><body><mapsite-content><h1>Public plan</h1></mapsite-content></body></html>`;
		await put('pub/index.html', page);
		await put('bare/index.html', page);
		const base = { lang: 'en', shellTitle: 'Mutual action plan', sellerName: 'Tidewell', gateLabels: ENGLISH_GATE_LABELS };
		const previews = getSharePreviews(makePlan({ locale: 'en', share: { preview: 'named' }, buyer: { name: 'Acme Mills' }, seller: { name: 'Tidewell Data' } }), getMessages('en'));
		const options = {
			stageDir: stage,
			distDir: dist,
			deals: [{ ...base, slug: 'public', routeId: 'pub', share: { previews, themeColor: '#0a7c6e', favicon: '<svg xmlns="http://www.w3.org/2000/svg"/>' } }, { ...base, slug: 'bare', routeId: 'bare' }],
			sentinels: [],
			gatedSlugs: [],
			cacheDir: join(work, 'cache'),
			siteUrl: 'https://plans.example.com',
			relayUrl: 'https://relay.example.net/feedback',
		};
		expect((await publishSite(options)).cards).toEqual({ rendered: 2, cached: 0 });
		expect((await publishSite(options)).cards).toEqual({ rendered: 0, cached: 2 });
		expect(await readFile(join(dist, 'pub/index.html'), 'utf8')).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*https:\/\/relay\.example\.net/);
		const bare = await readFile(join(dist, 'bare/index.html'), 'utf8');
		expect(bare).toContain('Public plan');
		// Nothing between the page's own head and the loader's data: no preview tags, and no stray text.
		expect(bare).toContain('<title>Plan</title>\n<script type="application/json" id="mapsite-public-deal">bare</script>');
		await expect(publishSite({ ...options, siteUrl: undefined })).rejects.toThrow('publishSite needs siteUrl for link previews.');
	});
});

describe('a site of public deals only', () => {
	test('still publishes the search runtime that every deal page\'s search box loads', async () => {
		const { stage, temp: work, put } = await makeFolders();
		const dist = join(work, 'dist');
		const page = (text: string) => `<html lang="en"><head><title>Plan</title></head><body><mapsite-content><main><h1>${text}</h1><p>Steps to agree with the buyer</p></main></mapsite-content></body></html>`;
		await put('pub/index.html', page('Public plan'));
		await put('pub/plan/index.html', page('Every step'));
		const base = { lang: 'en', shellTitle: 'Mutual action plan', sellerName: 'Tidewell', gateLabels: ENGLISH_GATE_LABELS };
		await publishSite({ stageDir: stage, distDir: dist, deals: [{ ...base, slug: 'public', routeId: 'pub' }], sentinels: [], gatedSlugs: [], cacheDir: join(work, 'cache'), siteUrl: 'https://plans.example.com' });
		// src/client/enhance.ts imports it for public and gated pages alike; without it the search box fails.
		expect(await listFiles(dist)).toContain(`${PAGEFIND_RUNTIME_DIR.slice(1)}pagefind.js`);
		// A search result links to the page it was found on, at the address the site publishes it.
		const index = unpackArchive(await readFile(join(dist, 'pub/search.bin')));
		const fragments = [...index].filter(([path]) => path.endsWith('.pf_fragment'));
		const urls = fragments.map(([, bytes]) => JSON.parse(gunzipSync(bytes).toString('utf8').replace(/^pagefind_dcd/, '')).url);
		expect(urls.sort()).toEqual(['/pub/', '/pub/plan/']);
	});
});

describe('the images of a gated deal', () => {
	test('a rebuild moves into its archive an image an older build published readable, and leaves public one a shared page shows', async () => {
		const { stage, temp: work, put } = await makeFolders();
		const dist = join(work, 'dist');
		for (const [path, text] of [['keep/index.html', 'kept'], ['_astro/chart.webp', 'chart']]) {
			await mkdir(dirname(join(dist, path)), { recursive: true });
			await writeFile(join(dist, path), text);
		}
		await put('_astro/chart.webp', 'chart');
		await put('_astro/logo.webp', 'logo');
		await put('404.html', '<html><head></head><body><img src="/_astro/logo.webp" alt="Tidewell"><p>Not here</p></body></html>');
		await put('r0ute/index.html', '<html lang="en"><head><title>Plan</title></head><body><mapsite-content><h1>Gated plan</h1><img src="/_astro/chart.webp" alt="Volumes"><img src="/_astro/logo.webp" alt="Tidewell"></mapsite-content></body></html>');
		const keys = await makeKeys();
		await publishSite({
			stageDir: stage,
			distDir: dist,
			deals: [{ slug: 'gated', routeId: 'r0ute', lang: 'en', shellTitle: 'Mutual action plan', sellerName: 'Tidewell', gateLabels: ENGLISH_GATE_LABELS, gate: { contentKey: keys.contentKey, wrappedKey: keys.wrappedKey, buildId: keys.buildId } }],
			sentinels: [],
			gatedSlugs: [],
			cacheDir: join(work, 'cache'),
			siteUrl: 'https://plans.example.com',
			keepOtherDeals: true,
		});
		const files = await listFiles(dist);
		expect(files).toContain('keep/index.html');
		// The chart only the gated page shows is readable no more; the 404 page still shows the logo.
		expect(files).not.toContain('_astro/chart.webp');
		expect(files).toContain('_astro/logo.webp');
		const archive = unpackArchive(await openFile(keys, await readFile(join(dist, 'r0ute/files.enc')), 'files.enc'));
		expect([...archive.keys()]).toEqual(['_site/_astro/chart.webp']);
	});
});

describe('the images of two gated deals', () => {
	test('each deal\'s pages point at its own archive, and a seller logo given as a site path stays public for the password page', async () => {
		const { stage, put } = await makeFolders();
		const shared = ['_astro/logo.webp', '_astro/a.webp', '_astro/b.webp'];
		for (const path of shared) await put(path, path);
		const html = new Map([
			['a/index.html', '<mapsite-content><img src="/_astro/logo.webp" alt="Tidewell"><img src="/_astro/a.webp" alt="Volumes"></mapsite-content>'],
			['b/index.html', '<mapsite-content><img src="/_astro/b.webp" alt="Timeline"></mapsite-content>'],
		]);
		const assets = await archiveDealAssets({
			stageDir: stage,
			deals: [
				{ routeId: 'a', planFile: 'plans/a.mdx', isGated: true, pages: ['a/index.html'], sellerLogo: '/_astro/logo.webp?v=2' },
				{ routeId: 'b', planFile: 'plans/b.mdx', isGated: true, pages: ['b/index.html'] },
			],
			html,
			shared,
			sharedPages: new Map(),
			published: new Set(shared),
		});
		expect([...assets.removed].sort()).toEqual(['_astro/a.webp', '_astro/b.webp']);
		expect([...assets.filesByDeal].map(([route, files]) => [route, [...files.keys()]])).toEqual([
			['a', ['_site/_astro/a.webp']],
			['b', ['_site/_astro/b.webp']],
		]);
		expect(assets.html.get('a/index.html')).toContain('src="/_astro/logo.webp"');
		expect(assets.html.get('a/index.html')).not.toContain('src="/_astro/a.webp"');
		expect(assets.html.get('b/index.html')).not.toContain('src="/_astro/b.webp"');
		expect(assets.html.get('b/index.html')).toContain('_site/_astro/b.webp');
	});
});

describe('a rebuild of more deals than one batch holds', () => {
	test('publishes every deal once, keeps the other published deals and drops the removed ones', async () => {
		const { stage, temp: work, put } = await makeFolders();
		const dist = join(work, 'dist');
		for (const [path, text] of [['keep/index.html', 'kept'], ['old/index.html', 'removed']]) {
			await mkdir(dirname(join(dist, path)), { recursive: true });
			await writeFile(join(dist, path), text);
		}
		const routes = Array.from({ length: 25 }, (_, at) => `d${at}`);
		for (const route of routes) await put(`${route}/index.html`, `<html lang="en"><head><title>Plan</title></head><body><mapsite-content><h1>Plan ${route}</h1></mapsite-content></body></html>`);
		const base = { lang: 'en', shellTitle: 'Mutual action plan', sellerName: 'Tidewell', gateLabels: ENGLISH_GATE_LABELS };
		await publishSite({
			stageDir: stage,
			distDir: dist,
			deals: routes.map((route) => ({ ...base, slug: route, routeId: route })),
			sentinels: [],
			gatedSlugs: [],
			cacheDir: join(work, 'cache'),
			siteUrl: 'https://plans.example.com',
			keepOtherDeals: true,
			removeRoutes: ['old'],
		});
		const files = await listFiles(dist);
		expect(files).toContain('keep/index.html');
		expect(files.some((path) => path.startsWith('old/'))).toBe(false);
		for (const route of routes) expect(await readFile(join(dist, route, 'index.html'), 'utf8'), route).toContain(`<h1>Plan ${route}</h1>`);
	});
});

describe('drawing the diagrams of the pages', () => {
	/** A drawing an earlier build left in the diagram cache, found again by the source it was drawn from. */
	async function leaveDrawing(cacheDir: string, source: string, svg: string, renderer: RendererId = 'beautiful-mermaid') {
		await mkdir(cacheDir, { recursive: true });
		await writeFile(join(cacheDir, `${getCacheKey(source, renderer)}.svg`), svg);
	}
	const drawing = (boxes: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 900 80" width="900" height="80"><text x="0" y="70">Drawn by an earlier build</text>${boxes}</svg>`;
	const box = (x: number, y: number) => `<g class="node"><rect x="${x}" y="${y}" width="80" height="30"/></g>`;
	const graph = (source: string, attributes = ' data-label="Dependency graph"') => `<pre class="mapsite-mermaid"${attributes}>${source.replace(/>/g, '&gt;')}</pre>`;

	test('opens a wide graph scrolled to its first box, and a graph that starts at its edge, or draws no plain boxes, where it begins', async () => {
		const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-diagrams-'));
		const cases = [
			{ route: 'wide', boxes: box(30, 20) + box(200, 4) + box(40.6, 4), mark: 33 },
			{ route: 'edge', boxes: box(24, 20), mark: 16 },
			{ route: 'narrow', boxes: box(23, 20), mark: undefined },
			{ route: 'other', boxes: '<g transform="translate(40,20)"><rect width="80" height="30"/></g>', mark: undefined },
		];
		const pages = new Map<string, string>();
		for (const { route, boxes } of cases) {
			const source = `flowchart LR\n  ${route}0["Legal review"] --> ${route}1["Sign"]`;
			await leaveDrawing(cacheDir, source, drawing(boxes));
			pages.set(`${route}/dependencies/index.html`, `<html lang="en"><body>${graph(source)}</body></html>`);
		}
		const drawn = await renderMermaidBlocks(pages, cacheDir);
		for (const { route, mark } of cases) {
			const html = drawn.get(`${route}/dependencies/index.html`)!;
			// The generated graph is taken from the cache of the fast renderer, as it was drawn before.
			expect(html, route).toContain('Drawn by an earlier build');
			const opening = '<div class="diagram-svg" tabindex="0" role="region" aria-label="Dependency graph">';
			expect(html, route).toContain(mark === undefined ? `${opening}<svg` : `${opening}<span class="diagram-svg__start" style="left: ${mark}px"></span><svg`);
		}
	});

	test('names an unlabelled graph\'s scroll box in the page\'s language, and in English for a language the site does not speak', async () => {
		const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-diagrams-'));
		const source = 'flowchart LR\n  a0["Legal review"] --> a1["Sign"]';
		await leaveDrawing(cacheDir, source, drawing(box(0, 0)));
		const page = (lang: string) => `<html lang="${lang}"><body>${graph(source, '')}</body></html>`;
		const drawn = await renderMermaidBlocks(new Map([['id/index.html', page('id')], ['fr/index.html', page('fr')]]), cacheDir);
		expect(drawn.get('id/index.html')).toContain(`role="region" aria-label="${getMessages('id').graph.diagramRegion}"><svg`);
		expect(drawn.get('fr/index.html')).toContain(`role="region" aria-label="${getMessages('en').graph.diagramRegion}"><svg`);
		expect(getMessages('id').graph.diagramRegion).not.toBe(getMessages('en').graph.diagramRegion);
	});

	test('keeps a diagram as its source when its drawing cannot be confined to it, and numbers the next one first', async () => {
		const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-diagrams-'));
		const broken = 'flowchart LR\n  a0["Legal review"] --> a1["Sign"]';
		const good = 'flowchart LR\n  b0["Security review"] --> b1["Sign"]';
		await leaveDrawing(cacheDir, broken, 'Drawn by an earlier build <not svg');
		await leaveDrawing(cacheDir, good, drawing(box(0, 0)));
		const html = (await renderMermaidBlocks(new Map([['a/index.html', `<body>${graph(broken)}${graph(good)}</body>`]]), cacheDir)).get('a/index.html')!;
		expect(html).toContain(graph(broken));
		expect(html).toContain('id="mapsite-diagram-1"><text');
		expect(html).not.toContain('mapsite-diagram-2');
	});

	test('reads a diagram in the plan\'s text as the rep wrote it, with the quotes the page escaped, and keeps them in its caption', async () => {
		const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-diagrams-'));
		const source = '---\ntitle: The "final" round\n---\nsequenceDiagram\n  Buyer->>Seller: Who\'s signing?\n';
		// A sequence diagram is Mermaid's to draw (in Chromium); an earlier build drew this one.
		await leaveDrawing(cacheDir, source, drawing(''), 'chromium-mermaid');
		const escaped = source.replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/>/g, '&gt;');
		const html = (await renderMermaidBlocks(new Map([['a/index.html', `<p>x</p><pre><code class="language-mermaid">${escaped}</code></pre>`]]), cacheDir)).get('a/index.html')!;
		expect(html).toContain('Drawn by an earlier build');
		expect(html).toContain('<figcaption class="diagram__caption" id="mapsite-diagram-1-caption">Diagram 1: The &quot;final&quot; round</figcaption>');
	});
});
