/**
 * The deals and pages an example build produced, found in its output folder rather than listed
 * by hand, so a new example plan is screenshotted and tested without touching this code.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveDealPathId } from '../lib/crypto/index.ts';
import { EXAMPLE_SITE } from './example-site.ts';

const PLANS = fileURLToPath(new URL('../../plans/', import.meta.url));

/** One deal of the example site. */
export interface ExampleDeal {
	/** The plan's file name without `.mdx`; the folder name when no plan matches it. */
	slug: string;
	/** The deal's folder under the site root. */
	routeId: string;
	/** Present when the deal is gated and the example build knows its password. */
	password?: string;
	/** Whether its pages are password shells. */
	gated: boolean;
	/** Page paths under the deal's root, overview first: `''`, `plan/`, … */
	pages: string[];
}

/** Every deal folder in `dist` with its pages, in plan-name order. */
export async function listExampleDeals(dist: string): Promise<ExampleDeal[]> {
	const secret = Buffer.from(EXAMPLE_SITE.siteSecret, 'base64url');
	const slugs = (await readdir(PLANS)).filter((name) => name.endsWith('.mdx')).map((name) => name.slice(0, -'.mdx'.length));
	const slugByRoute = new Map<string, string>();
	for (const slug of slugs) {
		slugByRoute.set(await deriveDealPathId(secret, slug), slug);
		slugByRoute.set(slug, slug);
	}
	const passwords: Readonly<Record<string, string>> = EXAMPLE_SITE.passwords;
	const deals: ExampleDeal[] = [];
	for (const entry of await readdir(dist, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const pages = await listDealPages(join(dist, entry.name));
		if (!pages.includes('')) continue;
		const slug = slugByRoute.get(entry.name) ?? entry.name;
		const overview = await readFile(join(dist, entry.name, 'index.html'), 'utf8');
		deals.push({ slug, routeId: entry.name, password: passwords[slug], gated: overview.includes('id="mapsite-gate-form"'), pages });
	}
	return deals.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Page paths of a built deal folder (folders holding an index.html: `''`, `plan/`, …), the root first. */
export async function listDealPages(folder: string, prefix = ''): Promise<string[]> {
	const entries = await readdir(join(folder, prefix), { withFileTypes: true });
	const pages = entries.some((entry) => entry.isFile() && entry.name === 'index.html') ? [prefix] : [];
	for (const entry of entries.filter((item) => item.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
		pages.push(...(await listDealPages(folder, `${prefix}${entry.name}/`)));
	}
	return pages;
}
