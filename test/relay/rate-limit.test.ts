import { afterEach, describe, expect, test } from 'vitest';
import { createExpiringMap } from '../../src/relay/expiring-map.ts';
import { createFixedWindowLimiter } from '../../src/relay/rate-limit.ts';

const originalIterator = Map.prototype[Symbol.iterator];
afterEach(() => {
	Map.prototype[Symbol.iterator] = originalIterator;
});

/** Counts every entry any Map hands out while iterating, from now on. */
function countMapVisits(): { readonly visits: number } {
	const counter = { visits: 0 };
	Map.prototype[Symbol.iterator] = function (this: Map<unknown, unknown>) {
		const inner = originalIterator.call(this);
		return Object.assign(Object.create(Object.getPrototypeOf(inner)), {
			next() {
				counter.visits++;
				return inner.next();
			},
			[Symbol.iterator]() {
				return this;
			},
		});
	} as typeof originalIterator;
	return counter;
}

describe('createFixedWindowLimiter', () => {
	test('allows the limit in a window, then refuses with the seconds left, then allows again in the next window', () => {
		let time = 0;
		const limiter = createFixedWindowLimiter({ limit: 2, windowMs: 60_000 }, () => time);
		expect(limiter.take('a')).toEqual({ isAllowed: true });
		time = 10_000;
		expect(limiter.take('a')).toEqual({ isAllowed: true });
		time = 20_500;
		expect(limiter.take('a')).toEqual({ isAllowed: false, retryAfterSeconds: 40 });
		expect(limiter.take('b')).toEqual({ isAllowed: true });
		time = 60_000;
		expect(limiter.take('a')).toEqual({ isAllowed: true });
	});

	test('check says whether a request would fit without counting it', () => {
		const limiter = createFixedWindowLimiter({ limit: 1, windowMs: 60_000 }, () => 0);
		for (let index = 0; index < 5; index++) expect(limiter.check('a')).toEqual({ isAllowed: true });
		expect(limiter.take('a')).toEqual({ isAllowed: true });
		expect(limiter.check('a')).toEqual({ isAllowed: false, retryAfterSeconds: 60 });
	});

	test('never holds more keys than its cap, however many addresses arrive in one window', () => {
		let time = 0;
		const limiter = createFixedWindowLimiter({ limit: 1, windowMs: 60_000 }, () => time, 100);
		for (let index = 0; index < 1000; index++) {
			time = index;
			limiter.take(`address:${index}`);
		}
		// The newest 100 are remembered; the oldest were forgotten first.
		expect(limiter.take('address:999').isAllowed).toBe(false);
		expect(limiter.take('address:900').isAllowed).toBe(false);
		expect(limiter.take('address:0').isAllowed).toBe(true);
	});

	test('does a bounded amount of work per request when full of live windows, instead of scanning them all', () => {
		let time = 0;
		const limiter = createFixedWindowLimiter({ limit: 1, windowMs: 60_000 }, () => time, 10_000);
		for (let index = 0; index < 10_000; index++) limiter.take(`address:${index}`);
		time = 1;
		const counter = countMapVisits();
		for (let index = 0; index < 1000; index++) limiter.take(`spoofed:${index}`);
		// One look at the oldest window per call (it is still live), and nothing else.
		expect(counter.visits).toBeLessThanOrEqual(2 * 1000 * 2);
	});

	test.each([
		[{ limit: 0, windowMs: 1000 }, 'A rate limit must be a positive whole number, got 0.'],
		[{ limit: 1, windowMs: 0 }, 'A rate-limit window must be a positive number of milliseconds, got 0.'],
	])('refuses the settings %j', (settings, message) => {
		expect(() => createFixedWindowLimiter(settings, () => 0)).toThrow(message);
	});
});

describe('createExpiringMap', () => {
	test('forgets an entry once its time is up, and a second set restarts it', () => {
		let time = 0;
		const map = createExpiringMap<number>({ ttlMs: 100, maxKeys: 10 }, () => time);
		map.set('a', 1);
		map.set('b', 2);
		time = 50;
		map.set('a', 3);
		time = 120;
		expect(map.get('b')).toBeUndefined();
		expect(map.get('a')).toBe(3);
		expect(map.size).toBe(1);
		time = 150;
		expect(map.get('a')).toBeUndefined();
		expect(map.size).toBe(0);
	});

	test('drops every expired entry once, over many calls: the work is amortised, not repeated', () => {
		let time = 0;
		const map = createExpiringMap<number>({ ttlMs: 100, maxKeys: 100_000 }, () => time);
		for (let index = 0; index < 20_000; index++) map.set(`k${index}`, index);
		time = 200;
		const counter = countMapVisits();
		for (let index = 0; index < 20_000; index++) map.get(`k${index}`);
		// 20,000 expired entries dropped once each (which shows the counting works), plus one look per call at an empty map.
		expect(counter.visits).toBeGreaterThanOrEqual(20_000);
		expect(counter.visits).toBeLessThanOrEqual(20_000 + 2 * 20_000);
		expect(map.size).toBe(0);
	});
});
