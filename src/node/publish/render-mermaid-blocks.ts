/**
 * Replaces the Mermaid sources that pages carry (`<pre class="mapsite-mermaid">`) with inline SVG,
 * rendering every distinct diagram of the whole build in one batch, before pages are encrypted.
 */
import { renderDiagrams } from '../mermaid/render-diagrams.ts';

const BLOCK = /<pre class="mapsite-mermaid"[^>]*>([\s\S]*?)<\/pre>/g;

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
	for (const html of pages.values()) for (const match of html.matchAll(BLOCK)) sources.add(decodeHtml(match[1]));
	const rendered = sources.size > 0 ? await renderDiagrams([...sources], { cacheDir }) : new Map();
	const result = new Map<string, string>();
	for (const [path, html] of pages) {
		result.set(
			path,
			html.replace(BLOCK, (block, escaped: string) => {
				const diagram = rendered.get(decodeHtml(escaped));
				// A diagram that could not be drawn stays as readable source rather than vanishing.
				return diagram && 'svg' in diagram ? `<div class="diagram-svg">${diagram.svg}</div>` : block;
			}),
		);
	}
	return result;
}
