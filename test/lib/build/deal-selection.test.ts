import { describe, expect, it } from 'vitest';
import { isInShard, parseDealList, parseShard, selectDeals } from '../../../src/lib/build/deal-selection.ts';

const slugs = Array.from({ length: 40 }, (_, index) => `deal-${index}`);

describe('parseShard', () => {
	it('reads i/n', () => {
		expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
		expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
	});
	it.each(['0/4', '5/4', '2', 'a/b', '1/0', ''])('refuses %j with the fix', (text) => {
		expect(() => parseShard(text)).toThrow(/MAPSITE_SHARD .* i\/n/);
	});
});

describe('selectDeals', () => {
	it('builds everything by default', () => {
		expect(selectDeals(slugs, {})).toEqual(slugs);
	});
	it('builds only the named deals', () => {
		expect(selectDeals(slugs, { only: parseDealList('deal-3, deal-7') })).toEqual(['deal-3', 'deal-7']);
	});
	it('names unknown deals and lists the known ones', () => {
		expect(() => selectDeals(['a', 'b'], { only: ['c'] })).toThrow('--deal (MAPSITE_DEALS) names "c", which is not a plan in plans/. Known plans: a, b.');
	});
	it('splits deals into disjoint shards that cover every deal', () => {
		const shards = [1, 2, 3, 4].map((index) => selectDeals(slugs, { shard: { index, count: 4 } }));
		expect(shards.flat().sort()).toEqual([...slugs].sort());
		expect(new Set(shards.flat()).size).toBe(slugs.length);
		// A hash, not a round-robin: every shard gets some of 40 deals.
		for (const shard of shards) expect(shard.length).toBeGreaterThan(0);
	});
	it('keeps a deal in its shard when others are added', () => {
		const before = slugs.filter((slug) => isInShard(slug, { index: 2, count: 3 }));
		const after = selectDeals([...slugs, 'new-deal', 'another'], { shard: { index: 2, count: 3 } });
		for (const slug of before) expect(after).toContain(slug);
	});
});
