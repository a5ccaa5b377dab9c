/**
 * Everything a deal page does once its content is on screen, gated or public: live statuses,
 * the print button, calendar downloads, feedback forms and search. The gate passes functions that
 * fetch and decrypt; a public page passes plain fetches.
 */
import { getViewerToday, refreshLiveStatuses } from './live-status.ts';
import { findLinkedElement } from './linked-element.ts';
import { wirePageViews } from './page-views.ts';
import { unpackArchive } from '../lib/search/archive.ts';
import { linkFilesDirectly } from './calendar-links.ts';
import { hasArchivedImages, showArchivedImages } from './archived-images.ts';

/** Where the page's extra files come from. */
export interface PageSources {
	/** `/<routeId>/`. */
	basePath: string;
	/** The deal's packed files archive (calendars), decrypted when gated. */
	loadFiles: () => Promise<Uint8Array>;
	/** The deal's packed search index, decrypted when gated. */
	loadSearch: () => Promise<Uint8Array>;
	/** Reports a failure in the page's status line. */
	say: (message: string) => void;
	/** Message for a file that could not be fetched or opened. */
	fileFailed: string;
}

/** Where the public Pagefind runtime is published (src/node/search/pagefind-runtime.ts). */
const PAGEFIND_RUNTIME = '/_mapsite/pagefind/pagefind.js';

/** Wires `content`; safe to call once per page load. */
export function enhancePage(content: Element, sources: PageSources): void {
	// Images, calendar links and downloads share one fetch of the archive; a failed one is tried again next time.
	let archive: Promise<Uint8Array> | undefined;
	const loadFiles = () => {
		archive ??= sources.loadFiles().catch((error: unknown) => {
			archive = undefined;
			throw error;
		});
		return archive;
	};
	// Started before anything else: a gated body image is drawn only once its archive is open.
	if (hasArchivedImages(content)) {
		loadFiles()
			.then(unpackArchive)
			.then((files) => {
				if (showArchivedImages(content, files) > 0) sources.say(sources.fileFailed);
			})
			.catch(() => sources.say(sources.fileFailed));
	}
	// The plan's statuses were computed on the day of the build; the viewer's today may be later.
	refreshLiveStatuses(content, getViewerToday());
	wirePageViews(content);
	revealLinkedItem(content);
	linkFilesDirectly(content, loadFiles);
	// Feedback and search are separate chunks, fetched only for pages that have them, and after the
	// content has painted, so a phone's first screen is not held up by them.
	setTimeout(() => {
		if (content.querySelector('form[data-mapsite-feedback]')) void import('./feedback/index.ts').then(({ wireFeedbackForms }) => wireFeedbackForms(content));
		if (content.querySelector('[data-mapsite-search]')) {
			void import('./search/index.ts').then(({ mountSearch }) => mountSearch(content, { runtimeUrl: PAGEFIND_RUNTIME, loadArchive: sources.loadSearch, basePath: sources.basePath }));
		}
	}, 0);
	let files: Promise<Map<string, Uint8Array>> | undefined;
	content.addEventListener('click', (event) => {
		const target = event.target instanceof Element ? event.target : null;
		if (target?.closest('[data-mapsite-print]')) {
			event.preventDefault();
			window.print();
			return;
		}
		const link = target?.closest<HTMLAnchorElement>('a[data-mapsite-file]');
		if (!link) return;
		event.preventDefault();
		files ??= loadFiles().then(unpackArchive);
		files.then(
			(archive) => {
				const path = link.dataset.mapsiteFile ?? '';
				const bytes = archive.get(path);
				if (!bytes) throw new Error(`No file ${path}`);
				download(bytes, link.getAttribute('download') || path.split('/').at(-1)!, link.type || 'application/octet-stream');
			},
			(error: unknown) => {
				files = undefined;
				throw error;
			},
		).catch(() => sources.say(sources.fileFailed));
	});
}

// The browser looked for the URL's #item before the decrypted content existed, so it is done here.
function revealLinkedItem(content: Element): void {
	const target = findLinkedElement(content);
	if (!target) return;
	target.scrollIntoView({ block: 'start' });
	if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
	target.focus({ preventScroll: true });
}

function download(bytes: Uint8Array, name: string, type: string): void {
	const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
	const anchor = document.createElement('a');
	anchor.href = url;
	anchor.download = name;
	anchor.hidden = true;
	document.body.append(anchor);
	anchor.click();
	anchor.remove();
	// Some browsers read the blob after the click returns.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
