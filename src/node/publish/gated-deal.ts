/**
 * Publishes one gated deal: each page becomes a neutral shell plus its encrypted content, and
 * every other file of the deal (calendars, images, the search index) goes into encrypted archives,
 * one per kind, so neither file names nor file counts describe the deal.
 */
import { buildFileAad, encodeUtf8, encryptFile, importContentKey, type WrappedContentKey } from '../../lib/crypto/index.ts';
import { renderGateShell, type GateLabels, type GateManifest } from '../../lib/gate/index.ts';
import { packArchive } from '../../lib/search/archive.ts';

const CONTENT = /<mapsite-content\b[\s\S]*<\/mapsite-content>/;
const STYLESHEET = /<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g;

export { FILES_ARCHIVE, SEARCH_ARCHIVE } from '../../lib/gate/archives.ts';

/** What a gated deal's files are encrypted and labelled with. */
export interface GatedDealKeys {
	routeId: string;
	lang: string;
	shellTitle: string;
	sellerName: string;
	sellerLogo?: string;
	brand?: { primary: string; accent?: string };
	labels: GateLabels;
	contentKey: Uint8Array;
	wrappedKey: WrappedContentKey;
	/** This build's id for the deal (createBuildId); every file and the manifest carry it. */
	buildId: string;
}

/** The published shell and payload of one page, by path within the site. */
export async function encryptGatedPage(path: string, html: string, deal: GatedDealKeys, options: { scriptUrl: string; headTags: string }): Promise<Map<string, Uint8Array>> {
	const content = CONTENT.exec(html)?.[0];
	if (!content) throw new Error(`${path}: has no <mapsite-content> element, so it cannot be gated; refusing to publish it.`);
	const payloadPath = `${path}.enc`;
	const aad = payloadPath.split('/').slice(1).join('/');
	const key = await importContentKey(deal.contentKey);
	const payload = await encryptFile(key, encodeUtf8(content), buildFileAad(deal.routeId, deal.buildId, aad));
	const manifest: GateManifest = { v: 2, dealId: deal.routeId, buildId: deal.buildId, wrappedKey: deal.wrappedKey, payload: payloadPath.split('/').at(-1)!, aad };
	const shell = renderGateShell({
		lang: deal.lang,
		title: deal.shellTitle,
		sellerName: deal.sellerName,
		sellerLogo: deal.sellerLogo,
		brand: deal.brand,
		labels: deal.labels,
		manifest,
		scriptUrl: options.scriptUrl,
		styleUrls: [...html.matchAll(STYLESHEET)].map((match) => match[1]),
		headTags: options.headTags,
	});
	return new Map([
		[path, encodeUtf8(shell)],
		[payloadPath, payload],
	]);
}

/**
 * Packs `files` (paths within the deal, e.g. `calendar/all.ics`) into one archive and encrypts
 * it (encryptFile pads it to a size bucket); the loader fetches `<route>/<name>` and finds a file in it by the same path.
 */
export async function encryptDealArchive(name: string, files: ReadonlyMap<string, Uint8Array>, deal: Pick<GatedDealKeys, 'routeId' | 'contentKey' | 'buildId'>): Promise<Uint8Array> {
	const key = await importContentKey(deal.contentKey);
	return encryptFile(key, packArchive(files), buildFileAad(deal.routeId, deal.buildId, name));
}
