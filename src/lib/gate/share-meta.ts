/** The public head tags of a deal page: link-preview (og:/twitter:) tags, theme colour and icon. */
import { escapeHtml } from './escape-html.ts';

/** Inputs of renderShareMeta; URLs are absolute where unfurlers need them to be. */
export interface ShareMetaInput {
	/** Absolute URL of the page, without any fragment. */
	pageUrl: string;
	/** Absolute URL of the 1200x630 PNG card. */
	imageUrl: string;
	title: string;
	description: string;
	imageAlt: string;
	/** `#rrggbb` for the browser's UI. */
	themeColor: string;
	/** URL of the SVG favicon. */
	iconUrl: string;
	/** The `og:locale` value, e.g. `en` or `id`. */
	locale: string;
}

/** The tags as HTML, every value escaped. */
export function renderShareMeta(input: ShareMetaInput): string {
	const property = (name: string, value: string) => `<meta property="${name}" content="${escapeHtml(value)}">`;
	const named = (name: string, value: string) => `<meta name="${name}" content="${escapeHtml(value)}">`;
	return [
		`<meta name="description" content="${escapeHtml(input.description)}">`,
		named('theme-color', input.themeColor),
		`<link rel="icon" href="${escapeHtml(input.iconUrl)}" type="image/svg+xml">`,
		property('og:type', 'website'),
		property('og:url', input.pageUrl),
		property('og:title', input.title),
		property('og:description', input.description),
		property('og:locale', input.locale),
		property('og:image', input.imageUrl),
		property('og:image:type', 'image/png'),
		property('og:image:width', '1200'),
		property('og:image:height', '630'),
		property('og:image:alt', input.imageAlt),
		named('twitter:card', 'summary_large_image'),
		named('twitter:title', input.title),
		named('twitter:description', input.description),
		named('twitter:image', input.imageUrl),
		named('twitter:image:alt', input.imageAlt),
	].join('\n');
}
