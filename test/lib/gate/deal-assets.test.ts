import { describe, expect, test } from 'vitest';
import {
	chooseArchivedAssets,
	findExposedAssets,
	formatExposedAssets,
	getAssetMediaType,
	isSiteCode,
	listPageAssetReferences,
	pointAtArchivedAssets,
} from '../../../src/lib/gate/deal-assets.ts';

const PAGE = 'r0ute/index.html';
const BODY = [
	'<link rel="stylesheet" href="/_astro/site.css">',
	'<img src="/_astro/chart.Ab1.webp" alt="Weekly &gt; hours" width="40" height="40" loading="lazy" decoding="async">',
	'<picture><source srcset="/_astro/chart.Ab1.avif 1x, /_astro/chart.Ab2.avif 2x" type="image/avif"><img src=\'/public.png\' alt="kept"></picture>',
	'<a href="/_astro/report.Cd2.pdf">report</a> <a href="/r0ute/plan/">plan</a> <a href="https://ok.example/x.png">out</a>',
	'<img src="data:image/png;base64,AAAA" alt="logo"><img src="x" alt="broken">',
].join('\n');

describe('listPageAssetReferences', () => {
	test('lists the site paths images, sources and links point at, and no other origin', () => {
		expect(listPageAssetReferences(BODY, PAGE)).toEqual([
			'_astro/chart.Ab1.webp',
			'_astro/chart.Ab1.avif',
			'_astro/chart.Ab2.avif',
			'public.png',
			'_astro/report.Cd2.pdf',
			'r0ute/plan/',
			'r0ute/x',
		]);
	});
});

describe('pointAtArchivedAssets', () => {
	const archived = new Map([
		['_astro/chart.Ab1.webp', '_site/_astro/chart.Ab1.webp'],
		['_astro/chart.Ab1.avif', '_site/_astro/chart.Ab1.avif'],
		['_astro/report.Cd2.pdf', '_site/_astro/report.Cd2.pdf'],
	]);

	test('moves src, srcset and href of archived files into the loader attributes and leaves everything else as it was', () => {
		const out = pointAtArchivedAssets(BODY, PAGE, archived);
		expect(out.split('\n')).toEqual([
			'<link rel="stylesheet" href="/_astro/site.css">',
			'<img data-mapsite-src="_site/_astro/chart.Ab1.webp" alt="Weekly &gt; hours" width="40" height="40" loading="lazy" decoding="async">',
			'<picture><source data-mapsite-srcset="_site/_astro/chart.Ab1.avif 1x, /_astro/chart.Ab2.avif 2x" type="image/avif"><img src=\'/public.png\' alt="kept"></picture>',
			'<a href="#" data-mapsite-file="_site/_astro/report.Cd2.pdf" type="application/pdf">report</a> <a href="/r0ute/plan/">plan</a> <a href="https://ok.example/x.png">out</a>',
			'<img src="data:image/png;base64,AAAA" alt="logo"><img src="x" alt="broken">',
		]);
		expect(listPageAssetReferences(out, PAGE)).not.toContain('_astro/chart.Ab1.webp');
	});

	test('returns the page unchanged when nothing moved', () => {
		expect(pointAtArchivedAssets(BODY, PAGE, new Map())).toBe(BODY);
	});
});

describe('chooseArchivedAssets', () => {
	test('takes the content files only gated pages show, never site code or files public pages show', () => {
		const chosen = chooseArchivedAssets({
			gatedPages: new Map([
				['r0ute', [{ page: PAGE, html: BODY }]],
				['other', [{ page: 'other/index.html', html: '<img src="/_astro/chart.Ab1.webp" alt="">' }]],
			]),
			shared: new Set(['_astro/site.css', '_astro/chart.Ab1.webp', '_astro/chart.Ab1.avif', '_astro/chart.Ab2.avif', 'public.png', '_astro/report.Cd2.pdf']),
			publiclyShown: new Set(['_astro/chart.Ab2.avif']),
		});
		expect([...chosen.removed].sort()).toEqual(['_astro/chart.Ab1.avif', '_astro/chart.Ab1.webp', '_astro/report.Cd2.pdf', 'public.png']);
		expect([...chosen.byDeal.get('other')!]).toEqual([['_astro/chart.Ab1.webp', '_site/_astro/chart.Ab1.webp']]);
		expect(chosen.byDeal.get('r0ute')!.get('public.png')).toBe('_site/public.png');
	});
});

describe('findExposedAssets', () => {
	test('names the plan file, page and every readable content file a gated page still shows', () => {
		const exposed = findExposedAssets({
			gatedPages: [{ planFile: 'plans/narrative.mdx', page: PAGE, html: BODY }],
			published: new Set(['_astro/site.css', '_astro/chart.Ab1.webp', '_astro/chart.Ab2.avif', 'public.png']),
			publiclyShown: new Set(['public.png']),
		});
		expect(formatExposedAssets(exposed)).toMatchInlineSnapshot(`
			"A gated plan's page shows a file that would be published readable outside its encrypted files, so nothing was published (the published folder is unchanged). 2 findings:
			  plans/narrative.mdx: r0ute/index.html shows "_astro/chart.Ab1.webp", which would be public
			  plans/narrative.mdx: r0ute/index.html shows "_astro/chart.Ab2.avif", which would be public
			What to do: take the image out of the plan body (or link to it from a public page), and send this message to whoever maintains the site: gated images should be packed into the deal's encrypted files."
		`);
	});

	test('finds nothing once the images point into the archive', () => {
		const html = pointAtArchivedAssets(BODY, PAGE, new Map([['_astro/chart.Ab1.webp', '_site/_astro/chart.Ab1.webp']]));
		expect(findExposedAssets({ gatedPages: [{ planFile: 'plans/n.mdx', page: PAGE, html }], published: new Set(['_astro/chart.Ab1.webp']), publiclyShown: new Set() })).toEqual([]);
	});
});

describe('isSiteCode and getAssetMediaType', () => {
	test.each([
		['_astro/site.Cy1.css', true],
		['_astro/page.js', true],
		['_astro/inter.woff2', true],
		['404.html', true],
		['_astro/chart.webp', false],
		['logo.svg', false],
	])('%s is site code: %s', (path, expected) => expect(isSiteCode(path)).toBe(expected));

	test.each([
		['_site/_astro/a.webp', 'image/webp'],
		['_site/a.JPG', 'image/jpeg'],
		['_site/a.svg', 'image/svg+xml'],
		['_site/a.bin', 'application/octet-stream'],
	])('%s is served as %s', (path, type) => expect(getAssetMediaType(path)).toBe(type));
});
