/** Renders Mermaid diagrams with Mermaid itself, in one headless Chromium page per batch. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findPackageDir } from './package-info.ts';

/** Debian's Chromium; playwright-core never downloads a browser, so this one must be installed. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--headless',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

/** Whether a Chromium binary is present to render with. */
export function isChromiumAvailable(executablePath: string = CHROMIUM_PATH): boolean {
	return existsSync(executablePath);
}

/** Mermaid's settings for every diagram; part of the cache key. */
export const CHROMIUM_MERMAID_CONFIG = {
	startOnLoad: false,
	securityLevel: 'strict',
	htmlLabels: false,
	flowchart: { htmlLabels: false },
	suppressErrorRendering: true,
} as const;

let bundle: Promise<string> | undefined;

// Mermaid's IIFE bundle is ~5 MB; reading it once per process keeps repeated batches cheap.
function readMermaidBundle(): Promise<string> {
	bundle ??= readFile(join(findPackageDir('mermaid'), 'dist', 'mermaid.min.js'), 'utf8');
	return bundle;
}

/**
 * Each distinct source's SVG, or the Error Mermaid raised for it. One browser launch and one
 * page serve the whole batch; a broken diagram fails alone. Labels are SVG text rather than
 * HTML in `<foreignObject>`, so the output stands alone when inlined.
 */
export async function renderWithChromium(
	sources: readonly string[],
	options: { executablePath?: string; onTimings?: (timings: ChromiumTimings) => void } = {},
): Promise<Map<string, string | Error>> {
	const unique = [...new Set(sources)];
	const results = new Map<string, string | Error>();
	if (unique.length === 0) return results;
	const script = await readMermaidBundle();
	const started = performance.now();
	// Loaded on use: most builds draw every diagram without a browser, and loading playwright costs a build a quarter of a second.
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({ executablePath: options.executablePath ?? CHROMIUM_PATH, args: CHROMIUM_ARGS });
	try {
		const launched = performance.now();
		const page = await browser.newPage();
		// Nothing a diagram does may reach the network; every request is refused.
		await page.route('**/*', (route) => route.abort());
		await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
		await page.addScriptTag({ content: script });
		const ready = performance.now();
		// Ids come from the source so two diagrams on one page never share `#id` CSS selectors.
		const jobs = unique.map((text) => ({ text, id: `mermaid-${createHash('sha256').update(text).digest('hex').slice(0, 12)}` }));
		const outcomes = await page.evaluate(async ({ batch, config }) => {
			const mermaid = (globalThis as unknown as { mermaid: MermaidGlobal }).mermaid;
			mermaid.initialize(config);
			const out: Array<{ svg?: string; error?: string }> = [];
			for (const { text, id } of batch) {
				try {
					const { svg } = await mermaid.render(id, text);
					out.push({ svg });
				} catch (error) {
					out.push({ error: error instanceof Error ? error.message : String(error) });
				} finally {
					// A failed render can leave its scratch element behind in the page.
					document.getElementById(`d${id}`)?.remove();
				}
			}
			return out;
		}, { batch: jobs, config: CHROMIUM_MERMAID_CONFIG });
		options.onTimings?.({ launchMs: launched - started, setupMs: ready - launched, renderMs: performance.now() - ready });
		unique.forEach((source, index) => {
			const outcome = outcomes[index];
			results.set(source, outcome.svg ?? new Error(outcome.error ?? 'Mermaid returned nothing.'));
		});
	} finally {
		await browser.close();
	}
	return results;
}

/** Where a batch's time went: browser start, page plus Mermaid bundle, and the renders. */
export interface ChromiumTimings {
	launchMs: number;
	setupMs: number;
	renderMs: number;
}

interface MermaidGlobal {
	initialize(config: Record<string, unknown>): void;
	render(id: string, text: string): Promise<{ svg: string }>;
}
