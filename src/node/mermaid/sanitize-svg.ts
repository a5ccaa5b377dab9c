/** Makes renderer output safe to inline in a page, whatever a hostile diagram source tried. */

// An unclosed dangerous element swallows the rest of the document: losing the tail is safer.
const DANGEROUS_ELEMENTS = /<(script|iframe|object|embed)\b(?:[^>]*\/>|[\s\S]*?(?:<\/\1\s*>|$))/gi;
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/g;
const ATTRIBUTE = /(\s+)([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
// A quoted or url() target may itself hold semicolons (Google Fonts' `wght@400;500`), so it is matched whole.
const CSS_IMPORTS = /@import\s*(?:url\(\s*(?:'[^']*'|"[^"]*"|[^)]*)\s*\)|'[^']*'|"[^"]*")?[^;]*;?/gi;

/** Bumped whenever sanitizeSvg changes, so cached diagrams made by an older version are redrawn. */
export const SANITIZER_VERSION = 2;
const EXTERNAL_CSS_URLS = /url\(\s*(?!['"]?#)[^)]*\)/gi;

/**
 * The SVG with scripts and embedded documents removed, `on*` event attributes dropped, links
 * kept only when they point inside the document (`#id`), and CSS `@import` and non-fragment
 * `url()` neutralised, so the inlined diagram can neither run code nor fetch anything.
 */
export function sanitizeSvg(svg: string): string {
	return svg
		.replace(DANGEROUS_ELEMENTS, '')
		.replace(START_TAG, (tag) => tag.replace(ATTRIBUTE, keepSafeAttribute))
		.replace(CSS_IMPORTS, '')
		.replace(EXTERNAL_CSS_URLS, 'none');
}

// Attributes are walked one by one so text that merely looks like `onerror=` inside another
// attribute's quoted value (an escaped label, say) is left alone.
function keepSafeAttribute(attribute: string, _space: string, name: string, value = ''): string {
	const lower = name.toLowerCase();
	if (lower.startsWith('on')) return '';
	if (lower === 'href' || lower === 'xlink:href' || lower === 'src') {
		return /^["']?#/.test(value) ? attribute : '';
	}
	if (/^["']?\s*javascript:/i.test(value)) return '';
	return attribute;
}
