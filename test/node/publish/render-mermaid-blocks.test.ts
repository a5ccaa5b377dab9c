import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderMermaidBlocks } from '../../../src/node/publish/render-mermaid-blocks.ts';

describe('renderMermaidBlocks', () => {
	test('draws generated graphs and fenced body blocks as inline SVG, leaving other code alone', async () => {
		const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-mermaid-blocks-'));
		const pages = new Map([
			['a/dependencies/index.html', '<pre class="mapsite-mermaid" data-label="Dependency graph">flowchart LR\n  a0["Legal review"] --&gt; a1["Sign"]</pre>'],
			['a/index.html', '<p>x</p><pre><code class="language-mermaid">flowchart LR\n  S[Security review] --&gt; L[Legal]\n</code></pre><pre><code class="language-js">1 &lt; 2</code></pre>'],
		]);
		const result = await renderMermaidBlocks(pages, cacheDir);
		const graph = result.get('a/dependencies/index.html')!;
		expect(graph).toMatch(/^<div class="diagram-svg" tabindex="0" role="region" aria-label="Dependency graph"><svg/);
		expect(graph).toContain('Legal review');
		const body = result.get('a/index.html')!;
		// A diagram in the plan's text is captioned where everyone sees it, and the caption names its scroll box.
		expect(body).toMatch(/<figure class="diagram"><div class="diagram-svg" tabindex="0" role="region" aria-labelledby="mapsite-diagram-1-caption"><svg/);
		expect(body).toContain('<figcaption class="diagram__caption" id="mapsite-diagram-1-caption">Diagram 1</figcaption></figure>');
		expect(body).toContain('Security review');
		expect(body).not.toContain('language-mermaid');
		expect(body).toContain('<pre><code class="language-js">1 &lt; 2</code></pre>');
	});

	test('gives each diagram of a page its own ids and confines its styles to itself', async () => {
		const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-mermaid-blocks-'));
		const fenced = '<pre><code class="language-mermaid">flowchart LR\n  S[Security review] --&gt; L[Legal]\n</code></pre>';
		const pages = new Map([['a/index.html', `<html lang="id"><body>${fenced}${fenced}</body></html>`]]);
		const html = (await renderMermaidBlocks(pages, cacheDir)).get('a/index.html')!;
		const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
		expect(ids).toContain('mapsite-diagram-1');
		expect(ids).toContain('mapsite-diagram-2');
		expect(new Set(ids).size).toBe(ids.length);
		for (const reference of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(reference[1]);
		for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
			for (const selector of css.replace(/\{[^}]*\}/g, '\n').split(/[\n,]/).filter((text) => text.trim() !== '')) {
				expect(selector.trim()).toMatch(/^#mapsite-diagram-\d+\b/);
			}
		}
		expect(html).toContain('id="mapsite-diagram-2-caption">Diagram 2</figcaption>');
	});

	test('captions a diagram with the title its source gives, escaped', async () => {
		const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-mermaid-blocks-'));
		const fenced = '<pre><code class="language-mermaid">---\ntitle: Legal &amp;amp; &lt;procurement&gt;\n---\nflowchart LR\n  S[Security review] --&gt; L[Legal]\n</code></pre>';
		const html = (await renderMermaidBlocks(new Map([['a/index.html', fenced]]), cacheDir)).get('a/index.html')!;
		expect(html).toContain('>Diagram 1: Legal &amp;amp; &lt;procurement&gt;</figcaption>');
	});

	test('leaves a page without diagrams untouched', async () => {
		const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-mermaid-blocks-'));
		const pages = new Map([['a/people/index.html', '<h1>People</h1>']]);
		expect(await renderMermaidBlocks(pages, cacheDir)).toEqual(pages);
	});
});
