/**
 * Makes renderer output safe to inline in a page, whatever a hostile diagram source tried.
 *
 * An allowlist over svgo's XML tree (svgo is already the parser scope-svg.ts uses, and SVG is XML:
 * an HTML sanitiser would need XML mode, case-preserving names and its own style handling to
 * read it the same way), with CSS read by css-tree. Only known drawing elements and attributes
 * survive; everything else is dropped with its content.
 */
import * as csstree from 'css-tree';
import { optimize, type CustomPlugin, type XastChild, type XastElement, type XastParent } from 'svgo';

/** Bumped whenever sanitizeSvg changes, so cached diagrams made by an older version are redrawn. */
export const SANITIZER_VERSION = 3;

// Drawing elements. No script, no animation (SMIL `set`/`animate` can rewrite an href to
// `javascript:`), no image or feImage (they fetch), no iframe/object/embed.
const SVG_ELEMENTS = new Set([
	'svg', 'g', 'defs', 'symbol', 'use', 'marker', 'title', 'desc', 'style', 'switch',
	'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
	'text', 'tspan', 'textPath',
	'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask',
	'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feDropShadow', 'feFlood',
	'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset',
	'foreignObject',
]);
// Label markup Mermaid may put in a foreignObject; anything else inside one is dropped.
const HTML_ELEMENTS = new Set(['div', 'span', 'p', 'br', 'b', 'strong', 'i', 'em', 'code', 'sub', 'sup', 'small']);
// A link (Mermaid wraps clickable nodes in one): its drawing is kept, the link itself is not.
const UNWRAPPED = new Set(['a']);

const ATTRIBUTES = new Set([
	// Core, styling and accessibility.
	'id', 'class', 'style', 'lang', 'xml:lang', 'xml:space', 'xmlns', 'xmlns:xlink', 'role', 'tabindex', 'focusable',
	// Geometry and coordinate systems.
	'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'd', 'points', 'pathLength',
	'viewBox', 'preserveAspectRatio', 'transform', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'startOffset',
	'version', 'baseProfile',
	// Markers, gradients, patterns, clips, masks.
	'refX', 'refY', 'markerWidth', 'markerHeight', 'markerUnits', 'orient',
	'gradientUnits', 'gradientTransform', 'spreadMethod', 'fx', 'fy', 'fr', 'offset',
	'patternUnits', 'patternContentUnits', 'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits',
	// Filters.
	'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'mode', 'operator', 'k1', 'k2', 'k3', 'k4',
	'values', 'type', 'tableValues', 'slope', 'intercept', 'amplitude', 'exponent', 'radius', 'edgeMode',
	'flood-color', 'flood-opacity',
	// Presentation attributes.
	'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
	'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'color', 'display', 'visibility', 'overflow',
	'clip-path', 'clip-rule', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'stop-color', 'stop-opacity',
	'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'text-anchor', 'dominant-baseline',
	'alignment-baseline', 'baseline-shift', 'letter-spacing', 'word-spacing', 'text-decoration', 'writing-mode',
	'shape-rendering', 'text-rendering', 'vector-effect', 'paint-order', 'pointer-events', 'cursor',
	'color-interpolation-filters', 'direction', 'unicode-bidi',
	// In-document links only (checked below).
	'href', 'xlink:href',
]);
const LINK_ATTRIBUTES = new Set(['href', 'xlink:href']);
const HTML_ATTRIBUTES = new Set(['class', 'style', 'xmlns', 'lang', 'dir']);
// data-* and aria-* carry no behaviour; beautiful-mermaid's data-label also feeds compare-fast-drawing.
const FREE_ATTRIBUTE = /^(data|aria)-[a-z0-9_.-]+$/i;
// Attribute values that can pull in something from outside: only `url(#fragment)` may stay.
const OUTSIDE_URL = /url\(\s*(?!['"]?#)/i;
const SCRIPT_URL = /^\s*(javascript|vbscript|data):/i;

/**
 * The SVG with only allowlisted elements and attributes; links kept only when they point inside
 * the document (`#id`); CSS in `<style>` and `style=""` stripped of `@import`, `@font-face`,
 * any `url()` that is not a `#fragment`, and legacy script hooks (`expression()`, `behavior`,
 * `-moz-binding`). Text is re-escaped on output, so nothing in a label becomes markup.
 */
export function sanitizeSvg(svg: string): string {
	return optimize(svg, { multipass: false, js2svg: { pretty: false }, plugins: [keepAllowed] }).data;
}

// The tree is rebuilt by a walk of its own: removing nodes inside svgo's visitor shifts the
// array it iterates, and the sibling after a removed node would go unchecked.
const keepAllowed: CustomPlugin = {
	name: 'keepAllowed',
	fn: (root) => {
		root.children = cleanChildren(root);
		return null;
	},
};

function cleanChildren(parent: XastParent): XastChild[] {
	const kept: XastChild[] = [];
	for (const child of parent.children) {
		if (child.type !== 'element') {
			// Text and CDATA are escaped on output; comments, doctypes and processing instructions go.
			if (child.type === 'text' || child.type === 'cdata') kept.push(child);
			continue;
		}
		if (!isAllowedElement(child, parent)) {
			if (UNWRAPPED.has(child.name)) kept.push(...cleanChildren({ ...child, name: 'g' }));
			continue;
		}
		cleanElement(child);
		child.children = cleanChildren(child);
		kept.push(child);
	}
	return kept;
}

function cleanElement(node: XastElement): void {
	const isHtml = HTML_ELEMENTS.has(node.name) && !SVG_ELEMENTS.has(node.name);
	for (const [name, value] of Object.entries(node.attributes)) {
		if (!isAllowedAttribute(name, value, isHtml)) delete node.attributes[name];
	}
	if (node.attributes.style !== undefined) node.attributes.style = cleanCss(node.attributes.style, 'declarationList');
	if (node.name === 'style') {
		node.children = node.children.filter((child) => child.type === 'text' || child.type === 'cdata');
		for (const child of node.children) if (child.type === 'text' || child.type === 'cdata') child.value = cleanCss(child.value, 'stylesheet');
	}
}

function isAllowedElement(node: XastElement, parent: XastParent): boolean {
	if (SVG_ELEMENTS.has(node.name)) return !isInsideHtml(parent);
	return HTML_ELEMENTS.has(node.name) && isInsideForeignObject(parent);
}

function isInsideForeignObject(parent: XastParent): boolean {
	return parent.type === 'element' && (parent.name === 'foreignObject' || HTML_ELEMENTS.has(parent.name));
}

function isInsideHtml(parent: XastParent): boolean {
	return parent.type === 'element' && HTML_ELEMENTS.has(parent.name) && !SVG_ELEMENTS.has(parent.name);
}

function isAllowedAttribute(name: string, value: string, isHtml: boolean): boolean {
	if (/^on/i.test(name) || SCRIPT_URL.test(value)) return false;
	// A style attribute is CSS, cleaned declaration by declaration afterwards.
	if (name === 'style') return true;
	if (OUTSIDE_URL.test(value)) return false;
	if (FREE_ATTRIBUTE.test(name)) return true;
	if (isHtml) return HTML_ATTRIBUTES.has(name);
	if (LINK_ATTRIBUTES.has(name)) return value.trim().startsWith('#');
	return ATTRIBUTES.has(name);
}

const SCRIPT_CSS = /expression\s*\(|behaviou?r\s*:|-moz-binding|javascript:/i;

// At-rules that fetch (@import, @font-face's src) or scope to other documents go; @media,
// @keyframes and friends stay. A declaration holding a non-fragment url() goes.
function cleanCss(css: string, context: 'stylesheet' | 'declarationList'): string {
	let ast: csstree.CssNode;
	try {
		ast = csstree.parse(css, { context, parseValue: true, parseCustomProperty: false });
	} catch {
		return '';
	}
	csstree.walk(ast, {
		enter(node: csstree.CssNode, item: csstree.ListItem<csstree.CssNode> | null, list: csstree.List<csstree.CssNode> | null) {
			if (list === null || item === null) return;
			if (node.type === 'Atrule' && /^(import|font-face|namespace|document|-moz-document)$/i.test(node.name)) list.remove(item);
			else if (node.type === 'Declaration' && !isSafeDeclaration(node)) list.remove(item);
			else if (node.type === 'Raw' && SCRIPT_CSS.test(node.value)) list.remove(item);
		},
	});
	return csstree.generate(ast);
}

function isSafeDeclaration(declaration: csstree.Declaration): boolean {
	const text = csstree.generate(declaration);
	if (SCRIPT_CSS.test(text)) return false;
	let isSafe = true;
	csstree.walk(declaration, {
		visit: 'Url',
		enter(url) {
			if (!url.value.trim().startsWith('#')) isSafe = false;
		},
	});
	// A url() written with escapes or inside a custom property stays unparsed (Raw): checked as text.
	return isSafe && !/url\(\s*(?!['"]?#)/i.test(text.replace(/\\/g, ''));
}
