import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDealSearchIndex } from '../../../src/node/search/build-deal-index.ts';
import { BASE, NOTES_ONLY_ACTION, NOTES_ONLY_WORD, renderFixturePages } from './fixture-pages.ts';

let pages: { url: string; html: string }[];
let files: Map<string, Uint8Array>;
let fragments: { url: string; content: string; meta: { title?: string }; anchors: { element: string; id: string; text: string; location: number }[] }[];

/** The anchors Pagefind turns into sub-results: headings with an id. */
function headingIds(fragment: (typeof fragments)[number]): string[] {
	return fragment.anchors.filter((anchor) => /^h\d$/.test(anchor.element)).map((anchor) => anchor.id);
}

/** Pagefind's fragment files are gzip with a signature before the JSON. */
function readFragment(bytes: Uint8Array) {
	return JSON.parse(gunzipSync(bytes).toString('utf8').replace(/^pagefind_dcd/, ''));
}

beforeAll(async () => {
	pages = await renderFixturePages();
	({ files } = await buildDealSearchIndex(pages, { language: 'en' }));
	fragments = [...files].filter(([name]) => name.startsWith('fragment/')).map(([, bytes]) => readFragment(bytes));
});

describe('buildDealSearchIndex', () => {
	test('returns the index files and none of the generic runtime', () => {
		const names = [...files.keys()];
		expect(names).toContain('pagefind-entry.json');
		expect(names.some((name) => /^index\/en_\w+\.pf_index$/.test(name))).toBe(true);
		expect(names.some((name) => /^pagefind\.en_\w+\.pf_meta$/.test(name))).toBe(true);
		expect(names.filter((name) => /\.(js|css)$|^wasm\.|\.pagefind$/.test(name))).toEqual([]);
	});

	test('keeps every page under its published URL', () => {
		expect(fragments.map((fragment) => fragment.url).sort()).toEqual(pages.map((page) => page.url).sort());
	});

	test('indexes a word from one action notes under that action heading anchor', () => {
		const holders = fragments.filter((fragment) => fragment.content.toLowerCase().includes(NOTES_ONLY_WORD));
		expect(holders.map((fragment) => fragment.url)).toEqual([`${BASE}plan/`]);
		const plan = holders[0];
		const at = plan.content.split(/\s+/).findIndex((word) => word.toLowerCase().includes(NOTES_ONLY_WORD));
		// The hit belongs to the last anchor before it: the action's heading.
		const anchor = plan.anchors.filter((candidate) => /^h\d$/.test(candidate.element) && candidate.location <= at).at(-1);
		expect(anchor).toMatchObject({ id: `action-${NOTES_ONLY_ACTION}`, text: 'Security questionnaire' });
	});

	test('keeps owner names apart from their labels, so a name finds what the person owns', () => {
		const plan = fragments.find((fragment) => fragment.url === `${BASE}plan/`)!;
		expect(plan.content).toMatch(/Owner\s+Priya Raman/);
		expect(headingIds(plan)).toEqual(['m-evaluation', 'action-kickoff', `action-${NOTES_ONLY_ACTION}`, 'action-pricing']);
	});

	test('keeps a due date apart from the float text written right after it', () => {
		const plan = fragments.find((fragment) => fragment.url === `${BASE}plan/`)!;
		expect(plan.content).toMatch(/Due May 3 on the critical path/);
	});

	test('leaves the plan filters out: their buttons and person picker are controls, not content', () => {
		const plan = fragments.find((fragment) => fragment.url === `${BASE}plan/`)!;
		// The picker's options would otherwise read "EveryonePriya RamanTomás Eriksen" in every excerpt.
		expect(plan.content).not.toMatch(/Everyone|\bLate\b|Show All/);
		expect(plan.content).toMatch(/^Plan\. Technical evaluation/);
	});

	test('gives risks and people their anchors', () => {
		expect(headingIds(fragments.find((fragment) => fragment.url === `${BASE}risks/`)!)).toContain('risk-budget-freeze');
		expect(headingIds(fragments.find((fragment) => fragment.url === `${BASE}people/`)!)).toContain('person-priya');
	});

	test('leaves out the header, nav, footer and search box', () => {
		const text = fragments.map((fragment) => fragment.content).join(' ');
		expect(text).not.toContain('Contoso');
		expect(text).not.toContain('Prepared by');
		expect(text).not.toContain('Search this plan');
	});

	test('titles each page by its heading', () => {
		expect(fragments.map((fragment) => fragment.meta.title).sort()).toEqual(['Overview', 'People', 'Plan', 'Risks']);
	});

	test('reports every page that has no site-absolute or unique URL, before starting Pagefind', async () => {
		const bad = [
			{ url: 'plan/', html: '<main>x</main>' },
			{ url: '/a/', html: '<main>x</main>' },
			{ url: '/a/', html: '<main>y</main>' },
		];
		await expect(buildDealSearchIndex(bad, { language: 'en' })).rejects.toThrowErrorMatchingInlineSnapshot(`
			[Error: Failed to build the search index:
			  "plan/" is not a site-absolute URL; pass the published URL, e.g. "/<routeId>/plan/".
			  "/a/" is given twice; every page must have its own URL.]
		`);
	});

	test('surfaces the errors Pagefind reports, and can build again afterwards', async () => {
		await expect(buildDealSearchIndex(pages, { language: 'en', rootSelector: '[[' })).rejects.toThrow(/Failed to build the search index: Pagefind could not index \/k3j5m2q7x4n6p8r2\/:\n {2}.+/);
		const again = await buildDealSearchIndex(pages.slice(0, 1), { language: 'en' });
		expect(again.stats.pages).toBe(1);
	});

	test('builds independent indexes for deals built at the same time', async () => {
		const [first, second] = await Promise.all([
			buildDealSearchIndex(pages.slice(0, 2), { language: 'en' }),
			buildDealSearchIndex(pages.slice(2), { language: 'id' }),
		]);
		expect(JSON.parse(new TextDecoder().decode(first.files.get('pagefind-entry.json'))).languages).toHaveProperty('en');
		expect(JSON.parse(new TextDecoder().decode(second.files.get('pagefind-entry.json'))).languages).toHaveProperty('id');
		expect(first.stats.pages + second.stats.pages).toBe(pages.length);
	});
});
