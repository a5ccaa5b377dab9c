/**
 * What a plan's narrative may contain once rendered: the allowlist that `sanitizePlanBody` applies
 * (sanitize-html options) and that `npm run check` explains. A narrative needs headings, lists,
 * tables, links, images of the plan's own files, details/summary, code, and what the provided MDX
 * components and Astro's Markdown (task lists, footnotes, Shiki) draw; nothing that runs, loads
 * another page, submits or restyles the site.
 */
import type { IOptions } from 'sanitize-html';

/** sanitize-html's options, with one its type definitions do not list yet (sanitize-html 2.18 has it). */
export type SanitizePolicy = IOptions & { allowedEmptyAttributes?: string[] };

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** Tags a narrative may use; everything else is dropped (its text kept, except for the tags in `DROPPED_WITH_CONTENT`). */
export const ALLOWED_TAGS = [
	...HEADINGS,
	'p', 'br', 'hr', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'mark', 'small', 'abbr', 'q', 'cite',
	'blockquote', 'code', 'pre', 'kbd', 'samp', 'var', 'span', 'div',
	'ul', 'ol', 'li', 'dl', 'dt', 'dd',
	'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
	'a', 'img', 'figure', 'figcaption', 'details', 'summary', 'aside', 'section',
	// GFM task lists draw disabled checkboxes.
	'input',
] as const;

/** Tags whose content goes with them: it is code, a document of its own, or markup the page must not show as text. */
export const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'select', 'noscript', 'template', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'xmp', 'noembed', 'noframes'];

/** URL schemes a link may use; anything without a scheme (relative, `#anchor`) is allowed too. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'];

// Boolean attributes (and the footnote markers) that are allowed without a value.
const EMPTY_ATTRIBUTES = ['alt', 'checked', 'disabled', 'open', 'reversed', 'data-footnote-ref', 'data-footnote-backref', 'data-footnotes'];

const HEX_COLOUR = /^#[0-9a-f]{3,8}$/i;

/** The sanitize-html options for a rendered plan body. */
export const PLAN_BODY_POLICY: SanitizePolicy = {
	allowedTags: [...ALLOWED_TAGS],
	nonTextTags: DROPPED_WITH_CONTENT,
	disallowedTagsMode: 'discard',
	allowedAttributes: {
		// Astro marks the provided components' elements for their scoped styles.
		'*': ['data-astro-cid-*', 'title', 'lang', 'dir'],
		...Object.fromEntries(HEADINGS.map((tag) => [tag, ['id', 'class']])),
		a: ['href', 'id', 'class', 'aria-label', 'aria-describedby', 'data-footnote-ref', 'data-footnote-backref'],
		img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
		input: [{ name: 'type', values: ['checkbox'], multiple: false }, 'checked', 'disabled'],
		aside: ['class', { name: 'role', values: ['note'], multiple: false }],
		section: ['class', 'data-footnotes'],
		details: ['open'],
		ol: ['start', 'reversed'],
		li: ['id', 'class', 'value'],
		ul: ['class'],
		p: ['class'],
		figure: ['class'],
		figcaption: ['class'],
		small: ['class'],
		span: ['class', 'style'],
		code: ['class'],
		pre: ['class', 'style', 'tabindex', 'data-language'],
		th: [{ name: 'align', values: ['left', 'center', 'right'], multiple: false }, 'colspan', 'rowspan', 'scope'],
		td: [{ name: 'align', values: ['left', 'center', 'right'], multiple: false }, 'colspan', 'rowspan'],
		col: ['span'],
		colgroup: ['span'],
	},
	// Only the classes the components, task lists, footnotes and code blocks draw; a narrative
	// cannot dress itself up as the site's own controls.
	allowedClasses: {
		aside: ['callout', 'callout--note', 'callout--warning', 'callout--success'],
		p: ['callout__title'],
		figure: ['metric', 'quote'],
		span: ['metric__value', 'line'],
		figcaption: ['metric__label'],
		small: ['metric__note'],
		ul: ['contains-task-list'],
		li: ['task-list-item'],
		section: ['footnotes'],
		h2: ['sr-only'],
		a: ['data-footnote-backref'],
		code: [/^language-[\w-]+$/],
		pre: ['astro-code', 'github-dark'],
	},
	// Shiki colours code with inline styles; colours alone cannot cover or move anything.
	allowedStyles: {
		pre: { 'background-color': [HEX_COLOUR], color: [HEX_COLOUR], 'overflow-x': [/^auto$/] },
		span: { color: [HEX_COLOUR], 'background-color': [HEX_COLOUR], 'font-style': [/^italic$/], 'font-weight': [/^(bold|[1-9]00)$/], 'text-decoration': [/^(underline|line-through)$/] },
	},
	allowedSchemes: LINK_SCHEMES,
	// Images are the plan's own files, which the build publishes under the site: a path, never a web address or data URL.
	allowedSchemesByTag: { img: [] },
	allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'srcset'],
	allowProtocolRelative: false,
	allowedEmptyAttributes: EMPTY_ATTRIBUTES,
	// An input that is not a task-list checkbox would be a text field inviting a buyer to type a password.
	exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
};

/** Attributes a tag needs before the policy keeps it at all, so each other attribute can be tried on its own. */
export const REQUIRED_ATTRIBUTES: Readonly<Record<string, string>> = { input: 'type="checkbox"' };

/**
 * A policy that keeps everything, used to put markup in the same serialised form as the sanitiser's
 * output, so comparing the two says whether the policy changed anything.
 */
export const KEEP_EVERYTHING_POLICY: SanitizePolicy = {
	allowedTags: false,
	allowedAttributes: false,
	allowVulnerableTags: true,
	nonTextTags: [],
	allowedSchemesAppliedToAttributes: [],
	nonBooleanAttributes: [],
	parseStyleAttributes: false,
	allowedEmptyAttributes: EMPTY_ATTRIBUTES,
};
