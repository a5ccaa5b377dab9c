import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderMermaidBlocks } from '../../../src/node/publish/render-mermaid-blocks.ts';

describe('renderMermaidBlocks', () => {
	test('draws generated graphs and fenced body blocks as inline SVG, leaving other code alone', async () => {
		const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-mermaid-blocks-'));
		const pages = new Map([
			['a/dependencies/index.html', '<pre class="mapsite-mermaid">flowchart LR\n  a0["Legal review"] --&gt; a1["Sign"]</pre>'],
			['a/index.html', '<p>x</p><pre><code class="language-mermaid">flowchart LR\n  S[Security review] --&gt; L[Legal]\n</code></pre><pre><code class="language-js">1 &lt; 2</code></pre>'],
		]);
		const result = await renderMermaidBlocks(pages, cacheDir);
		const graph = result.get('a/dependencies/index.html')!;
		expect(graph).toMatch(/^<div class="diagram-svg"><svg/);
		expect(graph).toContain('Legal review');
		const body = result.get('a/index.html')!;
		expect(body).toContain('<div class="diagram-svg"><svg');
		expect(body).toContain('Security review');
		expect(body).not.toContain('language-mermaid');
		expect(body).toContain('<pre><code class="language-js">1 &lt; 2</code></pre>');
	});

	test('leaves a page without diagrams untouched', async () => {
		const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-mermaid-blocks-'));
		const pages = new Map([['a/people/index.html', '<h1>People</h1>']]);
		expect(await renderMermaidBlocks(pages, cacheDir)).toEqual(pages);
	});
});
