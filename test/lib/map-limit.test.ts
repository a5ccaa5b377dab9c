import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../src/lib/map-limit.ts';

describe('mapLimit', () => {
	it('keeps input order and never runs more than the limit at once', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapLimit([5, 1, 4, 2, 3], 2, async (value) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setTimeout(resolve, value));
			running--;
			return value * 10;
		});
		expect(results).toEqual([50, 10, 40, 20, 30]);
		expect(peak).toBe(2);
	});
	it('rejects with the first failure', async () => {
		await expect(mapLimit([1, 2], 4, async (value) => (value === 2 ? Promise.reject(new Error('two')) : value))).rejects.toThrow('two');
	});
	it('handles nothing to do', async () => {
		expect(await mapLimit([], 3, async () => 1)).toEqual([]);
	});
});
