/** Renders share cards to PNG with satori and resvg, caching each PNG under its content hash. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import {
	buildCardElement,
	CARD_FONT_FAMILIES,
	CARD_HEIGHT,
	CARD_WIDTH,
	type CardContent,
} from '../lib/og/card.ts';

const require = createRequire(import.meta.url);

/** Bump when the satori or resvg options here change; layout changes are hashed via the element tree. */
const RENDERER_VERSION = 'og-card/1';

// Latin covers English and Indonesian; latin-ext keeps names like "Łódź Logistics" from losing glyphs.
const FONT_FILES: { file: string; name: string; weight: 400 | 700 }[] = [
	{ file: 'inter-latin-400-normal.woff', name: CARD_FONT_FAMILIES.latin, weight: 400 },
	{ file: 'inter-latin-700-normal.woff', name: CARD_FONT_FAMILIES.latin, weight: 700 },
	{ file: 'inter-latin-ext-400-normal.woff', name: CARD_FONT_FAMILIES.latinExt, weight: 400 },
	{ file: 'inter-latin-ext-700-normal.woff', name: CARD_FONT_FAMILIES.latinExt, weight: 700 },
];

/** A rendered card and whether it came from the cache. */
export interface RenderedCard {
	png: Uint8Array;
	/** SHA-256 over the content, renderer versions and font bytes; also the cache file name. */
	hash: string;
	cached: boolean;
}

interface LoadedFonts {
	fonts: Font[];
	/** Changes whenever the renderer or the font files do, so it belongs in every card hash. */
	rendererIdentity: string;
}

let loadedFonts: Promise<LoadedFonts> | undefined;

/** Reads the Inter files once per process; satori is faster when given the same font objects. */
function loadFonts(): Promise<LoadedFonts> {
	loadedFonts ??= (async () => {
		const identity = createHash('sha256');
		identity.update(`${RENDERER_VERSION}\0satori@${readVersion('satori')}\0resvg@${readVersion('@resvg/resvg-js')}\0`);
		const fonts: Font[] = [];
		for (const { file, name, weight } of FONT_FILES) {
			const data = await readFile(require.resolve(`@fontsource/inter/files/${file}`));
			identity.update(data);
			fonts.push({ name, data, weight, style: 'normal' });
		}
		return { fonts, rendererIdentity: identity.digest('hex') };
	})();
	return loadedFonts;
}

function readVersion(packageName: string): string {
	// Not every package exports its package.json, so it is found next to the resolved entry point.
	const entry = require.resolve(packageName);
	const root = entry.slice(0, entry.lastIndexOf(`node_modules/${packageName}/`) + `node_modules/${packageName}/`.length);
	return (require(join(root, 'package.json')) as { version: string }).version;
}

/** The card as satori's SVG; with `embedFont: false` text stays in `<text>` so tests can read it. */
export async function renderCardSvg(content: CardContent, options: { embedFont?: boolean } = {}): Promise<string> {
	const { fonts } = await loadFonts();
	return satori(buildCardElement(content) as unknown as Parameters<typeof satori>[0], {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts,
		embedFont: options.embedFont ?? true,
		// Without this hook satori would have nothing to fetch, but a glyph outside the bundled fonts
		// must never turn into a network request, so missing glyphs simply stay missing.
		loadAdditionalAsset: async () => [],
	});
}

/** The cache key of a card: SHA-256 over its content, the renderer versions and the font bytes. */
export async function getCardHash(content: CardContent): Promise<string> {
	const { rendererIdentity } = await loadFonts();
	// The element tree is hashed with the content so a layout change cannot reuse a stale PNG.
	const layout = stringifyCanonically({ content, element: buildCardElement(content) });
	return createHash('sha256').update(`${layout}\0${rendererIdentity}`).digest('hex');
}

/** Renders the card to a 1200x630 PNG, reusing `<cacheDir>/<hash>.png` when it exists. */
export async function renderCardPng(content: CardContent, options: { cacheDir: string }): Promise<RenderedCard> {
	const hash = await getCardHash(content);
	const path = join(options.cacheDir, `${hash}.png`);
	const cached = await readFile(path).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return undefined;
		throw error;
	});
	if (cached) return { png: new Uint8Array(cached), hash, cached: true };

	const svg = await renderCardSvg(content);
	const rendered = await renderAsync(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
	const png = new Uint8Array(rendered.asPng());
	await mkdir(options.cacheDir, { recursive: true });
	await writeBytesAtomic(path, png);
	return { png, hash, cached: false };
}

/** Temp file plus rename, as in write-file-atomic.ts, which only writes strings. */
async function writeBytesAtomic(path: string, bytes: Uint8Array): Promise<void> {
	const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
	try {
		await writeFile(temp, bytes, { flag: 'wx' });
		await rename(temp, path);
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	}
}

/** JSON with object keys sorted, so the same content always hashes the same. */
function stringifyCanonically(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) =>
		inner && typeof inner === 'object' && !Array.isArray(inner)
			? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: inner,
	);
}
