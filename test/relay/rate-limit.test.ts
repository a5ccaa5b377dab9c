import { describe, expect, test } from 'vitest';
import { createFixedWindowLimiter } from '../../src/relay/rate-limit.ts';

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

	test.each([
		[{ limit: 0, windowMs: 1000 }, 'A rate limit must be a positive whole number, got 0.'],
		[{ limit: 1, windowMs: 0 }, 'A rate-limit window must be a positive number of milliseconds, got 0.'],
	])('refuses the settings %j', (settings, message) => {
		expect(() => createFixedWindowLimiter(settings, () => 0)).toThrow(message);
	});
});
