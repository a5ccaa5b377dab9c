/**
 * Writes one deal's files into the folder being published: a public deal as readable pages with
 * packed archives beside them, a gated deal as shells, encrypted payloads and encrypted archives.
 */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { PUBLIC_DEAL_ID, PUBLIC_FILES_ARCHIVE, PUBLIC_SEARCH_ARCHIVE } from '../../lib/gate/archives.ts';
import { packArchive } from '../../lib/search/archive.ts';
import { encryptDealArchive, encryptGatedPage, FILES_ARCHIVE, SEARCH_ARCHIVE, type GatedDealKeys } from './gated-deal.ts';
import { readWithinDeal, writeInto } from './site-folder.ts';

/** What one deal's publishing needs beyond the deal itself. */
export interface DealFiles {
	/** The deal's page paths, with their HTML (diagrams drawn) in `html`. */
	pages: readonly string[];
	html: ReadonlyMap<string, string>;
	/** The deal's other staged files (calendars, images). */
	others: readonly string[];
	/** The search index files, when the deal has pages. */
	searchFiles?: ReadonlyMap<string, Uint8Array>;
	/** Link-preview head tags for a page path. */
	headTags(path: string): string;
}

/** Where to write and what the pages load. */
export interface DealTarget {
	stageDir: string;
	temp: string;
	/** URL of the bundled loader, e.g. `/_mapsite/gate-XXXX.js`. */
	loaderUrl: string;
}

/** How much one deal published. */
export interface DealPublished {
	encryptedPages: number;
	searchBytes: number;
}

/** Publishes a public deal: readable pages that load the loader for search, files and live statuses. */
export async function publishPublicDeal(routeId: string, files: DealFiles, target: DealTarget): Promise<DealPublished> {
	const script = `<script type="application/json" id="${PUBLIC_DEAL_ID}">${routeId}</script>\n<script type="module" src="${target.loaderUrl}"></script>`;
	for (const path of files.pages) await writeInto(target.temp, path, files.html.get(path)!.replace('</head>', `${files.headTags(path)}\n${script}\n</head>`));
	for (const path of files.others) await cp(join(target.stageDir, path), join(target.temp, path));
	const search = packArchive(files.searchFiles ?? new Map());
	await writeInto(target.temp, `${routeId}/${PUBLIC_SEARCH_ARCHIVE}`, search);
	await writeInto(target.temp, `${routeId}/${PUBLIC_FILES_ARCHIVE}`, packArchive(await readWithinDeal(target.stageDir, files.others)));
	return { encryptedPages: 0, searchBytes: search.length };
}

/** Publishes a gated deal: a shell and an encrypted payload per page, and its other files and search index in encrypted archives. */
export async function publishGatedDeal(keys: GatedDealKeys, files: DealFiles, target: DealTarget): Promise<DealPublished> {
	let searchBytes = 0;
	if (files.searchFiles) {
		const archive = await encryptDealArchive(SEARCH_ARCHIVE, files.searchFiles, keys);
		searchBytes = archive.length;
		await writeInto(target.temp, `${keys.routeId}/${SEARCH_ARCHIVE}`, archive);
	}
	for (const path of files.pages) {
		for (const [out, bytes] of await encryptGatedPage(path, files.html.get(path)!, keys, { scriptUrl: target.loaderUrl, headTags: files.headTags(path) })) {
			await writeInto(target.temp, out, bytes);
		}
	}
	if (files.others.length > 0) {
		await writeInto(target.temp, `${keys.routeId}/${FILES_ARCHIVE}`, await encryptDealArchive(FILES_ARCHIVE, await readWithinDeal(target.stageDir, files.others), keys));
	}
	return { encryptedPages: files.pages.length, searchBytes };
}
