/** Renders flowcharts in-process with beautiful-mermaid (no browser), repairing what it drops. */
import { parseMermaid, renderMermaidSVG } from 'beautiful-mermaid';
import { isFlowchart } from './diagram-type.ts';

/**
 * How beautiful-mermaid lays diagrams out; part of the cache key. A small margin, as the page
 * frames the diagram itself and every pixel counts on a phone; text in the site's ink and muted
 * grey (tokens.css), so 12-px milestone names keep 4.5:1 on their grey header.
 */
export const BEAUTIFUL_OPTIONS = { transparent: true, padding: 8, nodeSpacing: 24, layerSpacing: 40, fg: '#1f2933', muted: '#52606d' } as const;

/** Bumped whenever the repairs below change, so diagrams cached before them are redrawn. */
export const BEAUTIFUL_REPAIRS_VERSION = 5;

/** What beautiful-mermaid made of a batch: SVG or error per source, and sources left to others. */
export interface BeautifulResult {
	rendered: Map<string, string | Error>;
	/** Sources that are not flowcharts; only flowcharts were checked to draw as Mermaid does. */
	unsupported: string[];
}

/**
 * Renders each flowchart; anything else is listed as unsupported. Mermaid entity codes in
 * labels (`#quot;`) are decoded and `stroke-dasharray` from `classDef`/`style` is restored, as
 * beautiful-mermaid 1.1.3 leaves the first as literal text and drops the second; arrowheads keep
 * one size on thick edges, a milestone box is widened to hold its title, and wrapped lines read
 * as words separated by spaces.
 */
export function renderWithBeautiful(sources: readonly string[]): BeautifulResult {
	const rendered = new Map<string, string | Error>();
	const unsupported: string[] = [];
	for (const source of new Set(sources)) {
		if (!isFlowchart(source)) {
			unsupported.push(source);
			continue;
		}
		try {
			const svg = renderMermaidSVG(source, BEAUTIFUL_OPTIONS);
			rendered.set(source, spaceLines(fitGroupTitles(fixArrowSize(restoreDashes(decodeEntityCodes(svg), source)))));
		} catch (error) {
			rendered.set(source, error instanceof Error ? error : new Error(String(error)));
		}
	}
	return { rendered, unsupported };
}

const NAMED_CODES: Record<string, string> = { quot: '&quot;', lt: '&lt;', gt: '&gt;', amp: '&amp;', apos: '&#39;', nbsp: '&#160;' };
// Not after `&`: beautiful-mermaid writes an apostrophe as `&#39;`, which is HTML already.
const ENTITY_CODE = /(?<!&)#(?:([a-z]+)|(\d+));/gi;

// Only label text and data-label values are touched: colours such as `#123;` in styles are not codes.
function decodeEntityCodes(svg: string): string {
	const decode = (text: string): string =>
		text.replace(ENTITY_CODE, (code, name: string | undefined, digits: string | undefined) => {
			if (name !== undefined) return NAMED_CODES[name.toLowerCase()] ?? code;
			return `&#${Number(digits)};`;
		});
	return svg
		.replace(/(<(?:text|tspan)\b[^>]*>)([^<]*)/g, (_, tag: string, text: string) => tag + decode(text))
		.replace(/(data-label=")([^"]*)"/g, (_, start: string, text: string) => `${start}${decode(text)}"`);
}

// Markers scale with the stroke by default, so the critical path's 3-px edges got arrowheads
// three times the size of the others; user-space units keep every arrowhead the same, a little
// larger than beautiful-mermaid's 8 x 5 so it still shows at the end of a thick edge.
const ARROW_SCALE = 1.5;
function fixArrowSize(svg: string): string {
	return svg.replace(/<marker ([^>]*?)markerWidth="([\d.]+)" markerHeight="([\d.]+)"/g, (_, before: string, width: string, height: string) => {
		const grown = (size: string): string => String(Number(size) * ARROW_SCALE);
		return `<marker ${before}markerUnits="userSpaceOnUse" viewBox="0 0 ${width} ${height}" markerWidth="${grown(width)}" markerHeight="${grown(height)}"`;
	});
}

// A wrapped label is one <tspan> per line with nothing between them, so its text read
// "Legal approves thefinal contract" to screen readers and copy-paste; a space ends each line.
function spaceLines(svg: string): string {
	return svg.replace(/<\/tspan><tspan/g, ' </tspan><tspan');
}

// beautiful-mermaid sizes a subgraph by its nodes only, so a long milestone name ran past its
// box. Its 12-px bold title is measured generously (0.66 em a character, wider than most
// sans-serif fonts' average) and the box, and the drawing if need be, widened to fit.
const TITLE_EM = 0.66;
const SUBGRAPH = /<g class="subgraph"[^>]*>\s*<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[\s\S]*?<text x="([\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>\s*<\/g>/g;

function fitGroupTitles(svg: string): string {
	let right = 0;
	const fitted = svg.replace(SUBGRAPH, (group: string, x: string, width: string, textX: string, fontSize: string, title: string) => {
		const plain = title.replace(/&(?:#\d+|[a-z]+);/gi, '_');
		const needed = Number(textX) - Number(x) + plain.length * Number(fontSize) * TITLE_EM + 12;
		if (needed <= Number(width)) return group;
		right = Math.max(right, Number(x) + needed);
		return group.replace(/(<rect [^>]*?\swidth=")([\d.]+)(")/g, (_, start: string, _old: string, end: string) => `${start}${needed.toFixed(3)}${end}`);
	});
	const size = /^<svg[^>]*viewBox="0 0 ([\d.]+) ([\d.]+)" width="([\d.]+)"/.exec(fitted);
	if (size === null || right + 8 <= Number(size[1])) return fitted;
	const width = (right + 8).toFixed(3);
	return fitted.replace(/^(<svg[^>]*viewBox="0 0 )[\d.]+( [\d.]+" width=")[\d.]+"/, `$1${width}$2${width}"`);
}

function restoreDashes(svg: string, source: string): string {
	const graph = parseMermaid(source);
	let result = svg;
	for (const id of graph.nodes.keys()) {
		const className = graph.classAssignments.get(id);
		const style = { ...(className === undefined ? {} : graph.classDefs.get(className)), ...graph.nodeStyles.get(id) };
		const dashes = style['stroke-dasharray'];
		if (dashes === undefined || !/^[\d.\s,]+$/.test(dashes)) continue;
		const start = result.indexOf(`<g class="node" data-id="${escapeAttribute(id)}"`);
		if (start === -1) continue;
		const shape = result.slice(start).search(/<(?:rect|polygon|path|circle|ellipse)\b/);
		if (shape === -1) continue;
		const at = start + shape + result.slice(start + shape).indexOf(' ');
		result = `${result.slice(0, at)} stroke-dasharray="${dashes}"${result.slice(at)}`;
	}
	return result;
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
