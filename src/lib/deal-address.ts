/**
 * Where a deal is published: its route id (the plan's `path`, else derived from the site secret)
 * under the site URL, and the share link that opens it without the password. One derivation for
 * the build, `npm run links` and the build's closing lines, so they never disagree.
 */
import { buildShareFragment, deriveContentKey, deriveDealPathId } from './crypto/index.ts';

/** The route id of a deal: its plan's `path` when set, else the id derived from the site secret; undefined without either. */
export async function resolveRouteId(slug: string, path: string | undefined, siteSecret: Uint8Array | undefined): Promise<string | undefined> {
	if (path) return path;
	return siteSecret ? deriveDealPathId(siteSecret, slug) : undefined;
}

/** The address a buyer opens: `https://plans.example.com/<route id>/`. */
export function formatDealAddress(siteUrl: string, routeId: string): string {
	return `${siteUrl.replace(/\/+$/, '')}/${routeId}/`;
}

/** The address with the deal's content key in its fragment: it opens the deal without the password. */
export async function buildShareLink(address: string, siteSecret: Uint8Array, slug: string, keyVersion: number): Promise<string> {
	return address + buildShareFragment(await deriveContentKey(siteSecret, slug, keyVersion));
}

/** The one-line warning printed with every share link. */
export const SHARE_LINK_WARNING = 'Warning: a share link opens the deal without a password; send it only to people who may read the whole plan.';

/** One deal's address line, slugs padded to `width` so addresses line up. */
export function formatAddressLine(slug: string, address: string, width: number): string {
	return `  ${slug.padEnd(width)}  ${address}`;
}

/** A deal and where it is published. */
export interface PublishedDeal {
	slug: string;
	address: string;
}

/** The deals a build wrote, and the other deals of the site. */
export interface BuildOutcome {
	/** Output folder as the settings name it, e.g. `dist`. */
	distDir: string;
	/** Deals rendered and published by this build. */
	built: PublishedDeal[];
	/** Deals this build did not render but kept in the output (unchanged, or not named by `--deal`). */
	kept: PublishedDeal[];
	/** Slugs of the site's other deals that are not in the output either: a `--deal` build into a folder they were never published to. */
	notPublished?: string[];
	/** Deals left to other shards: not in this build's output at all. */
	otherShards: number;
	/** Why only some deals were rebuilt; undefined for a full build. */
	partial: 'incremental' | 'only' | 'shard' | undefined;
}

/** Kept deals listed one by one up to this many; past it, `npm run links` lists them. */
const MAX_KEPT_LINES = 20;

/** The closing lines of `npm run build`: each built deal's address, and where the others are. */
export function formatBuildAddresses(outcome: BuildOutcome): string {
	const { built, kept, partial } = outcome;
	const width = Math.max(0, ...[...built, ...kept].map((deal) => deal.slug.length));
	const lines: string[] = [];
	const plural = (count: number) => `${count} deal${count === 1 ? '' : 's'}`;
	if (built.length === 0) lines.push(partial === 'incremental' ? 'No plan changed since the last build; no deal was rebuilt.' : 'No deal was built.');
	else {
		const heading = partial === 'incremental' ? 'Rebuilt' : partial === 'shard' ? 'Built by this shard' : 'Built';
		lines.push(`${heading} (${plural(built.length)}), open at:`);
		lines.push(...built.map((deal) => formatAddressLine(deal.slug, deal.address, width)));
	}
	if (kept.length > 0) {
		const where = partial === 'incremental' ? `Unchanged, kept in ${outcome.distDir}/ as before` : `Not rebuilt, kept in ${outcome.distDir}/`;
		lines.push(`${where} (${plural(kept.length)}):`);
		lines.push(...kept.slice(0, MAX_KEPT_LINES).map((deal) => formatAddressLine(deal.slug, deal.address, width)));
		if (kept.length > MAX_KEPT_LINES) lines.push(`  ...and ${kept.length - MAX_KEPT_LINES} more (npm run links lists every one).`);
	}
	const notPublished = outcome.notPublished ?? [];
	if (notPublished.length > 0) {
		const names = notPublished.length > MAX_KEPT_LINES ? `${notPublished.slice(0, MAX_KEPT_LINES).join(', ')} and ${notPublished.length - MAX_KEPT_LINES} more` : notPublished.join(', ');
		lines.push(`Not in ${outcome.distDir}/ yet (${plural(notPublished.length)}): ${names}. \`npm run build\` without --deal builds them.`);
	}
	if (outcome.otherShards > 0) lines.push(`The other ${plural(outcome.otherShards)} are built by the other shards.`);
	lines.push('`npm run links [deal]` prints these addresses again, with share links.');
	return lines.join('\n');
}

/** What `npm run links` prints for each deal. */
export interface DealLinkLine {
	slug: string;
	access: 'gated' | 'public';
	address: string;
	shareLink?: string;
}

/** `npm run links` for a person: addresses, then share links with their warning when there are any. */
export function formatDealLinks(links: readonly DealLinkLine[]): string {
	const width = Math.max(0, ...links.map((link) => link.slug.length));
	const lines = ['Addresses (the buyer types the password on opening):'];
	lines.push(...links.map((link) => `${formatAddressLine(link.slug, link.address, width)}${link.access === 'public' ? '  (public: no password)' : ''}`));
	const shared = links.filter((link) => link.shareLink);
	if (shared.length > 0) {
		lines.push('', 'Share links (open the deal at once):', ...shared.map((link) => formatAddressLine(link.slug, link.shareLink!, width)), SHARE_LINK_WARNING);
	}
	return lines.join('\n');
}

/** `npm run links -- --summary`: a Markdown table of addresses for a CI job summary; never a share link or key. */
export function formatDealLinksSummary(links: readonly Pick<DealLinkLine, 'slug' | 'access' | 'address'>[], heading = 'Deal addresses'): string {
	const rows = links.map((link) => `| ${link.slug} | ${link.access} | ${link.address} |`);
	return [`### ${heading}`, '', ...(rows.length > 0 ? ['| deal | access | address |', '| --- | --- | --- |', ...rows] : ['No deal in this build.']), ''].join('\n');
}
