/**
 * The public assets of a deal's link previews: one PNG card per kind (satori + resvg, cached by a
 * hash of its inputs), one favicon, and the head tags that point at them. File names are content
 * hashes, so they say nothing about the buyer, and identical neutral cards are shared across deals.
 */
import { createHash } from 'node:crypto';
import { renderShareMeta } from '../../lib/gate/index.ts';
import type { SharePreviews } from '../../lib/og/share-preview.ts';
import { renderCardPng } from '../og-image.ts';

/** What a deal's previews need beyond the plan-derived content. */
export interface DealShareInput {
	routeId: string;
	lang: string;
	previews: SharePreviews;
	themeColor: string;
	favicon: string;
}

/** Public files to publish and the head tags for each page of the deal. */
export interface DealShareAssets {
	files: Map<string, Uint8Array>;
	/** Head tags for a page of the deal, by its path within the site (e.g. `<route>/summary/index.html`). */
	headTags(pagePath: string): string;
	cards: { rendered: number; cached: number };
}

/** Renders (or reuses) the deal's cards and favicon; `siteUrl` is the public origin without a trailing slash. */
export async function buildDealShareAssets(deal: DealShareInput, options: { siteUrl: string; cacheDir: string }): Promise<DealShareAssets> {
	const files = new Map<string, Uint8Array>();
	const cards = { rendered: 0, cached: 0 };
	const imagePaths = {} as Record<keyof SharePreviews, string>;
	for (const kind of ['deal', 'summary'] as const) {
		const card = await renderCardPng(deal.previews[kind].card, { cacheDir: options.cacheDir });
		cards[card.cached ? 'cached' : 'rendered']++;
		imagePaths[kind] = `_mapsite/og/${card.hash.slice(0, 20)}.png`;
		files.set(imagePaths[kind], card.png);
	}
	const iconHash = createHash('sha256').update(deal.favicon).digest('hex').slice(0, 12);
	const iconPath = `_mapsite/icons/${iconHash}.svg`;
	files.set(iconPath, new TextEncoder().encode(deal.favicon));
	return {
		files,
		cards,
		headTags(pagePath) {
			const kind = /(^|\/)summary\/index\.html$/.test(pagePath) ? 'summary' : 'deal';
			const preview = deal.previews[kind];
			return renderShareMeta({
				pageUrl: `${options.siteUrl}/${pagePath.replace(/index\.html$/, '')}`,
				imageUrl: `${options.siteUrl}/${imagePaths[kind]}`,
				title: preview.title,
				description: preview.description,
				imageAlt: preview.imageAlt,
				themeColor: deal.themeColor,
				iconUrl: `/${iconPath}`,
				locale: deal.lang,
			});
		},
	};
}
