import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { makeSampleFlowchart } from '../../../src/node/mermaid/make-sample-flowchart.ts';
import { getCacheKey, pickRenderer, renderDiagrams } from '../../../src/node/mermaid/render-diagrams.ts';
import { isChromiumAvailable } from '../../../src/node/mermaid/render-with-chromium.ts';

const makeCacheDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'mapsite-mermaid-'));
const sequence = 'sequenceDiagram\n  Buyer->>Seller: Hello\n';
const flowchart = makeSampleFlowchart(1, 6);

describe('renderDiagrams', () => {
	test('serves the second call from the cache without starting a browser or re-rendering', async () => {
		const cacheDir = await makeCacheDir();
		const renderChromium = vi.fn(async (sources: string[]) => new Map(sources.map((source) => [source, '<svg><text>seq</text></svg>'])));
		const options = { cacheDir, renderChromium, hasChromium: true };

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

	test('without Chromium, still draws flowcharts and asks the page to render the rest itself', async () => {
		const renderChromium = vi.fn();
		const result = await renderDiagrams([flowchart, sequence], { cacheDir: await makeCacheDir(), renderChromium, hasChromium: false });
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
		const result = await renderDiagrams([flowchart, sequence], { cacheDir: await makeCacheDir() });
		expect(result.get(sequence)).toMatchObject({ renderer: 'chromium-mermaid', cached: false, svg: expect.stringContaining('aria-roledescription="sequence"') });
		expect(result.get(flowchart)).toMatchObject({ renderer: 'beautiful-mermaid', svg: expect.not.stringContaining('@import') });
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
