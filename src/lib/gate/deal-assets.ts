/**
 * Files of the site a deal page points at (an image from the plan's body, optimised by Astro into
 * `/_astro/`, or a file under `public/`). A gated deal's page is encrypted, but such a file would be
 * published readable beside it; these helpers find those references, decide which files belong in
 * the deal's encrypted files archive, and rewrite the page so the loader draws them from there.
 * The HTML is Astro's own output after the body sanitiser, so a tag matcher that respects quoted
 * attribute values is enough; nothing here runs plan text.
 */

/** Where a file moved out of the public site sits inside a deal's files archive. */
export const ARCHIVED_ASSET_PREFIX = '_site/';
/** Attribute holding an image's archive path in place of `src` (resolved by src/client/archived-images.ts). */
export const ARCHIVED_SRC_ATTRIBUTE = 'data-mapsite-src';
/** Attribute holding a `srcset` whose candidates are archive paths (or URLs left public). */
export const ARCHIVED_SRCSET_ATTRIBUTE = 'data-mapsite-srcset';

// Pages, style, code and fonts are the site's own and carry no deal content (the leak scan reads them).
const SITE_CODE = /\.(html|css|js|mjs|woff2?|ttf|otf|eot)$/i;
const TAG = /<(img|source|a)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const URL_ATTRIBUTES: Record<string, readonly string[]> = { img: ['src', 'srcset'], source: ['srcset'], a: ['href'] };

const MEDIA_TYPES: Record<string, string> = {
	avif: 'image/avif',
	gif: 'image/gif',
	jpeg: 'image/jpeg',
	jpg: 'image/jpeg',
	png: 'image/png',
	svg: 'image/svg+xml',
	webp: 'image/webp',
	pdf: 'application/pdf',
};

/** Whether a site path is one of the site's pages, stylesheets, scripts or fonts rather than content. */
export function isSiteCode(sitePath: string): boolean {
	return SITE_CODE.test(sitePath);
}

/** The MIME type the loader gives an archived file, from its extension. */
export function getAssetMediaType(path: string): string {
	return MEDIA_TYPES[path.split('.').at(-1)!.toLowerCase()] ?? 'application/octet-stream';
}

/** The archive path of a site path moved into a deal's files archive. */
export function toArchivedAssetPath(sitePath: string): string {
	return `${ARCHIVED_ASSET_PREFIX}${sitePath}`;
}

/**
 * The site paths (relative, no leading slash) that `html`, published at `pagePath`, loads as an
 * image or links to: `img` src and srcset, `source` srcset, `a` href. Other origins are left out.
 */
export function listPageAssetReferences(html: string, pagePath: string): string[] {
	const found = new Set<string>();
	for (const tag of readTags(html)) {
		for (const attribute of tag.attributes) {
			if (!URL_ATTRIBUTES[tag.name]?.includes(attribute.name)) continue;
			for (const url of splitUrls(attribute.name, attribute.value)) {
				const path = toSitePath(url, pagePath);
				if (path !== undefined) found.add(path);
			}
		}
	}
	return [...found];
}

/**
 * Rewrites `html` so no `img`, `source` or `a` points at a moved file: `src`/`srcset` become
 * {@link ARCHIVED_SRC_ATTRIBUTE}/{@link ARCHIVED_SRCSET_ATTRIBUTE} holding archive paths, and a
 * link's `href` becomes `data-mapsite-file` (the loader's downloads). `archived` maps a site path
 * to its archive path; tags pointing only at other files are left byte for byte as they were.
 */
export function pointAtArchivedAssets(html: string, pagePath: string, archived: ReadonlyMap<string, string>): string {
	const archivedPathOf = (url: string) => {
		const path = toSitePath(url, pagePath);
		return path === undefined ? undefined : archived.get(path);
	};
	return html.replace(TAG, (whole, rawName: string, body: string) => {
		const name = rawName.toLowerCase();
		const attributes = readAttributes(body);
		const urlAttributes = attributes.filter((attribute) => URL_ATTRIBUTES[name]?.includes(attribute.name));
		if (!urlAttributes.some((attribute) => splitUrls(attribute.name, attribute.value).some((url) => archivedPathOf(url) !== undefined))) return whole;
		const out: string[] = [];
		for (const attribute of attributes) {
			if (!urlAttributes.includes(attribute)) {
				out.push(attribute.raw);
				continue;
			}
			if (attribute.name === 'srcset') {
				const candidates = attribute.value.split(',').map((candidate) => {
					const [url, ...descriptor] = candidate.trim().split(/\s+/);
					return [archivedPathOf(url) ?? url, ...descriptor].join(' ');
				});
				out.push(`${ARCHIVED_SRCSET_ATTRIBUTE}="${escapeAttribute(candidates.join(', '))}"`);
			} else if (attribute.name === 'src') {
				const path = archivedPathOf(attribute.value);
				out.push(path === undefined ? attribute.raw : `${ARCHIVED_SRC_ATTRIBUTE}="${escapeAttribute(path)}"`);
			} else {
				const path = archivedPathOf(attribute.value);
				// The link keeps an href so it stays a link for keyboards; the loader gives it the file.
				out.push(path === undefined ? attribute.raw : `href="#" data-mapsite-file="${escapeAttribute(path)}" type="${getAssetMediaType(path)}"`);
			}
		}
		return `<${rawName}${out.map((attribute) => ` ${attribute}`).join('')}>`;
	});
}

/**
 * Which shared site files each gated deal takes into its encrypted files archive: those its pages
 * reference that are published, not the site's code, and shown by no public page (a public page
 * or a password page's seller logo publishes them anyway). Returns, by route id, site path to
 * archive path, and every site path that is no longer to be published readable.
 */
export function chooseArchivedAssets(options: {
	gatedPages: ReadonlyMap<string, readonly { page: string; html: string }[]>;
	shared: ReadonlySet<string>;
	publiclyShown: ReadonlySet<string>;
}): { byDeal: Map<string, Map<string, string>>; removed: Set<string> } {
	const byDeal = new Map<string, Map<string, string>>();
	const removed = new Set<string>();
	for (const [routeId, pages] of options.gatedPages) {
		const moved = new Map<string, string>();
		for (const { page, html } of pages) {
			for (const asset of listPageAssetReferences(html, page)) {
				if (!options.shared.has(asset) || isSiteCode(asset) || options.publiclyShown.has(asset)) continue;
				moved.set(asset, toArchivedAssetPath(asset));
				removed.add(asset);
			}
		}
		if (moved.size > 0) byDeal.set(routeId, moved);
	}
	return { byDeal, removed };
}

/** A gated page that still points at a readable content file of the site. */
export interface ExposedAsset {
	/** The deal's plan file, e.g. `plans/acme.mdx`. */
	planFile: string;
	/** The published page, e.g. `<route>/index.html`. */
	page: string;
	/** The readable file, e.g. `_astro/chart.X1.webp`. */
	asset: string;
}

/**
 * The last word on body images (fail closed): every file a gated page references that is about to
 * be published readable and is not the site's own code, except files public pages show anyway.
 */
export function findExposedAssets(options: {
	gatedPages: readonly { planFile: string; page: string; html: string }[];
	published: ReadonlySet<string>;
	publiclyShown: ReadonlySet<string>;
}): ExposedAsset[] {
	return options.gatedPages.flatMap(({ planFile, page, html }) =>
		listPageAssetReferences(html, page)
			.filter((asset) => options.published.has(asset) && !isSiteCode(asset) && !options.publiclyShown.has(asset))
			.map((asset) => ({ planFile, page, asset })),
	);
}

/** The message for {@link findExposedAssets}' findings, one line per file and page. */
export function formatExposedAssets(exposed: readonly ExposedAsset[]): string {
	return [
		`A gated plan's page shows a file that would be published readable outside its encrypted files, so nothing was published (the published folder is unchanged). ${exposed.length} finding${exposed.length === 1 ? '' : 's'}:`,
		...exposed.map((item) => `  ${item.planFile}: ${item.page} shows "${item.asset}", which would be public`),
		'What to do: take the image out of the plan body (or link to it from a public page), and send this message to whoever maintains the site: gated images should be packed into the deal\'s encrypted files.',
	].join('\n');
}

interface Attribute {
	name: string;
	value: string;
	raw: string;
}

function readTags(html: string): { name: string; attributes: Attribute[] }[] {
	return [...html.matchAll(TAG)].map((match) => ({ name: match[1].toLowerCase(), attributes: readAttributes(match[2]) }));
}

function readAttributes(body: string): Attribute[] {
	return [...body.matchAll(ATTRIBUTE)].map((match) => ({ name: match[1].toLowerCase(), value: decodeAttribute(match[2] ?? match[3] ?? match[4] ?? ''), raw: match[0] }));
}

function splitUrls(attribute: string, value: string): string[] {
	if (attribute !== 'srcset') return [value.trim()];
	return value
		.split(',')
		.map((candidate) => candidate.trim().split(/\s+/)[0])
		.filter((url) => url !== '');
}

/** The site path `url` names from `pagePath`, or undefined for another origin, a data: URL or a fragment. */
function toSitePath(url: string, pagePath: string): string | undefined {
	if (url === '' || url.startsWith('#')) return undefined;
	const base = 'https://mapsite.invalid/';
	let resolved: URL;
	try {
		resolved = new URL(url, base + pagePath);
	} catch {
		return undefined;
	}
	if (resolved.origin !== new URL(base).origin) return undefined;
	let path: string;
	try {
		path = decodeURIComponent(resolved.pathname.slice(1));
	} catch {
		path = resolved.pathname.slice(1);
	}
	return path === '' ? undefined : path;
}

function decodeAttribute(value: string): string {
	return value.replace(/&(amp|quot|#39|lt|gt);/g, (_, entity: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[entity]!);
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
