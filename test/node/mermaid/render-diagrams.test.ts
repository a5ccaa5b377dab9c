import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { makeSampleFlowchart } from '../../../src/node/mermaid/make-sample-flowchart.ts';
import { getCacheKey, pickRenderer, renderDiagrams } from '../../../src/node/mermaid/render-diagrams.ts';
import { isChromiumAvailable } from '../../../src/node/mermaid/render-with-chromium.ts';
import { renderWithBeautiful } from '../../../src/node/mermaid/render-with-beautiful.ts';

const makeCacheDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'mapsite-mermaid-'));
const sequence = 'sequenceDiagram\n  Buyer->>Seller: Hello\n';
const flowchart = makeSampleFlowchart(1, 6);

describe('renderDiagrams', () => {
	test('serves the second call from the cache without starting a browser or re-rendering', async () => {
		const cacheDir = await makeCacheDir();
		const renderChromium = vi.fn(async (sources: string[]) => new Map(sources.map((source) => [source, '<svg><text>seq</text></svg>'])));
		const options = { cacheDir, renderChromium, hasChromium: true, generated: new Set([flowchart]) };

		const first = await renderDiagrams([flowchart, sequence], options);
		expect(first.get(flowchart)).toMatchObject({ renderer: 'beautiful-mermaid', cached: false });
		expect(first.get(sequence)).toEqual({ svg: '<svg><text>seq</text></svg>', renderer: 'chromium-mermaid', cached: false });
		expect(renderChromium).toHaveBeenCalledTimes(1);
		expect((await readdir(cacheDir)).sort()).toEqual(
			[`${getCacheKey(flowchart, 'beautiful-mermaid')}.svg`, `${getCacheKey(sequence, 'chromium-mermaid')}.svg`].sort(),
		);

		const renderBeautiful = vi.fn();
		const second = await renderDiagrams([sequence, flowchart], { ...options, renderBeautiful });
		expect(renderChromium).toHaveBeenCalledTimes(1);
		expect(renderBeautiful).not.toHaveBeenCalled();
		expect(second.get(sequence)).toEqual({ svg: '<svg><text>seq</text></svg>', renderer: 'chromium-mermaid', cached: true });
		expect(second.get(flowchart)).toMatchObject({ renderer: 'beautiful-mermaid', cached: true });
	});

	test('sanitises renderer output before it is returned or cached', async () => {
		const cacheDir = await makeCacheDir();
		const renderChromium = async (sources: string[]) => new Map(sources.map((source) => [source, '<svg onload="alert(1)"><script>alert(2)</script><text>ok</text></svg>']));
		const result = await renderDiagrams([sequence], { cacheDir, renderChromium, hasChromium: true });
		expect(result.get(sequence)).toMatchObject({ svg: '<svg><text>ok</text></svg>' });
		const again = await renderDiagrams([sequence], { cacheDir, renderChromium, hasChromium: true });
		expect(again.get(sequence)).toMatchObject({ svg: '<svg><text>ok</text></svg>', cached: true });
	});

	test('without Chromium, still draws the generated graph and asks the page to render the rest itself', async () => {
		const renderChromium = vi.fn();
		const result = await renderDiagrams([flowchart, sequence], { cacheDir: await makeCacheDir(), renderChromium, hasChromium: false, generated: new Set([flowchart]) });
		expect(result.get(sequence)).toEqual({ fallback: true });
		expect(result.get(flowchart)).toMatchObject({ renderer: 'beautiful-mermaid', cached: false });
		expect(renderChromium).not.toHaveBeenCalled();
	});

	test('returns a renderer error for that source only and does not cache it', async () => {
		const cacheDir = await makeCacheDir();
		const broken = 'stateDiagram-v2\n  [*] -->';
		const renderChromium = async (sources: string[]) =>
			new Map<string, string | Error>(sources.map((source) => [source, source === broken ? new Error('Parse error on line 2') : '<svg/>']));
		const result = await renderDiagrams([broken, sequence], { cacheDir, renderChromium, hasChromium: true });
		expect(result.get(broken)).toEqual({ error: new Error('Parse error on line 2'), renderer: 'chromium-mermaid' });
		expect(result.get(sequence)).toMatchObject({ svg: '<svg/>', cached: false });
		expect(await readdir(cacheDir)).toEqual([`${getCacheKey(sequence, 'chromium-mermaid')}.svg`]);
	});

	test.skipIf(!isChromiumAvailable())('renders a real sequence diagram through Chromium next to a flowchart (needs /usr/bin/chromium)', async () => {
		const result = await renderDiagrams([flowchart, sequence], { cacheDir: await makeCacheDir(), generated: new Set([flowchart]) });
		expect(result.get(sequence)).toMatchObject({ renderer: 'chromium-mermaid', cached: false, svg: expect.stringContaining('aria-roledescription="sequence"') });
		expect(result.get(flowchart)).toMatchObject({ renderer: 'beautiful-mermaid', svg: expect.not.stringContaining('@import') });
	});
});

describe('renderDiagrams with hand-written flowcharts', () => {
	const fakeChromium = () => vi.fn(async (sources: string[]) => new Map<string, string | Error>(sources.map((source) => [source, '<svg><text>mermaid</text></svg>'])));

	test('sends a flowchart the fast renderer misreads to Mermaid and says why', async () => {
		const longLink = 'flowchart TD\n  A[Start] --> B{Is it?}\n  B ---->|No| E[End]\n';
		const renderChromium = fakeChromium();
		const result = await renderDiagrams([longLink], { cacheDir: await makeCacheDir(), renderChromium, hasChromium: true });
		expect(renderChromium).toHaveBeenCalledWith([longLink]);
		const drawn = result.get(longLink);
		expect(drawn).toMatchObject({ renderer: 'chromium-mermaid', cached: false });
		expect(drawn && 'differences' in drawn ? drawn.differences : []).toContain('node "E" is missing');
	});

	test('keeps the fast renderer for a flowchart it is proven to draw as Mermaid reads it, and caches that proof', async () => {
		const plain = 'flowchart LR\n  A[Sign NDA] -->|then| B(Security review)\n  B --> C{Approve?}\n  C -- yes --> D[Contract]\n';
		const cacheDir = await makeCacheDir();
		const renderChromium = fakeChromium();
		const first = await renderDiagrams([plain], { cacheDir, renderChromium, hasChromium: true });
		expect(first.get(plain)).toMatchObject({ renderer: 'beautiful-mermaid', cached: false });
		expect(renderChromium).not.toHaveBeenCalled();
		expect(await readdir(cacheDir)).toEqual([`${getCacheKey(plain, 'beautiful-mermaid', 'proven')}.svg`]);
		const parse = vi.fn();
		const second = await renderDiagrams([plain], { cacheDir, renderChromium, hasChromium: true, parse });
		expect(second.get(plain)).toMatchObject({ renderer: 'beautiful-mermaid', cached: true });
		expect(parse).not.toHaveBeenCalled();
	});

	test('drops click lines before drawing, so no link or callback reaches the page', async () => {
		const withClick = 'flowchart LR\n  A --> B\n  click A "https://evil.example" "tip"\n  click B call alert(1)\n';
		const renderChromium = fakeChromium();
		const renderBeautiful = vi.fn(renderWithBeautiful);
		await renderDiagrams([withClick], { cacheDir: await makeCacheDir(), renderChromium, renderBeautiful, hasChromium: true });
		const drawnSources = [...renderBeautiful.mock.calls.flatMap(([sources]) => sources), ...renderChromium.mock.calls.flatMap(([sources]) => sources)];
		expect(drawnSources.length).toBeGreaterThan(0);
		for (const source of drawnSources) expect(source).not.toMatch(/click/);
	});

	test("returns Mermaid's own error for a source Mermaid rejects, without starting a browser", async () => {
		const broken = 'flowchart LR\n  A --> B\n  B -->|x C\n';
		const renderChromium = fakeChromium();
		const result = await renderDiagrams([broken], { cacheDir: await makeCacheDir(), renderChromium, hasChromium: true });
		const drawn = result.get(broken);
		expect(drawn && 'error' in drawn ? drawn.error.message : '').toMatch(/^Parse error on line \d+:/);
		expect(renderChromium).not.toHaveBeenCalled();
	});
});

describe('pickRenderer', () => {
	test.each([
		[flowchart, 'beautiful-mermaid'],
		['graph TD\n  a --> b', 'beautiful-mermaid'],
		[sequence, 'chromium-mermaid'],
		['pie title Budget\n  "Licences": 80', 'chromium-mermaid'],
	])('sends %j to %s', (source, renderer) => {
		expect(pickRenderer(source)).toBe(renderer);
	});
});

describe('getCacheKey', () => {
	test('differs by renderer for the same source and is a SHA-256 hex digest', () => {
		const key = getCacheKey(sequence, 'chromium-mermaid');
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(key).not.toBe(getCacheKey(sequence, 'beautiful-mermaid'));
	});
});
