/**
 * Moves the site files only gated deals show (body images Astro optimised into `/_astro/`, files
 * under `public/`) out of the public site and into those deals' encrypted files archives, rewrites
 * the gated pages to load them from there, and then refuses to publish if any gated page still
 * points at a readable content file (fail closed).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chooseArchivedAssets, findExposedAssets, formatExposedAssets, listPageAssetReferences, pointAtArchivedAssets } from '../../lib/gate/deal-assets.ts';

/** A deal as this step needs it. */
export interface DealAssetsInput {
	routeId: string;
	/** The deal's plan file, for messages. */
	planFile: string;
	isGated: boolean;
	/** The deal's page paths (keys of `html`). */
	pages: readonly string[];
	/** The seller logo the password page shows: a site URL here is public by design. */
	sellerLogo?: string;
}

/** Thrown when a gated page would show a readable content file; lists every finding. */
export class ExposedAssetError extends Error {}

/** What the publisher does with the deals' assets. */
export interface ArchivedDealAssets {
	/** Every page's HTML, the gated ones pointing at their archived files. */
	html: Map<string, string>;
	/** Files (archive path to bytes) to add to each gated deal's files archive, by route id. */
	filesByDeal: Map<string, Map<string, Uint8Array>>;
	/** Shared site paths not to publish. */
	removed: Set<string>;
}

/**
 * Plans and reads the moves; `sharedPages` is the HTML of every page outside a deal (a 404 page),
 * `published` every shared path that would otherwise be published (staged and kept from before).
 */
export async function archiveDealAssets(options: {
	stageDir: string;
	deals: readonly DealAssetsInput[];
	html: ReadonlyMap<string, string>;
	shared: readonly string[];
	sharedPages: ReadonlyMap<string, string>;
	published: ReadonlySet<string>;
}): Promise<ArchivedDealAssets> {
	const publiclyShown = new Set<string>();
	const showPublicly = (page: string, html: string) => listPageAssetReferences(html, page).forEach((path) => publiclyShown.add(path));
	for (const [page, html] of options.sharedPages) showPublicly(page, html);
	for (const deal of options.deals) {
		if (!deal.isGated) for (const page of deal.pages) showPublicly(page, options.html.get(page)!);
		if (deal.sellerLogo?.startsWith('/') && !deal.sellerLogo.startsWith('//')) publiclyShown.add(deal.sellerLogo.slice(1).split(/[?#]/)[0]);
	}
	const gated = options.deals.filter((deal) => deal.isGated);
	const pagesOf = (deal: DealAssetsInput) => deal.pages.map((page) => ({ page, html: options.html.get(page)! }));
	const chosen = chooseArchivedAssets({ gatedPages: new Map(gated.map((deal) => [deal.routeId, pagesOf(deal)])), shared: new Set(options.shared), publiclyShown });
	const html = new Map(options.html);
	const filesByDeal = new Map<string, Map<string, Uint8Array>>();
	for (const [routeId, moved] of chosen.byDeal) {
		const deal = gated.find((candidate) => candidate.routeId === routeId)!;
		for (const page of deal.pages) html.set(page, pointAtArchivedAssets(html.get(page)!, page, moved));
		filesByDeal.set(routeId, new Map(await Promise.all([...moved].map(async ([sitePath, archivePath]) => [archivePath, new Uint8Array(await readFile(join(options.stageDir, sitePath)))] as const))));
	}
	const exposed = findExposedAssets({
		gatedPages: gated.flatMap((deal) => deal.pages.map((page) => ({ planFile: deal.planFile, page, html: html.get(page)! }))),
		published: new Set([...options.published].filter((path) => !chosen.removed.has(path))),
		publiclyShown,
	});
	if (exposed.length > 0) throw new ExposedAssetError(formatExposedAssets(exposed));
	return { html, filesByDeal, removed: chosen.removed };
}
