import { describe, expect, test } from 'vitest';
import { createRandom, deriveSeed } from '../../../tools/bench/lib/random.ts';

describe('createRandom', () => {
	test('repeats its sequence for the same seed', () => {
		const a = createRandom(42);
		const b = createRandom(42);
		expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
	});

	test('keeps int within its bounds and reaches both ends', () => {
		const random = createRandom(1);
		const seen = new Set(Array.from({ length: 500 }, () => random.int(2, 5)));
		expect([...seen].sort()).toEqual([2, 3, 4, 5]);
	});

	test('samples distinct elements', () => {
		const picked = createRandom(3).sample(['a', 'b', 'c', 'd', 'e'], 4);
		expect(new Set(picked).size).toBe(4);
	});
});

describe('deriveSeed', () => {
	test('gives each index its own seed', () => {
		expect(new Set(Array.from({ length: 100 }, (_, index) => deriveSeed(1, index))).size).toBe(100);
	});
});
