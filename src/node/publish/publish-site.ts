/**
 * Turns Astro's staged build into the published site: diagrams drawn, every page of a gated deal
 * made a neutral shell plus an encrypted payload, its other files and search index packed into
 * encrypted archives, link previews rendered, the result scanned for leaks, and only then swapped
 * into place, so `dist/` never holds plaintext or half a site.
 */
import { randomBytes } from 'node:crypto';
import { cp, link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { WrappedContentKey } from '../../lib/crypto/index.ts';
import type { GateLabels } from '../../lib/gate/index.ts';
import { findLeaks, formatLeak, type Leak, type Sentinel } from '../../lib/leak-scan.ts';
import { mapLimit } from '../../lib/map-limit.ts';
import { buildDealSearchIndex } from '../search/build-deal-index.ts';
import { getPagefindRuntime, PAGEFIND_RUNTIME_DIR } from '../search/pagefind-runtime.ts';
import { listFiles, replaceDirectory } from '../site-files.ts';
import { bundleGateLoader } from './bundle-loader.ts';
import { addPolicyToPages } from './add-content-security-policy.ts';
import { buildContentSecurityPolicy } from '../../lib/gate/content-security-policy.ts';
import { PUBLIC_DEAL_ID, PUBLIC_FILES_ARCHIVE, PUBLIC_SEARCH_ARCHIVE } from '../../lib/gate/archives.ts';
import { packArchive } from '../../lib/search/archive.ts';
import { encryptDealArchive, encryptGatedPage, FILES_ARCHIVE, SEARCH_ARCHIVE } from './gated-deal.ts';
import { renderMermaidBlocks } from './render-mermaid-blocks.ts';
import { buildDealShareAssets, type DealShareInput } from './share-assets.ts';

/** One deal as the publisher needs it. */
export interface DealToPublish {
	slug: string;
	routeId: string;
	lang: string;
	shellTitle: string;
	sellerName: string;
	/** The seller's logo for the password page: a public URL or a data URI (never the buyer's). */
	sellerLogo?: string;
	/** The deal's brand colours, for the password page. */
	brand?: { primary: string; accent?: string };
	gateLabels: GateLabels;
	/** Present for gated deals: the content key and the key wrapped under the deal's password. */
	gate?: { contentKey: Uint8Array; wrappedKey: WrappedContentKey };
	/** Link previews. */
	share?: Omit<DealShareInput, 'routeId' | 'lang'>;
}

/** Milliseconds per publishing phase (wall time; images and search run side by side, so they overlap). */
export interface PublishTimings {
	diagrams: number;
	images: number;
	search: number;
	encrypt: number;
	leakScan: number;
	swap: number;
}

/** What was published. */
export interface PublishResult {
	files: number;
	encrypted: number;
	cards: { rendered: number; cached: number };
	searchBytes: number;
	timings: PublishTimings;
}

/** Thrown when the self-check finds text of a gated plan in a file about to be published; lists every leak. */
export class LeakError extends Error {
	readonly leaks: Leak[];
	constructor(leaks: Leak[]) {
		super(
			[
				`The published site would show text of a gated plan outside its encrypted pages, so nothing was published (the published folder is unchanged). ${leaks.length} finding${leaks.length === 1 ? '' : 's'}:`,
				...leaks.map((leak) => `  ${formatLeak(leak)}`),
				'What to do, for each line:',
				'  - If the file is one you added (a logo, or a file under public/), rename it or take the text out of it.',
				'  - If the phrase is ordinary wording that happens to match the file, reword that field in the plan.',
				'  - Otherwise the site itself put deal text in a readable file: do not publish by hand; send this message to whoever maintains the site.',
			].join('\n'),
		);
		this.leaks = leaks;
	}
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

async function writeInto(root: string, path: string, data: string | Uint8Array): Promise<void> {
	await mkdir(dirname(join(root, path)), { recursive: true });
	// The path may be a hard link into the published site (see linkOtherDeals): replace, never write through it.
	await rm(join(root, path), { force: true });
	await writeFile(join(root, path), data);
}

const NEUTRAL_PAGE = (title: string) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>${title}</title></head><body><main><h1>${title}</h1><p>Open the link you were sent to see your plan.</p></main></body></html>\n`;

// Search engines have no business here: every deal is unlisted, gated or not.
const ROBOTS = 'User-agent: *\nDisallow: /\n';

/** Publishes `stageDir` into `distDir`; throws (publishing nothing) on any leak. */
export async function publishSite(options: PublishOptions): Promise<PublishResult> {
	const { stageDir, distDir, deals } = options;
	if (!options.siteUrl) throw new Error('publishSite needs siteUrl for link previews.');
	const timings: PublishTimings = { diagrams: 0, images: 0, search: 0, encrypt: 0, leakScan: 0, swap: 0 };
	const timed = async <T>(phase: keyof PublishTimings, work: () => Promise<T>): Promise<T> => {
		const started = performance.now();
		try {
			return await work();
		} finally {
			timings[phase] += performance.now() - started;
		}
	};
	const temp = `${distDir}.tmp-${randomBytes(4).toString('hex')}`;
	let encrypted = 0;
	let searchBytes = 0;
	const cards = { rendered: 0, cached: 0 };
	try {
		await mkdir(temp, { recursive: true });
		const byRoute = new Map(deals.map((deal) => [deal.routeId, deal]));
		const kept = options.keepOtherDeals ? await linkOtherDeals(distDir, temp, new Set([...byRoute.keys(), ...(options.removeRoutes ?? [])])) : new Set<string>();
		const loader = await bundleGateLoader();
		for (const [name, code] of loader.files) await writeInto(temp, `_mapsite/${name}`, code);
		const staged = await listFiles(stageDir);
		const filesByDeal = new Map<string, string[]>();
		for (const path of staged) {
			const deal = byRoute.get(path.split('/')[0]);
			if (!deal) {
				// Shared assets (CSS, fonts) carry no deal content; the leak scan checks that too.
				await writeInto(temp, path, await readFile(join(stageDir, path)));
				continue;
			}
			const list = filesByDeal.get(deal.routeId);
			if (list) list.push(path);
			else filesByDeal.set(deal.routeId, [path]);
		}
		const htmlPaths = staged.filter((path) => path.endsWith('.html') && filesByDeal.has(path.split('/')[0]));
		const staticPages = new Map(await Promise.all(htmlPaths.map(async (path) => [path, await readFile(join(stageDir, path), 'utf8')] as const)));
		if (deals.some((deal) => deal.gate)) {
			for (const file of await timed('search', () => getPagefindRuntime())) await writeInto(temp, `${PAGEFIND_RUNTIME_DIR.slice(1)}${file.name}`, file.bytes);
		}
		const pages = await timed('diagrams', () => renderMermaidBlocks(staticPages, join(options.cacheDir, 'mermaid')));
		// Phase by phase, each over all deals a few at a time, so wall times per phase stay meaningful.
		// Cards (satori, in this process) and search (Pagefind's own process) run side by side: on a
		// small machine each keeps a different core busy. Measured at 200 deals, drawing diagrams at
		// the same time as well made the build slower (the Chromium batch competes for both cores).
		const pagesOf = (deal: DealToPublish) => (filesByDeal.get(deal.routeId) ?? []).filter((path) => pages.has(path));
		const [shares, indexes] = await Promise.all([
					timed('images', () =>
						mapLimit(deals, 2, async (deal) =>
							deal.share ? buildDealShareAssets({ ...deal.share, routeId: deal.routeId, lang: deal.lang }, { siteUrl: options.siteUrl!, cacheDir: join(options.cacheDir, 'og') }) : undefined,
						),
					),
					timed('search', () =>
						mapLimit(deals, 4, (deal) =>
							buildDealSearchIndex(
								pagesOf(deal).map((path) => ({ url: `/${path.replace(/index\.html$/, '')}`, html: pages.get(path)! })),
								{ language: deal.lang },
							),
						),
					),
				]);
		for (const share of shares) {
			if (!share) continue;
			cards.rendered += share.cards.rendered;
			cards.cached += share.cards.cached;
			for (const [path, bytes] of share.files) await writeInto(temp, path, bytes);
		}
		await timed('encrypt', () =>
			mapLimit(deals, 8, async (deal, at) => {
				const paths = filesByDeal.get(deal.routeId) ?? [];
				const headTags = (path: string) => shares[at]?.headTags(path) ?? '';
				const dealPages = pagesOf(deal);
				const others = paths.filter((path) => !pages.has(path));
				const index = indexes[at];
				if (!deal.gate) {
					// A public deal is readable as published; the loader still brings its search, files and live statuses.
					const script = `<script type="application/json" id="${PUBLIC_DEAL_ID}">${deal.routeId}</script>\n<script type="module" src="/_mapsite/${loader.fileName}"></script>`;
					for (const path of dealPages) await writeInto(temp, path, pages.get(path)!.replace('</head>', `${headTags(path)}\n${script}\n</head>`));
					for (const path of others) await cp(join(stageDir, path), join(temp, path));
					const packed = packArchive(index!.files);
					searchBytes += packed.length;
					await writeInto(temp, `${deal.routeId}/${PUBLIC_SEARCH_ARCHIVE}`, packed);
					await writeInto(temp, `${deal.routeId}/${PUBLIC_FILES_ARCHIVE}`, packArchive(await readWithin(stageDir, others)));
					return;
				}
				const keys = { ...deal.gate, routeId: deal.routeId, lang: deal.lang, shellTitle: deal.shellTitle, sellerName: deal.sellerName, sellerLogo: deal.sellerLogo, brand: deal.brand, labels: deal.gateLabels };
				if (index) {
					const archive = await encryptDealArchive(SEARCH_ARCHIVE, index.files, keys);
					searchBytes += archive.length;
					await writeInto(temp, `${deal.routeId}/${SEARCH_ARCHIVE}`, archive);
				}
				for (const path of dealPages) {
					encrypted++;
					for (const [out, bytes] of await encryptGatedPage(path, pages.get(path)!, keys, { scriptUrl: `/_mapsite/${loader.fileName}`, headTags: headTags(path) })) {
						await writeInto(temp, out, bytes);
					}
				}
				if (others.length > 0) await writeInto(temp, `${deal.routeId}/${FILES_ARCHIVE}`, await encryptDealArchive(FILES_ARCHIVE, await readWithin(stageDir, others), keys));
			}),
		);
		for (const page of ['index.html', '404.html']) {
			if (!staged.includes(page)) await writeInto(temp, page, NEUTRAL_PAGE('Mutual action plan'));
		}
		await writeInto(temp, 'robots.txt', ROBOTS);
		const published = await listFiles(temp);
		// Kept pages are linked from the published site and already carry it.
		await addPolicyToPages(temp, published.filter((path) => !kept.has(path)), buildContentSecurityPolicy({ relayUrl: options.relayUrl }));
		await timed('leakScan', async () => {
			// A file still linked to the published one is byte for byte what an earlier build scanned.
			const fresh = [];
			for (const path of published) if (!kept.has(path) || !(await isSameFile(join(temp, path), join(distDir, path)))) fresh.push(path);
			const files = await Promise.all(fresh.map(async (path) => ({ path, bytes: new Uint8Array(await readFile(join(temp, path))) })));
			const leaks = await findLeaks(files, options.sentinels, options.gatedSlugs);
			if (leaks.length > 0) throw new LeakError(leaks);
		});
		await timed('swap', () => replaceDirectory(temp, distDir));
		return { files: published.length, encrypted, cards, searchBytes, timings };
	} catch (error) {
		await rm(temp, { recursive: true, force: true });
		throw error;
	}
}

async function isSameFile(a: string, b: string): Promise<boolean> {
	const [first, second] = await Promise.all([stat(a), stat(b).catch(() => undefined)]);
	return second !== undefined && first.ino === second.ino && first.dev === second.dev;
}

// The deal's non-page files by their path within the deal, as the loader asks for them.
async function readWithin(stageDir: string, paths: readonly string[]): Promise<Map<string, Uint8Array>> {
	return new Map(await Promise.all(paths.map(async (path) => [path.split('/').slice(1).join('/'), new Uint8Array(await readFile(join(stageDir, path)))] as const)));
}

// A build of some deals keeps everything else of the published site: other deals' folders and
// shared assets that older shells may still reference (a new build adds, never removes, those).
// Hard links make that cheap and leave the published files untouched; returns every linked path.
async function linkOtherDeals(distDir: string, temp: string, skip: ReadonlySet<string>): Promise<Set<string>> {
	const kept = new Set<string>();
	const entries = await readdir(distDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return [];
		throw error;
	});
	for (const entry of entries) {
		if (skip.has(entry.name)) continue;
		const paths = entry.isDirectory() ? (await listFiles(join(distDir, entry.name))).map((path) => `${entry.name}/${path}`) : [entry.name];
		for (const path of paths) {
			await mkdir(dirname(join(temp, path)), { recursive: true });
			await link(join(distDir, path), join(temp, path)).catch(async (error: NodeJS.ErrnoException) => {
				// Another file system, or links not allowed: copy instead.
				if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
				await cp(join(distDir, path), join(temp, path));
			});
			kept.add(path);
		}
	}
	return kept;
}
