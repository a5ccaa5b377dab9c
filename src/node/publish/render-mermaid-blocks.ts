/**
 * Replaces the Mermaid sources that pages carry with inline SVG, rendering every distinct diagram
 * of the whole build in one batch, before pages are encrypted. Two forms: the generated graph
 * (`<pre class="mapsite-mermaid">`) and a rep's fenced mermaid block in the plan body, which
 * Markdown leaves as `<pre><code class="language-mermaid">` because Shiki skips that language.
 */
import { renderDiagrams } from '../mermaid/render-diagrams.ts';

const BLOCK = /<pre class="mapsite-mermaid"[^>]*>([\s\S]*?)<\/pre>|<pre[^>]*><code class="language-mermaid"[^>]*>([\s\S]*?)<\/code><\/pre>/g;

function decodeHtml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&amp;/g, '&');
}

/** Renders the diagrams in `pages` (path -> HTML) and returns the pages with SVG in their place. */
export async function renderMermaidBlocks(pages: ReadonlyMap<string, string>, cacheDir: string): Promise<Map<string, string>> {
	const sources = new Set<string>();
	for (const html of pages.values()) for (const match of html.matchAll(BLOCK)) sources.add(decodeHtml(match[1] ?? match[2]));
	const rendered = sources.size > 0 ? await renderDiagrams([...sources], { cacheDir }) : new Map();
	const result = new Map<string, string>();
	for (const [path, html] of pages) {
		result.set(
			path,
			html.replace(BLOCK, (block, generated: string | undefined, fenced: string | undefined) => {
				const diagram = rendered.get(decodeHtml(generated ?? fenced ?? ''));
				// A diagram that could not be drawn stays as readable source rather than vanishing.
				return diagram && 'svg' in diagram ? `<div class="diagram-svg">${diagram.svg}</div>` : block;
			}),
		);
	}
	return result;
}
