/**
 * What a visitor downloads per page type: the page (a gated deal's neutral shell, or a public
 * deal's whole page), its encrypted payload, and the shared JS and CSS it links, all gzipped.
 */
import { median } from './format.ts';

/** The pages every deal has, in the order the report prints them. */
export const PAGE_TYPES = ['overview', 'plan', 'timeline', 'dependencies', 'people', 'risks', 'checkins', 'summary'] as const;

/** A published file and its gzip size. */
export interface WeighedFile {
	/** Path inside the published folder with forward slashes, e.g. `ab12/plan/index.html`. */
	path: string;
	gzipBytes: number;
	/** For HTML files: the site paths of the stylesheets and scripts it links. */
	assets?: readonly string[];
}

/** Median gzip bytes of one page type across deals. */
export interface PageTypeWeight {
	type: string;
	/** How many pages of this type were weighed. */
	pages: number;
	page: number;
	/** 0 for public deals, whose page is not encrypted. */
	payload: number;
	shared: number;
	total: number;
}

/** Page weights by access, plus the search archive and share images. */
export interface PageWeights {
	gated: PageTypeWeight[];
	public: PageTypeWeight[];
	/** Median gzip bytes of one deal's search archive; undefined when the build made none. */
	searchPerDeal?: number;
	searchArchives: number;
	/** Gzip bytes of the shared Pagefind runtime (script and one WebAssembly file per language). */
	searchRuntime?: number;
	/** Median bytes of one share (Open Graph) image; undefined when the build made none. */
	ogImage?: number;
	ogImages: number;
}

const LINKED = /<(?:link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref|script\b[^>]*\bsrc)="([^"]+)"/g;

/** The site paths (no leading slash) of the stylesheets and scripts an HTML page loads. */
export function findLinkedAssets(html: string, pagePath: string): string[] {
	const folder = pagePath.split('/').slice(0, -1);
	return [...html.matchAll(LINKED)]
		.map((match) => match[1].split(/[?#]/)[0])
		.filter((url) => !/^[a-z]+:|^\/\//i.test(url))
		.map((url) => {
			const parts = url.startsWith('/') ? url.slice(1).split('/') : [...folder, ...url.split('/')];
			const resolved: string[] = [];
			for (const part of parts) {
				if (part === '..') resolved.pop();
				else if (part !== '.' && part !== '') resolved.push(part);
			}
			return resolved.join('/');
		});
}

/** The page type of a deal page (`<deal id>/plan/index.html` is `plan`), or undefined for other files. */
export function classifyPage(path: string): string | undefined {
	const parts = path.split('/');
	if (parts.length < 2 || parts[0].startsWith('_') || parts.at(-1) !== 'index.html') return undefined;
	if (parts.length === 2) return 'overview';
	return parts.length === 3 ? parts[1] : undefined;
}

// A deal's search index is one archive in its own folder (`<deal id>/search.enc`, or `.bin` when public).
const isSearchArchive = (path: string): boolean => /^[^_/][^/]*\/search\.[a-z]+$/.test(path);
// The Pagefind runtime is published once for every deal.
const isSearchRuntime = (path: string): boolean => /(^|\/)_?pagefind\//.test(path);
const isOgImage = (path: string): boolean => /\.png$/i.test(path) && !path.startsWith('_astro/');

/** Weighs every page type; medians across deals, so one odd deal does not move the figure. */
export function summarizePageWeights(files: readonly WeighedFile[]): PageWeights {
	const byPath = new Map(files.map((file) => [file.path, file]));
	const rows = { gated: new Map<string, { page: number; payload: number; shared: number }[]>(), public: new Map<string, { page: number; payload: number; shared: number }[]>() };
	for (const file of files) {
		const type = classifyPage(file.path);
		if (type === undefined) continue;
		const payload = byPath.get(`${file.path}.enc`);
		const shared = [...new Set(file.assets ?? [])].reduce((sum, asset) => sum + (byPath.get(asset)?.gzipBytes ?? 0), 0);
		const target = payload ? rows.gated : rows.public;
		const list = target.get(type) ?? [];
		list.push({ page: file.gzipBytes, payload: payload?.gzipBytes ?? 0, shared });
		target.set(type, list);
	}
	const order = (type: string): number => {
		const index = (PAGE_TYPES as readonly string[]).indexOf(type);
		return index === -1 ? PAGE_TYPES.length : index;
	};
	const summarize = (map: Map<string, { page: number; payload: number; shared: number }[]>): PageTypeWeight[] =>
		[...map.entries()]
			.sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
			.map(([type, list]) => ({
				type,
				pages: list.length,
				page: median(list.map((row) => row.page))!,
				payload: median(list.map((row) => row.payload))!,
				shared: median(list.map((row) => row.shared))!,
				total: median(list.map((row) => row.page + row.payload + row.shared))!,
			}));
	const archives = files.filter((file) => isSearchArchive(file.path));
	const runtime = files.filter((file) => isSearchRuntime(file.path));
	const ogFiles = files.filter((file) => isOgImage(file.path));
	return {
		gated: summarize(rows.gated),
		public: summarize(rows.public),
		searchPerDeal: median(archives.map((file) => file.gzipBytes)),
		searchArchives: archives.length,
		searchRuntime: runtime.length > 0 ? runtime.reduce((sum, file) => sum + file.gzipBytes, 0) : undefined,
		ogImage: median(ogFiles.map((file) => file.gzipBytes)),
		ogImages: ogFiles.length,
	};
}
