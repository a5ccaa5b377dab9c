/**
 * The search box of a deal page. Nothing is fetched until the visitor focuses or types in it;
 * then the deal's decrypted index archive is loaded once, Pagefind's runtime is imported from the
 * public folder with its index requests answered from that archive, and results render as links.
 */
import { fillSearchLabel, type SearchLabels } from '../../lib/search/labels.ts';
import { unpackArchive } from '../../lib/search/archive.ts';
import { installArchiveFetch } from './archive-fetch.ts';
import { renderResults, type SearchPageHit } from './render-results.ts';

/** How mountSearch finds the runtime, the deal's index and the deal's pages. */
export interface MountSearchOptions {
	/** The public Pagefind runtime, e.g. `/_mapsite/pagefind/pagefind.js`. */
	runtimeUrl: string;
	/** Resolves with the deal's packed (decrypted) search archive; called at most once per successful load. */
	loadArchive: () => Promise<Uint8Array>;
	/** The deal's root, `/<routeId>/`; results outside it are never shown. */
	basePath: string;
}

/** The part of Pagefind's module mapsite uses. */
interface PagefindModule {
	options: (options: Record<string, unknown>) => Promise<void>;
	init: () => Promise<void>;
	search: (term: string) => Promise<{ results: { data: () => Promise<PagefindFragment> }[] } | null>;
}

interface PagefindFragment {
	url: string;
	excerpt: string;
	meta: { title?: string };
	sub_results?: { title: string; url: string; excerpt: string }[];
}

/** Waits this long after the last keystroke before searching, so fast typing runs one search. */
const DEBOUNCE_MS = 150;
/** Pages whose hits are shown; a deal has about eight pages, so this only guards huge plans. */
const MAX_PAGES = 20;

/** Shows and wires the `[data-mapsite-search]` box inside `root`; does nothing when there is none. */
export function mountSearch(root: Element, options: MountSearchOptions): void {
	const box = root.querySelector<HTMLElement>('[data-mapsite-search]');
	const input = box?.querySelector<HTMLInputElement>('input[type="search"]');
	const status = box?.querySelector<HTMLElement>('[data-mapsite-search-status]');
	const list = box?.querySelector<HTMLElement>('[data-mapsite-search-results]');
	// A second call (the loader re-wiring a page) must not add a second set of listeners.
	if (!box || !input || !status || !list || box.dataset.mounted !== undefined) return;
	box.dataset.mounted = '';
	const labels = readLabels(box);
	const plural = new Intl.PluralRules(document.documentElement.lang || undefined);
	let ready: Promise<PagefindModule> | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let latest = 0;

	const load = (): Promise<PagefindModule> => {
		ready ??= startPagefind(options).catch((error: unknown) => {
			// The next keystroke tries again: the failure may have been the network.
			ready = undefined;
			throw error;
		});
		return ready;
	};

	const run = async (term: string): Promise<void> => {
		const ticket = ++latest;
		if (term === '') {
			list.replaceChildren();
			status.textContent = '';
			return;
		}
		let pages: SearchPageHit[];
		try {
			if (!ready) status.textContent = labels.loading;
			const pagefind = await load();
			pages = await searchPages(pagefind, term, options.basePath);
		} catch (error) {
			if (ticket === latest) status.textContent = labels.unavailable;
			console.error('mapsite search:', error);
			return;
		}
		// A slower earlier search must not overwrite the answer to what the visitor typed last.
		if (ticket !== latest) return;
		const count = renderResults(list, pages);
		status.textContent =
			count === 0
				? fillSearchLabel(labels.noResults, { query: term })
				: fillSearchLabel(labels.resultCount[plural.select(count)] ?? labels.resultCount.other, { count: count.toLocaleString(document.documentElement.lang || undefined) });
	};

	input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
	input.addEventListener('input', () => {
		clearTimeout(timer);
		const term = input.value.trim();
		timer = setTimeout(() => void run(term), DEBOUNCE_MS);
	});
	box.addEventListener('keydown', (event) => moveFocus(event, box, input));
	box.hidden = false;
}

async function startPagefind(options: MountSearchOptions): Promise<PagefindModule> {
	const files = unpackArchive(await options.loadArchive());
	const runtimeDir = new URL('.', new URL(options.runtimeUrl, location.href)).pathname;
	installArchiveFetch(runtimeDir, files);
	const pagefind = (await import(/* @vite-ignore */ options.runtimeUrl)) as PagefindModule;
	// The worker would fetch the index itself, past the archive, so Pagefind runs on the main
	// thread. Result URLs in the index are already site-absolute, hence the root baseUrl.
	await pagefind.options({ basePath: runtimeDir, baseUrl: '/', noWorker: true, excerptLength: 24 });
	await pagefind.init();
	return pagefind;
}

async function searchPages(pagefind: PagefindModule, term: string, basePath: string): Promise<SearchPageHit[]> {
	const response = await pagefind.search(term);
	const fragments = await Promise.all((response?.results ?? []).slice(0, MAX_PAGES).map((result) => result.data()));
	return fragments
		.filter((fragment) => fragment.url.startsWith(basePath))
		.map((fragment) => {
			const title = fragment.meta.title ?? fragment.url;
			const subResults = fragment.sub_results ?? [];
			const hits = subResults.length > 0 ? subResults : [{ title, url: fragment.url, excerpt: fragment.excerpt }];
			return { title, url: fragment.url, hits: hits.map(({ title: hitTitle, url, excerpt }) => ({ title: hitTitle, url, excerpt })) };
		});
}

/** Arrow keys move between the box and the result links; Escape clears the box. */
function moveFocus(event: KeyboardEvent, box: HTMLElement, input: HTMLInputElement): void {
	const links = [...box.querySelectorAll<HTMLAnchorElement>('a.search__hit')];
	const at = links.indexOf(document.activeElement as HTMLAnchorElement);
	if (event.key === 'ArrowDown' && links.length > 0) {
		event.preventDefault();
		links[Math.min(at + 1, links.length - 1)].focus();
	} else if (event.key === 'ArrowUp' && at >= 0) {
		event.preventDefault();
		if (at === 0) input.focus();
		else links[at - 1].focus();
	} else if (event.key === 'Escape' && (input.value !== '' || at >= 0)) {
		input.value = '';
		input.dispatchEvent(new Event('input'));
		input.focus();
	}
}

function readLabels(box: HTMLElement): SearchLabels {
	try {
		return JSON.parse(box.dataset.labels ?? '') as SearchLabels;
	} catch {
		// The markup is built by SearchBox.astro, so this only happens if someone edits it by hand.
		return { label: '', placeholder: '', loading: '', unavailable: '', noResults: '', resultCount: { other: '{count}' } };
	}
}
