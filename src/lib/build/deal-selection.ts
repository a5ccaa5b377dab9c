/**
 * Which deals one build renders: all of them, the ones a rep names (`MAPSITE_DEALS`), or one
 * deterministic shard of them (`MAPSITE_SHARD=i/n`) for a CI matrix.
 */

/** One slice of a sharded build: `index` counts from 1 up to `count`. */
export interface Shard {
	index: number;
	count: number;
}

/** Parses `i/n` (1 <= i <= n); throws a message naming the variable and the fix. */
export function parseShard(text: string): Shard {
	const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
	const index = Number(match?.[1]);
	const count = Number(match?.[2]);
	if (!match || count < 1 || index < 1 || index > count) {
		throw new Error(`MAPSITE_SHARD ${JSON.stringify(text)} is not a shard such as 1/4 (the first of four): write i/n with 1 <= i <= n.`);
	}
	return { index, count };
}

// FNV-1a: a stable hash, so a deal stays in its shard when other deals are added or removed.
function hashSlug(slug: string): number {
	let hash = 0x811c9dc5;
	for (const char of slug) {
		hash ^= char.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/** Whether `slug` belongs to `shard`. */
export function isInShard(slug: string, shard: Shard): boolean {
	return hashSlug(slug) % shard.count === shard.index - 1;
}

/** Parses a comma- or space-separated list of slugs. */
export function parseDealList(text: string): string[] {
	return text
		.split(/[\s,]+/)
		.map((slug) => slug.trim())
		.filter((slug) => slug !== '');
}

/**
 * The slugs to build out of `slugs`. Named deals that do not exist are an error listing the
 * known ones, because a typo would otherwise publish nothing and look like success.
 */
export function selectDeals(slugs: readonly string[], options: { only?: readonly string[]; shard?: Shard }): string[] {
	const { only, shard } = options;
	if (only && only.length > 0) {
		const unknown = only.filter((slug) => !slugs.includes(slug));
		if (unknown.length > 0) {
			throw new Error(
				`--deal (MAPSITE_DEALS) names ${unknown.map((slug) => JSON.stringify(slug)).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not a plan in plans/. Known plans: ${slugs.join(', ')}.`,
			);
		}
	}
	return slugs.filter((slug) => (!only || only.length === 0 || only.includes(slug)) && (!shard || isInShard(slug, shard)));
}
