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
import { removeInteractions } from '../../lib/mermaid-blocks.ts';
import { COMPARE_VERSION, findFastDrawingDifferences } from './compare-fast-drawing.ts';
import { parseWithMermaid, type MermaidParse } from './parse-with-mermaid.ts';

/** Which engine drew a diagram. */
export type RendererId = 'beautiful-mermaid' | 'chromium-mermaid';

/** One diagram's outcome: inline SVG, the renderer's error, or a request to render in the browser. */
export type RenderedDiagram =
	| { svg: string; renderer: RendererId; cached: boolean; /** Why a hand-written flowchart went to Mermaid. */ differences?: string[] }
	| { error: Error; renderer: RendererId }
	| { fallback: true };

/** Where the cache lives, and injectable renderers so tests can count and fake renders. */
export interface RenderDiagramsOptions {
	cacheDir: string;
	/** Sources the project wrote itself (the dependency graph), drawn by the fast renderer without proof. */
	generated?: ReadonlySet<string>;
	renderChromium?: (sources: string[]) => Promise<Map<string, string | Error>>;
	renderBeautiful?: (sources: string[]) => BeautifulResult;
	parse?: (source: string) => Promise<MermaidParse>;
	hasChromium?: boolean;
}

/**
 * Renders every distinct source once. The generated dependency graph goes to beautiful-mermaid
 * (in-process, no browser; see scripts/bench-mermaid.ts). A hand-written flowchart goes there too
 * only when its drawing matches Mermaid's own reading of the source (compare-fast-drawing.ts);
 * otherwise, and for every other type, Mermaid draws it, all in one Chromium batch. `click` and
 * link lines of hand-written diagrams are dropped first. SVG is sanitised and cached by SHA-256
 * of source, renderer and versions, so unchanged diagrams never start a browser or load Mermaid.
 * Without Chromium, diagrams that need it come back as `{ fallback: true }` (shown as source).
 */
export async function renderDiagrams(
	sources: readonly string[],
	options: RenderDiagramsOptions,
): Promise<Map<string, RenderedDiagram>> {
	const results = new Map<string, RenderedDiagram>();
	const generated = options.generated ?? new Set<string>();
	await mkdir(options.cacheDir, { recursive: true });
	const readCached = (key: string) => readFile(join(options.cacheDir, `${key}.svg`), 'utf8').catch(() => undefined);

	// Keyed by what is drawn (the source without its interaction lines); `origin` maps back.
	const fast: string[] = [];
	const toVerify: string[] = [];
	const toChromium: string[] = [];
	const origin = new Map<string, string[]>();
	const differencesOf = new Map<string, string[]>();
	for (const source of new Set(sources)) {
		const isGenerated = generated.has(source);
		const drawable = isGenerated ? source : removeInteractions(source).source;
		const seen = origin.get(drawable);
		if (seen !== undefined) {
			seen.push(source);
			continue;
		}
		origin.set(drawable, [source]);
		if (isGenerated && isFlowchart(drawable)) {
			const svg = await readCached(getCacheKey(drawable, 'beautiful-mermaid'));
			if (svg !== undefined) results.set(source, { svg, renderer: 'beautiful-mermaid', cached: true });
			else fast.push(drawable);
			continue;
		}
		const drawnByMermaid = await readCached(getCacheKey(drawable, 'chromium-mermaid'));
		if (drawnByMermaid !== undefined) {
			results.set(source, { svg: drawnByMermaid, renderer: 'chromium-mermaid', cached: true });
			continue;
		}
		if (!isFlowchart(drawable)) {
			toChromium.push(drawable);
			continue;
		}
		const proven = await readCached(getCacheKey(drawable, 'beautiful-mermaid', 'proven'));
		if (proven !== undefined) results.set(source, { svg: proven, renderer: 'beautiful-mermaid', cached: true });
		else toVerify.push(drawable);
	}

	const fresh = new Map<string, { outcome: string | Error; renderer: RendererId; key: string }>();
	const renderBeautiful = options.renderBeautiful ?? renderWithBeautiful;
	if (fast.length > 0) {
		for (const [source, outcome] of renderBeautiful(fast).rendered) fresh.set(source, { outcome, renderer: 'beautiful-mermaid', key: getCacheKey(source, 'beautiful-mermaid') });
	}
	if (toVerify.length > 0) {
		const drawn = renderBeautiful(toVerify).rendered;
		for (const source of toVerify) {
			const parsed = await (options.parse ?? parseWithMermaid)(source);
			if (!parsed.ok) {
				// Mermaid's own verdict; `npm run check` reports it with the plan's line.
				fresh.set(source, { outcome: new Error(parsed.message), renderer: 'chromium-mermaid', key: '' });
				continue;
			}
			const svg = drawn.get(source);
			const differences =
				svg === undefined || svg instanceof Error || parsed.flowchart === undefined
					? [svg instanceof Error ? `the fast renderer failed: ${svg.message}` : 'not read as a flowchart']
					: findFastDrawingDifferences(source, parsed.flowchart, svg);
			if (differences.length === 0 && typeof svg === 'string') {
				fresh.set(source, { outcome: svg, renderer: 'beautiful-mermaid', key: getCacheKey(source, 'beautiful-mermaid', 'proven') });
			} else {
				differencesOf.set(source, differences);
				toChromium.push(source);
			}
		}
	}
	if (toChromium.length > 0) {
		if (options.hasChromium ?? isChromiumAvailable()) {
			const rendered = await (options.renderChromium ?? renderWithChromium)(toChromium);
			for (const [source, outcome] of rendered) fresh.set(source, { outcome, renderer: 'chromium-mermaid', key: getCacheKey(source, 'chromium-mermaid') });
		} else {
			for (const source of toChromium) for (const original of origin.get(source) ?? []) results.set(original, { fallback: true });
		}
	}

	for (const [source, { outcome, renderer, key }] of fresh) {
		const originals = origin.get(source) ?? [source];
		if (outcome instanceof Error) {
			// Errors are not cached: the author will fix the source, which changes the key anyway.
			for (const original of originals) results.set(original, { error: outcome, renderer });
			continue;
		}
		let svg: string;
		try {
			svg = sanitizeSvg(outcome);
		} catch (cause) {
			// Output that does not even parse as XML is never inlined.
			for (const original of originals) results.set(original, { error: new Error('The drawn diagram is not well-formed SVG.', { cause }), renderer });
			continue;
		}
		await writeFileAtomic(join(options.cacheDir, `${key}.svg`), svg);
		const differences = differencesOf.get(source);
		for (const original of originals) results.set(original, { svg, renderer, cached: false, ...(differences === undefined ? {} : { differences }) });
	}
	return results;
}

/** The renderer a source goes to without proof: beautiful-mermaid for flowcharts, Mermaid otherwise. */
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
export function getCacheKey(source: string, renderer: RendererId, variant: 'generated' | 'proven' = 'generated'): string {
	let version = versions.get(renderer);
	if (version === undefined) {
		version = readPackageVersion(PACKAGES[renderer]);
		versions.set(renderer, version);
	}
	return createHash('sha256').update(`${source}\0${renderer}\0${version}\0${JSON.stringify(OPTIONS[renderer])}\0sanitizer ${SANITIZER_VERSION}${variant === 'proven' ? `\0proven by ${readPackageVersion('mermaid')} rules ${COMPARE_VERSION}` : ''}`).digest('hex');
}
