/**
 * Turns Astro's staged build into the published site: diagrams drawn, every page of a gated deal
 * made a neutral shell plus an encrypted payload, its other files, the images only it shows and its
 * search index packed into encrypted archives, link previews rendered, the result scanned for leaks, and only then swapped
 * into place, so `dist/` never holds plaintext or half a site. Each step lives in its own file;
 * this one only puts them in order.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { WrappedContentKey } from '../../lib/crypto/index.ts';
import type { GateLabels } from '../../lib/gate/index.ts';
import type { Sentinel } from '../../lib/leak-scan.ts';
import { mapLimit } from '../../lib/map-limit.ts';
import { buildDealSearchIndex } from '../search/build-deal-index.ts';
import { getPagefindRuntime, PAGEFIND_RUNTIME_DIR } from '../search/pagefind-runtime.ts';
import { holdPagefindService } from '../search/pagefind-service.ts';
import { listFiles, replaceDirectory } from '../site-files.ts';
import { buildContentSecurityPolicy } from '../../lib/gate/content-security-policy.ts';
import { addPolicyToPages } from './add-content-security-policy.ts';
import { bundleGateLoader } from './bundle-loader.ts';
import { writeFixedPages } from './fixed-pages.ts';
import { checkForLeaks } from './leak-check.ts';
import { createPhaseTimer, type PublishTimings } from './phase-timer.ts';
import { publishGatedDeal, publishPublicDeal, type DealFiles } from './publish-deal.ts';
import { archiveDealAssets } from './archive-deal-assets.ts';
import { renderMermaidBlocks } from './render-mermaid-blocks.ts';
import { buildDealShareAssets, type DealShareAssets, type DealShareInput } from './share-assets.ts';
import { linkOtherDeals, writeInto } from './site-folder.ts';
import { readStagedFiles } from './staged-files.ts';

export { LeakError } from './leak-check.ts';
export { ExposedAssetError } from './archive-deal-assets.ts';

/** Deals published at a time; see the loop in publishSite. */
const PUBLISH_BATCH = 24;
export type { PublishTimings } from './phase-timer.ts';

/** One deal as the publisher needs it. */
export interface DealToPublish {
	slug: string;
	/** The deal's plan file (e.g. `plans/acme.mdx`), for messages; the slug stands in when missing. */
	planFile?: string;
	routeId: string;
	lang: string;
	shellTitle: string;
	sellerName: string;
	/** The seller's logo for the password page: a public URL or a data URI (never the buyer's). */
	sellerLogo?: string;
	/** The deal's brand colours, for the password page. */
	brand?: { primary: string; accent?: string };
	gateLabels: GateLabels;
	/** Present for gated deals: the content key, the key wrapped under the deal's password, and this build's id for the deal. */
	gate?: { contentKey: Uint8Array; wrappedKey: WrappedContentKey; buildId: string };
	/** Link previews. */
	share?: Omit<DealShareInput, 'routeId' | 'lang'>;
}

/** What was published. */
export interface PublishResult {
	files: number;
	encrypted: number;
	cards: { rendered: number; cached: number };
	searchBytes: number;
	timings: PublishTimings;
}

/** Options of publishSite. */
export interface PublishOptions {
	stageDir: string;
	distDir: string;
	deals: readonly DealToPublish[];
	sentinels: readonly Sentinel[];
	gatedSlugs: readonly string[];
	/** Where rendered diagrams and cards are cached between builds. */
	cacheDir: string;
	/** Public origin for absolute preview URLs. */
	siteUrl?: string;
	/** Keep the other deals already in `distDir` (a build of some deals only). */
	keepOtherDeals?: boolean;
	/** Deal folders in `distDir` not to keep: deals removed from the plans or moved to another path. */
	removeRoutes?: readonly string[];
	/** The feedback relay's endpoint, the one other origin the pages' Content-Security-Policy lets them reach. */
	relayUrl?: string;
}

/** Publishes `stageDir` into `distDir`; throws (publishing nothing) on any leak. */
export function publishSite(options: PublishOptions): Promise<PublishResult> {
	// One Pagefind process serves every deal's index, batch after batch.
	return holdPagefindService(() => publishStaged(options));
}

async function publishStaged(options: PublishOptions): Promise<PublishResult> {
	const { stageDir, distDir, deals } = options;
	const siteUrl = options.siteUrl;
	if (!siteUrl) throw new Error('publishSite needs siteUrl for link previews.');
	const { timings, time } = createPhaseTimer();
	const temp = `${distDir}.tmp-${randomBytes(4).toString('hex')}`;
	try {
		await mkdir(temp, { recursive: true });
		const routeIds = new Set(deals.map((deal) => deal.routeId));
		const kept = options.keepOtherDeals ? await linkOtherDeals(distDir, temp, new Set([...routeIds, ...(options.removeRoutes ?? [])])) : new Set<string>();
		const loader = await bundleGateLoader();
		for (const [name, code] of loader.files) await writeInto(temp, `_mapsite/${name}`, code);
		const staged = await readStagedFiles(stageDir, routeIds);
		// Every deal page's search box loads this runtime, a public deal's as much as a gated one's.
		for (const file of await time('search', () => getPagefindRuntime())) await writeInto(temp, `${PAGEFIND_RUNTIME_DIR.slice(1)}${file.name}`, file.bytes);
		const drawn = await time('diagrams', () => renderMermaidBlocks(staged.dealPages, join(options.cacheDir, 'mermaid')));
		// The pages as Astro wrote them are not needed once their diagrams are drawn.
		staged.dealPages.clear();
		const pagePaths = new Set(drawn.keys());
		const pagesOf = (deal: DealToPublish) => (staged.byDeal.get(deal.routeId) ?? []).filter((path) => pagePaths.has(path));
		// Images only gated deals show go into their encrypted archives; the rest must be public anyway.
		const assets = await archiveDealAssets({
			stageDir,
			deals: deals.map((deal) => ({ routeId: deal.routeId, planFile: deal.planFile ?? deal.slug, isGated: deal.gate !== undefined, pages: pagesOf(deal), sellerLogo: deal.sellerLogo })),
			html: drawn,
			shared: staged.shared,
			sharedPages: new Map(await Promise.all(staged.shared.filter((path) => path.endsWith('.html')).map(async (path) => [path, await readFile(join(stageDir, path), 'utf8')] as const))),
			published: new Set([...staged.shared, ...kept]),
		});
		// Only the rewritten pages are kept, so the batches below free each deal's HTML once written.
		drawn.clear();
		const html = assets.html;
		// Shared assets (CSS, fonts) carry no deal content; the leak scan checks that too.
		for (const path of staged.shared) if (!assets.removed.has(path)) await writeInto(temp, path, await readFile(join(stageDir, path)));
		// An older build may have published such a file readable; it goes now (its pages stay unreadable).
		for (const path of assets.removed) if (kept.delete(path)) await rm(join(temp, path), { force: true });
		const target = { stageDir, temp, loaderUrl: `/_mapsite/${loader.fileName}` };
		const cards = { rendered: 0, cached: 0 };
		const published: Awaited<ReturnType<typeof publishPublicDeal>>[] = [];
		// Deals go through in batches, so a batch's cards, search indexes and pages are dropped once
		// written: holding all 200 deals' at once made publishing the build's memory peak.
		// Within a batch, cards (satori, in this process) and search (Pagefind's own process) run side
		// by side: on a small machine each keeps a different core busy. Measured at 200 deals, drawing
		// diagrams at the same time as well made the build slower (the Chromium batch competes for both cores).
		for (let first = 0; first < deals.length; first += PUBLISH_BATCH) {
			const batch = deals.slice(first, first + PUBLISH_BATCH);
			const [shares, indexes] = await Promise.all([
				time('images', () => mapLimit(batch, 2, (deal) => buildShareAssets(deal, siteUrl, options.cacheDir))),
				time('search', () =>
					mapLimit(batch, 4, (deal) => buildDealSearchIndex(pagesOf(deal).map((path) => ({ url: `/${path.replace(/index\.html$/, '')}`, html: html.get(path)! })), { language: deal.lang })),
				),
			]);
			for (const share of shares) {
				if (!share) continue;
				cards.rendered += share.cards.rendered;
				cards.cached += share.cards.cached;
				for (const [path, bytes] of share.files) await writeInto(temp, path, bytes);
			}
			const written = await time('encrypt', () =>
				mapLimit(batch, 8, (deal, at) => {
					const pages = pagesOf(deal);
					const files: DealFiles = {
						pages,
						html,
						others: (staged.byDeal.get(deal.routeId) ?? []).filter((path) => !pagePaths.has(path)),
						searchFiles: indexes[at]?.files,
						archivedAssets: assets.filesByDeal.get(deal.routeId),
						headTags: (path) => shares[at]?.headTags(path) ?? '',
					};
					if (!deal.gate) return publishPublicDeal(deal.routeId, files, target);
					const keys = { ...deal.gate, routeId: deal.routeId, lang: deal.lang, shellTitle: deal.shellTitle, sellerName: deal.sellerName, sellerLogo: deal.sellerLogo, brand: deal.brand, labels: deal.gateLabels };
					return publishGatedDeal(keys, files, target);
				}),
			);
			published.push(...written);
			for (const deal of batch) for (const path of pagesOf(deal)) html.delete(path);
		}
		await writeFixedPages(temp, staged.all);
		const paths = await listFiles(temp);
		// Every page, kept ones too: a kept page that already carries this policy is left as it is.
		await addPolicyToPages(temp, paths, buildContentSecurityPolicy({ relayUrl: options.relayUrl }));
		await time('leakScan', () => checkForLeaks({ temp, distDir, paths, kept, sentinels: options.sentinels, gatedSlugs: options.gatedSlugs }));
		await time('swap', () => replaceDirectory(temp, distDir));
		const sum = (pick: (deal: (typeof published)[number]) => number) => published.reduce((total, deal) => total + pick(deal), 0);
		return { files: paths.length, encrypted: sum((deal) => deal.encryptedPages), cards, searchBytes: sum((deal) => deal.searchBytes), timings };
	} catch (error) {
		await rm(temp, { recursive: true, force: true });
		throw error;
	}
}

function buildShareAssets(deal: DealToPublish, siteUrl: string, cacheDir: string): Promise<DealShareAssets | undefined> {
	if (!deal.share) return Promise.resolve(undefined);
	return buildDealShareAssets({ ...deal.share, routeId: deal.routeId, lang: deal.lang }, { siteUrl, cacheDir: join(cacheDir, 'og') });
}
