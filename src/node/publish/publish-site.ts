/**
 * Turns Astro's staged build into the published site: every page of a gated deal becomes a
 * neutral shell plus an encrypted payload, the result is scanned for leaks, and only then is it
 * swapped into place, so `dist/` never holds plaintext or half a site.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { buildFileAad, encodeUtf8, encryptFile, importContentKey, wrapContentKey } from '../../lib/crypto/index.ts';
import { ENGLISH_GATE_LABELS, renderGateShell, type GateManifest } from '../../lib/gate/index.ts';
import { findLeaks, type Sentinel } from '../../lib/leak-scan.ts';
import { bundleGateLoader } from './bundle-loader.ts';
import { renderMermaidBlocks } from './render-mermaid-blocks.ts';

/** One deal as the publisher needs it. */
export interface DealToPublish {
	slug: string;
	routeId: string;
	/** Present for gated deals. */
	gate?: { password: string; contentKey: Uint8Array; iterations?: number };
	lang: string;
	shellTitle: string;
	sellerName: string;
}

/** What was published. */
export interface PublishResult {
	files: number;
	encrypted: number;
}

/** Thrown when the self-check finds deal text in a file about to be published. */
export class LeakError extends Error {
	readonly leaks: string[];
	constructor(leaks: string[]) {
		super(`The published site would reveal deal content, so nothing was published:\n${leaks.map((leak) => `  ${leak}`).join('\n')}`);
		this.leaks = leaks;
	}
}

const CONTENT = /<mapsite-content\b[\s\S]*<\/mapsite-content>/;
const STYLESHEET = /<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g;

async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

async function writeInto(root: string, path: string, data: string | Uint8Array): Promise<void> {
	await mkdir(dirname(join(root, path)), { recursive: true });
	await writeFile(join(root, path), data);
}

const NEUTRAL_PAGE = (title: string) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>${title}</title></head><body><main><h1>${title}</h1><p>Open the link you were sent to see your plan.</p></main></body></html>\n`;

/** Publishes `stageDir` into `distDir`; throws (publishing nothing) on any leak. */
export async function publishSite(options: {
	stageDir: string;
	distDir: string;
	deals: readonly DealToPublish[];
	sentinels: readonly Sentinel[];
	gatedSlugs: readonly string[];
	/** Where rendered diagrams are cached between builds. */
	cacheDir: string;
}): Promise<PublishResult> {
	const { stageDir, distDir, deals } = options;
	const temp = `${distDir}.tmp-${randomBytes(4).toString('hex')}`;
	let encrypted = 0;
	try {
		await mkdir(temp, { recursive: true });
		const loader = await bundleGateLoader();
		await writeInto(temp, `_mapsite/${loader.fileName}`, loader.code);
		const staged = await listFiles(stageDir);
		const byRoute = new Map(deals.map((deal) => [deal.routeId, deal]));
		const dealPages = new Map<string, string>();
		for (const path of staged) {
			if (path.endsWith('.html') && byRoute.has(path.split('/')[0])) dealPages.set(path, await readFile(join(stageDir, path), 'utf8'));
		}
		const pages = await renderMermaidBlocks(dealPages, join(options.cacheDir, 'mermaid'));
		for (const path of staged) {
			const deal = byRoute.get(path.split('/')[0]);
			if (!deal) {
				// Shared assets (CSS, fonts, robots.txt) carry no deal content; the leak scan checks that too.
				await writeInto(temp, path, await readFile(join(stageDir, path)));
				continue;
			}
			if (!deal.gate) {
				if (pages.has(path)) await writeInto(temp, path, pages.get(path)!);
				else await cp(join(stageDir, path), join(temp, path));
				continue;
			}
			if (!path.endsWith('.html')) {
				throw new Error(`${path}: gated deals may only publish pages for now; refusing to copy it unencrypted.`);
			}
			encrypted++;
			await publishGatedPage(temp, path, pages.get(path)!, deal, `/_mapsite/${loader.fileName}`);
		}
		for (const page of ['index.html', '404.html']) {
			if (!staged.includes(page)) await writeInto(temp, page, NEUTRAL_PAGE('Mutual action plan'));
		}
		const published = await listFiles(temp);
		const files = await Promise.all(published.map(async (path) => ({ path, bytes: new Uint8Array(await readFile(join(temp, path))) })));
		const leaks = await findLeaks(files, options.sentinels, options.gatedSlugs);
		if (leaks.length > 0) throw new LeakError(leaks);
		const old = `${distDir}.old-${randomBytes(4).toString('hex')}`;
		await rename(distDir, old).catch((error: NodeJS.ErrnoException) => {
			if (error.code !== 'ENOENT') throw error;
		});
		await rename(temp, distDir);
		await rm(old, { recursive: true, force: true });
		return { files: published.length, encrypted };
	} catch (error) {
		await rm(temp, { recursive: true, force: true });
		throw error;
	}
}

const wrappedKeys = new Map<string, Awaited<ReturnType<typeof wrapContentKey>>>();

async function publishGatedPage(temp: string, path: string, html: string, deal: DealToPublish, scriptUrl: string): Promise<void> {
	const gate = deal.gate!;
	const content = CONTENT.exec(html)?.[0];
	if (!content) throw new Error(`${path}: has no <mapsite-content> element, so it cannot be gated; refusing to publish it.`);
	// One PBKDF2 wrap per deal and build: every page of the deal shares the wrapped key.
	let wrappedKey = wrappedKeys.get(deal.routeId);
	if (!wrappedKey) {
		wrappedKey = await wrapContentKey(gate.password, gate.contentKey, deal.routeId, gate.iterations ? { iterations: gate.iterations } : {});
		wrappedKeys.set(deal.routeId, wrappedKey);
	}
	const payloadPath = `${path}.enc`;
	const aad = payloadPath.split('/').slice(1).join('/');
	const key = await importContentKey(gate.contentKey);
	await writeInto(temp, payloadPath, await encryptFile(key, encodeUtf8(content), buildFileAad(deal.routeId, aad)));
	const manifest: GateManifest = { v: 1, dealId: deal.routeId, wrappedKey, payload: payloadPath.split('/').at(-1)!, aad };
	const styleUrls = [...html.matchAll(STYLESHEET)].map((match) => match[1]);
	const shell = renderGateShell({
		lang: deal.lang,
		title: deal.shellTitle,
		sellerName: deal.sellerName,
		labels: ENGLISH_GATE_LABELS,
		manifest,
		scriptUrl,
		styleUrls,
	});
	await writeInto(temp, path, shell);
}
