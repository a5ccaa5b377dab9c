/**
 * Builds one deal's Pagefind index in memory. Pagefind's Node API hands back every file's bytes
 * before anything touches the disk, so the caller can pack and encrypt them: no readable index
 * file is ever written. The generic runtime is left out (see pagefind-runtime.ts).
 */
import { throwOnPagefindErrors, withPagefindIndex } from './pagefind-service.ts';
import { isRuntimeFile } from './runtime-files.ts';

/** One rendered page of a deal, under the URL it is published at (e.g. `/<routeId>/plan/`). */
export interface DealSearchPage {
	url: string;
	html: string;
}

/** Options of buildDealSearchIndex. */
export interface DealSearchOptions {
	/** The plan's language (ISO 639-1, e.g. `en`, `id`): picks the stemmer and the runtime's wasm file. */
	language: string;
	/** The element whose text is indexed; the deal layout's `<main>` leaves out header, nav and footer. */
	rootSelector?: string;
}

/** What was indexed, for the build log. */
export interface DealSearchStats {
	pages: number;
	/** Distinct words over all pages, as Pagefind counts them. */
	words: number;
	files: number;
	bytes: number;
	milliseconds: number;
}

/** Pagefind ignores these itself; the search box and anything marked for skipping go too. */
// Diagram sources too: the index may be built before they are drawn, and their words are the
// action titles the plan page already lists.
// The plan's filters and the owe page's person picker are controls: their option lists would fill
// every excerpt with run-together names ("EveryonePriya RamanTomás Eriksen").
const EXCLUDE_SELECTORS = ['[data-mapsite-search]', '[data-mapsite-lock]', '[data-mapsite-share]', 'svg', '.mapsite-mermaid', '.language-mermaid', '[data-plan-filters]', '[data-owe-picker]', 'select'];
/**
 * Pagefind joins the text of neighbouring inline-ish elements without a space, so a fact like
 * `<dt>Owner</dt><dd>Priya</dd>` would index the word "ownerpriya" and a search for the owner's
 * name would miss it. A space after each of these closing tags keeps words apart.
 */
const WORD_BREAK_AFTER = /<\/(?:dt|dd|li|td|th|span|time|a|strong|em|b|i|small|mark|abbr|code)>/gi;
/** The same before such an element opens: `Due May 3<span>on the critical path</span>` would index "3on". */
const WORD_BREAK_BEFORE = /<(?:span|time|a|strong|em|b|i|small|mark|abbr|code)\b/gi;

const WHAT = 'build the search index';

/** Indexes `pages` (all of one deal) and returns the index files by relative name, runtime excluded. */
export async function buildDealSearchIndex(
	pages: readonly DealSearchPage[],
	options: DealSearchOptions,
): Promise<{ files: Map<string, Uint8Array>; stats: DealSearchStats }> {
	checkPages(pages);
	const started = performance.now();
	const config = { forceLanguage: options.language, rootSelector: options.rootSelector ?? 'main', excludeSelectors: EXCLUDE_SELECTORS };
	return withPagefindIndex(WHAT, config, async (index) => {
		let words = 0;
		for (const page of pages) {
			const added = await index.addHTMLFile({ url: page.url, content: page.html.replace(WORD_BREAK_AFTER, '$& ').replace(WORD_BREAK_BEFORE, ' $&') });
			throwOnPagefindErrors(WHAT, `index ${page.url}`, added.errors);
			words += added.file.uniqueWords;
		}
		const output = await index.getFiles();
		throwOnPagefindErrors(WHAT, 'produce the index files', output.errors);
		const files = new Map<string, Uint8Array>();
		for (const file of output.files) {
			if (!isRuntimeFile(file.path)) files.set(file.path, new Uint8Array(file.content));
		}
		if (!files.has('pagefind-entry.json')) throw new Error(`Failed to ${WHAT}: Pagefind produced no pagefind-entry.json.`);
		let bytes = 0;
		for (const data of files.values()) bytes += data.length;
		return { files, stats: { pages: pages.length, words, files: files.size, bytes, milliseconds: Math.round(performance.now() - started) } };
	});
}

function checkPages(pages: readonly DealSearchPage[]): void {
	const problems: string[] = [];
	const seen = new Set<string>();
	for (const page of pages) {
		if (!page.url.startsWith('/')) problems.push(`${JSON.stringify(page.url)} is not a site-absolute URL; pass the published URL, e.g. "/<routeId>/plan/".`);
		else if (seen.has(page.url)) problems.push(`${JSON.stringify(page.url)} is given twice; every page must have its own URL.`);
		seen.add(page.url);
	}
	if (pages.length === 0) problems.push('no pages were given; a deal always has pages, so this is a wiring mistake.');
	if (problems.length > 0) throw new Error(`Failed to ${WHAT}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
}
