import { describe, expect, test } from 'vitest';
import { classifyPage, findLinkedAssets, summarizePageWeights, type WeighedFile } from '../../../tools/bench/lib/page-weights.ts';

describe('classifyPage', () => {
	test.each([
		['ab12/index.html', 'overview'],
		['ab12/plan/index.html', 'plan'],
		['ab12/plan/index.html.enc', undefined],
		['_astro/x.css', undefined],
		['index.html', undefined],
		['ab12/search.enc', undefined],
	])('%s is %s', (path, type) => {
		expect(classifyPage(path)).toBe(type);
	});
});

describe('findLinkedAssets', () => {
	test('finds stylesheets, module preloads and scripts, resolving relative URLs', () => {
		const html = '<link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/i.svg"><script type="module" src="/_mapsite/gate.js?v=1"></script><script src="../x.js"></script><script src="https://cdn.example/y.js"></script>';
		expect(findLinkedAssets(html, 'ab12/plan/index.html')).toEqual(['_astro/a.css', '_mapsite/gate.js', 'ab12/x.js']);
	});
});

describe('summarizePageWeights', () => {
	const shared = ['_astro/a.css', '_mapsite/gate.js'];
	const files: WeighedFile[] = [
		{ path: '_astro/a.css', gzipBytes: 1000 },
		{ path: '_mapsite/gate.js', gzipBytes: 3000 },
		{ path: '_mapsite/pagefind/pagefind.js', gzipBytes: 500 },
		{ path: '_mapsite/pagefind/wasm.en.pagefind', gzipBytes: 700 },
		{ path: '_mapsite/og/abc.png', gzipBytes: 9000 },
		{ path: 'aa/index.html', gzipBytes: 100, assets: shared },
		{ path: 'aa/index.html.enc', gzipBytes: 400 },
		{ path: 'aa/plan/index.html', gzipBytes: 110, assets: shared },
		{ path: 'aa/plan/index.html.enc', gzipBytes: 600 },
		{ path: 'aa/search.enc', gzipBytes: 2000 },
		{ path: 'bb/index.html', gzipBytes: 120, assets: shared },
		{ path: 'bb/index.html.enc', gzipBytes: 800 },
		{ path: 'bb/search.enc', gzipBytes: 4000 },
		{ path: 'cc/index.html', gzipBytes: 900, assets: ['_astro/a.css'] },
		{ path: 'cc/search.bin', gzipBytes: 3000 },
	];

	test('splits gated shells from payloads, adds the shared assets once per page, and takes medians', () => {
		const weights = summarizePageWeights(files);
		expect(weights.gated).toEqual([
			{ type: 'overview', pages: 2, page: 110, payload: 600, shared: 4000, total: 4710 },
			{ type: 'plan', pages: 1, page: 110, payload: 600, shared: 4000, total: 4710 },
		]);
		expect(weights.public).toEqual([{ type: 'overview', pages: 1, page: 900, payload: 0, shared: 1000, total: 1900 }]);
	});

	test('weighs the search archives per deal, the shared runtime once, and the share images', () => {
		const weights = summarizePageWeights(files);
		expect(weights).toMatchObject({ searchPerDeal: 3000, searchArchives: 3, searchRuntime: 1200, ogImage: 9000, ogImages: 1 });
	});

	test('says nothing was built when there is no search or image', () => {
		expect(summarizePageWeights(files.filter((file) => !/search|pagefind|png/.test(file.path)))).toMatchObject({ searchPerDeal: undefined, searchRuntime: undefined, ogImage: undefined });
	});
});
