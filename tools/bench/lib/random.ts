/** A small seeded random source, so the same seed always generates the same synthetic deals. */

/** Draws numbers and choices from one deterministic sequence. */
export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both included. */
	int(min: number, max: number): number;
	/** One element of a non-empty list. */
	pick<T>(list: readonly T[]): T;
	/** True with probability `p`. */
	chance(p: number): boolean;
	/** `count` distinct elements of `list`, in a shuffled order. */
	sample<T>(list: readonly T[], count: number): T[];
}

/** A mulberry32 generator: tiny, fast and good enough for test data (not for secrets elsewhere). */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick: (list) => list[int(0, list.length - 1)],
		chance: (p) => next() < p,
		sample: (list, count) => {
			const copy = [...list];
			for (let index = copy.length - 1; index > 0; index--) {
				const other = int(0, index);
				[copy[index], copy[other]] = [copy[other], copy[index]];
			}
			return copy.slice(0, Math.min(count, copy.length));
		},
	};
}

/** A stable per-item seed, so deal 7 is the same whether 50 or 200 deals are generated. */
export function deriveSeed(seed: number, index: number): number {
	return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}
