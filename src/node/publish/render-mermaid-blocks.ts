/**
 * Replaces the Mermaid sources that pages carry with inline SVG, rendering every distinct diagram
 * of the whole build in one batch, before pages are encrypted. Two forms: the generated graph
 * (`<pre class="mapsite-mermaid" data-label="...">`) and a rep's fenced mermaid block in the plan
 * body, which Markdown leaves as `<pre><code class="language-mermaid">` because Shiki skips that
 * language.
 */
import { getMessages, isSupportedLocale } from '../../i18n/index.ts';
import { findDiagramTitle } from '../../lib/mermaid-blocks.ts';
import { findDiagramStart } from '../mermaid/find-diagram-start.ts';
import { renderDiagrams } from '../mermaid/render-diagrams.ts';
import { scopeSvg } from '../mermaid/scope-svg.ts';

const BLOCK = /<pre class="mapsite-mermaid"([^>]*)>([\s\S]*?)<\/pre>|<pre[^>]*><code class="language-mermaid"[^>]*>([\s\S]*?)<\/code><\/pre>/g;
const DATA_LABEL = /\sdata-label="([^"]*)"/;
const PAGE_LANG = /<html[^>]*\slang="([^"]*)"/;

function decodeHtml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&amp;/g, '&');
}

/**
 * Renders the diagrams in `pages` (path -> HTML) and returns the pages with SVG in their place.
 * Each SVG sits at its natural size in a labelled region that keyboard users can scroll, and is
 * scoped to its own id (`mapsite-diagram-<n>`, n counting the page's diagrams) so two diagrams,
 * or one diagram and the page, never share an id or a style rule. A wide diagram opens scrolled
 * to its first box.
 */
export async function renderMermaidBlocks(pages: ReadonlyMap<string, string>, cacheDir: string): Promise<Map<string, string>> {
	const sources = new Set<string>();
	const generated = new Set<string>();
	for (const html of pages.values()) {
		for (const match of html.matchAll(BLOCK)) {
			const source = decodeHtml(match[2] ?? match[3]);
			sources.add(source);
			if (match[2] !== undefined) generated.add(source);
		}
	}
	const rendered = sources.size > 0 ? await renderDiagrams([...sources], { cacheDir, generated }) : new Map();
	const result = new Map<string, string>();
	for (const [path, html] of pages) {
		const lang = PAGE_LANG.exec(html)?.[1] ?? 'en';
		const words = getMessages(isSupportedLocale(lang) ? lang : 'en').graph;
		let count = 0;
		result.set(
			path,
			html.replace(BLOCK, (block, attributes: string | undefined, generated: string | undefined, fenced: string | undefined) => {
				const source = decodeHtml(generated ?? fenced ?? '');
				const diagram = rendered.get(source);
				// A diagram that could not be drawn stays as readable source rather than vanishing.
				if (!diagram || !('svg' in diagram)) return block;
				let svg: string;
				try {
					svg = scopeSvg(diagram.svg, `mapsite-diagram-${count + 1}`);
				} catch {
					// An SVG whose styles cannot be confined would restyle the page: the source is safer.
					return block;
				}
				count++;
				// A phone shows a slice of a wide graph: an invisible mark at its first box makes the
				// browser open the scroll box there (CSS scroll-initial-target) rather than at empty space.
				const start = findDiagramStart(svg);
				const mark = start === undefined || start < 24 ? '' : `<span class="diagram-svg__start" style="left: ${Math.round(start - 8)}px"></span>`;
				const id = `mapsite-diagram-${count}`;
				if (attributes !== undefined) {
					// The generated graph sits under its page's heading; its label names the scroll box.
					const label = DATA_LABEL.exec(attributes)?.[1] ?? escapeAttribute(words.diagramRegion);
					return `<div class="diagram-svg" tabindex="0" role="region" aria-label="${label}">${mark}${svg}</div>`;
				}
				// A diagram in the plan's text gets a visible caption that also names its scroll box.
				const caption = escapeAttribute(words.diagramCaption({ number: count, title: findDiagramTitle(source) }));
				return `<figure class="diagram"><div class="diagram-svg" tabindex="0" role="region" aria-labelledby="${id}-caption">${mark}${svg}</div><figcaption class="diagram__caption" id="${id}-caption">${caption}</figcaption></figure>`;
			}),
		);
	}
	return result;
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
