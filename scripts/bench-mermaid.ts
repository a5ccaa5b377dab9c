/** Measures the two Mermaid renderers on plan-like flowcharts: `node scripts/bench-mermaid.ts`. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeSampleFlowchart } from '../src/node/mermaid/make-sample-flowchart.ts';
import { renderDiagrams } from '../src/node/mermaid/render-diagrams.ts';
import { renderWithBeautiful } from '../src/node/mermaid/render-with-beautiful.ts';
import { CHROMIUM_PATH, isChromiumAvailable, renderWithChromium, type ChromiumTimings } from '../src/node/mermaid/render-with-chromium.ts';
import { sanitizeSvg } from '../src/node/mermaid/sanitize-svg.ts';
import { findFastDrawingDifferences } from '../src/node/mermaid/compare-fast-drawing.ts';
import { parseWithMermaid } from '../src/node/mermaid/parse-with-mermaid.ts';

const SIZES = [1, 10, 50];
const BASELINE_COUNT = 5;

const time = async <T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> => {
	const start = performance.now();
	const value = await run();
	return { ms: performance.now() - start, value };
};
const svgs = (map: Map<string, string | Error>): string[] => [...map.values()].map((svg) => {
	if (svg instanceof Error) throw svg;
	return sanitizeSvg(svg);
});
const gzipBytes = (list: string[]): number => list.reduce((sum, svg) => sum + gzipSync(svg).length, 0) / list.length;

if (!isChromiumAvailable()) {
	console.error(`No Chromium at ${CHROMIUM_PATH}; only beautiful-mermaid can be measured.`);
	process.exit(1);
}

// Warm up both paths so module loading and the bundle read are not billed to the first row.
renderWithBeautiful([makeSampleFlowchart(-1)]);
await renderWithChromium([makeSampleFlowchart(-2)]);

const baselineSources = Array.from({ length: BASELINE_COUNT }, (_, index) => makeSampleFlowchart(1000 + index));
let baselineTotal = 0;
for (const source of baselineSources) baselineTotal += (await time(() => renderWithChromium([source]))).ms;
const baselineMs = baselineTotal / BASELINE_COUNT;

const rows: string[][] = [];
const setupNotes: string[] = [];
for (const size of SIZES) {
	const sources = Array.from({ length: size }, (_, index) => makeSampleFlowchart(size * 100 + index));
	const beautiful = await time(() => renderWithBeautiful(sources).rendered);
	let timings: ChromiumTimings = { launchMs: 0, setupMs: 0, renderMs: 0 };
	const batch = await time(() => renderWithChromium(sources, { onTimings: (measured) => (timings = measured) }));
	const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-bench-mermaid-'));
	await renderDiagrams(sources, { cacheDir });
	const hit = await time(() => renderDiagrams(sources, { cacheDir }));
	await rm(cacheDir, { recursive: true, force: true });
	const beautifulMs = beautiful.ms / size;
	const batchMs = batch.ms / size;
	const batchNoLaunchMs = timings.renderMs / size;
	setupNotes.push(`${size}: launch ${timings.launchMs.toFixed(0)} ms + page and Mermaid bundle ${timings.setupMs.toFixed(0)} ms`);
	const hitMs = hit.ms / size;
	const ratio = (ms: number): string => `${(baselineMs / ms).toFixed(1)}x`;
	rows.push([
		String(size),
		`${beautifulMs.toFixed(1)} (${ratio(beautifulMs)})`,
		`${batchMs.toFixed(1)} (${ratio(batchMs)})`,
		`${batchNoLaunchMs.toFixed(1)} (${ratio(batchNoLaunchMs)})`,
		`${hitMs.toFixed(2)} (${ratio(hitMs)})`,
		String(Math.round(gzipBytes(svgs(beautiful.value)))),
		String(Math.round(gzipBytes(svgs(batch.value)))),
	]);
}

const header = ['diagrams', 'beautiful ms/diag', 'chromium batch ms/diag', 'batch excl. launch+setup', 'cache hit ms/diag', 'beautiful gzip B', 'chromium gzip B'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]): string => cells.map((cell, column) => cell.padStart(widths[column])).join(' | ');
console.log(`Baseline: one Chromium launch per diagram, ${baselineMs.toFixed(0)} ms/diagram (mean of ${BASELINE_COUNT}).`);
console.log('Ratios are baseline / value (higher is faster).\n');
console.log(line(header));
console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
for (const row of rows) console.log(line(row));
console.log(`\nChromium fixed cost per batch (diagrams: launch + setup): ${setupNotes.join('; ')}.`);

// A hand-written flowchart only keeps the fast path after Mermaid's parser (in Node) agrees with
// the drawing; this is that proof's price per diagram, paid once per source (it is cached).
const handWritten = (seed: number): string =>
	`flowchart LR\n${Array.from({ length: 12 }, (_, index) => `  s${index}[Step ${index} of ${seed}] -->|then| s${index + 1}(Next ${index})`).join('\n')}\n`;
const loadMermaid = await time(() => parseWithMermaid(handWritten(-1)));
const proofSources = Array.from({ length: 20 }, (_, index) => handWritten(index));
const drawn = renderWithBeautiful(proofSources).rendered;
let agreed = 0;
const proof = await time(async () => {
	for (const source of proofSources) {
		const parsed = await parseWithMermaid(source);
		if (parsed.ok && parsed.flowchart && findFastDrawingDifferences(source, parsed.flowchart, drawn.get(source) as string).length === 0) agreed++;
	}
});
console.log(`\nProof for hand-written flowcharts: Mermaid parser load ${loadMermaid.ms.toFixed(0)} ms once, then parse + compare ${(proof.ms / proofSources.length).toFixed(1)} ms/diagram (${agreed} of ${proofSources.length} kept the fast path).`);
