/** Turns Mermaid sources into inline SVG at build time, with a content-addressed disk cache. */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { isFlowchart } from './diagram-type.ts';
import { readPackageVersion } from './package-info.ts';
import { BEAUTIFUL_OPTIONS, BEAUTIFUL_REPAIRS_VERSION, renderWithBeautiful, type BeautifulResult } from './render-with-beautiful.ts';
import { CHROMIUM_MERMAID_CONFIG, isChromiumAvailable, renderWithChromium } from './render-with-chromium.ts';
import { SANITIZER_VERSION, sanitizeSvg } from './sanitize-svg.ts';

/** Which engine drew a diagram. */
export type RendererId = 'beautiful-mermaid' | 'chromium-mermaid';

/** One diagram's outcome: inline SVG, the renderer's error, or a request to render in the browser. */
export type RenderedDiagram =
	| { svg: string; renderer: RendererId; cached: boolean }
	| { error: Error; renderer: RendererId }
	| { fallback: true };

/** Where the cache lives, and injectable renderers so tests can count and fake renders. */
export interface RenderDiagramsOptions {
	cacheDir: string;
	renderChromium?: (sources: string[]) => Promise<Map<string, string | Error>>;
	renderBeautiful?: (sources: string[]) => BeautifulResult;
	hasChromium?: boolean;
}

/**
 * Renders every distinct source once. Flowcharts go to beautiful-mermaid (in-process; measured
 * by scripts/bench-mermaid.ts at ~13x cheaper per diagram than a 50-diagram Chromium batch, and
 * it keeps classes, subgraphs and link styles); all other types go to Mermaid in one Chromium batch. SVG is sanitised and cached by SHA-256 of
 * source, renderer and its version, so unchanged diagrams never start a browser. Without
 * Chromium, non-flowcharts come back as `{ fallback: true }` for client-side Mermaid.
 */
export async function renderDiagrams(
	sources: readonly string[],
	options: RenderDiagramsOptions,
): Promise<Map<string, RenderedDiagram>> {
	const results = new Map<string, RenderedDiagram>();
	const toRender = new Map<RendererId, string[]>([['beautiful-mermaid', []], ['chromium-mermaid', []]]);
	const keys = new Map<string, string>();
	await mkdir(options.cacheDir, { recursive: true });

	for (const source of new Set(sources)) {
		const renderer = pickRenderer(source);
		const key = getCacheKey(source, renderer);
		keys.set(source, key);
		const cached = await readFile(join(options.cacheDir, `${key}.svg`), 'utf8').catch(() => undefined);
		if (cached !== undefined) results.set(source, { svg: cached, renderer, cached: true });
		else toRender.get(renderer)?.push(source);
	}

	const fresh = new Map<string, { outcome: string | Error; renderer: RendererId }>();
	const flowcharts = toRender.get('beautiful-mermaid') ?? [];
	if (flowcharts.length > 0) {
		const { rendered } = (options.renderBeautiful ?? renderWithBeautiful)(flowcharts);
		for (const [source, outcome] of rendered) fresh.set(source, { outcome, renderer: 'beautiful-mermaid' });
	}
	const others = toRender.get('chromium-mermaid') ?? [];
	if (others.length > 0) {
		if (options.hasChromium ?? isChromiumAvailable()) {
			const rendered = await (options.renderChromium ?? renderWithChromium)(others);
			for (const [source, outcome] of rendered) fresh.set(source, { outcome, renderer: 'chromium-mermaid' });
		} else {
			for (const source of others) results.set(source, { fallback: true });
		}
	}

	for (const [source, { outcome, renderer }] of fresh) {
		if (outcome instanceof Error) {
			// Errors are not cached: the author will fix the source, which changes the key anyway.
			results.set(source, { error: outcome, renderer });
			continue;
		}
		const svg = sanitizeSvg(outcome);
		await writeFileAtomic(join(options.cacheDir, `${keys.get(source)}.svg`), svg);
		results.set(source, { svg, renderer, cached: false });
	}
	return results;
}

/** The renderer a source goes to: beautiful-mermaid for flowcharts, Mermaid in Chromium otherwise. */
export function pickRenderer(source: string): RendererId {
	return isFlowchart(source) ? 'beautiful-mermaid' : 'chromium-mermaid';
}

const PACKAGES: Record<RendererId, string> = { 'beautiful-mermaid': 'beautiful-mermaid', 'chromium-mermaid': 'mermaid' };
const OPTIONS: Record<RendererId, unknown> = {
	'beautiful-mermaid': { ...BEAUTIFUL_OPTIONS, repairs: BEAUTIFUL_REPAIRS_VERSION },
	'chromium-mermaid': CHROMIUM_MERMAID_CONFIG,
};
const versions = new Map<RendererId, string>();

/**
 * SHA-256 hex of source, renderer, its version and options, and the sanitizer's version: an
 * upgrade or a new layout setting invalidates old SVG.
 */
export function getCacheKey(source: string, renderer: RendererId): string {
	let version = versions.get(renderer);
	if (version === undefined) {
		version = readPackageVersion(PACKAGES[renderer]);
		versions.set(renderer, version);
	}
	return createHash('sha256').update(`${source}\0${renderer}\0${version}\0${JSON.stringify(OPTIONS[renderer])}\0sanitizer ${SANITIZER_VERSION}`).digest('hex');
}
