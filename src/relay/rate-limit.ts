/** Fixed-window request limits, kept in bounded memory (src/relay/expiring-map.ts). */

import { createExpiringMap } from './expiring-map.ts';

/** At most `limit` requests per `windowMs` milliseconds. */
export interface RateLimit {
	limit: number;
	windowMs: number;
}

/** Whether a request fits, and if not, when the window opens again. */
export type RateDecision = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

/** Counts requests per key in windows that start at each key's first request. */
export interface FixedWindowLimiter {
	/** Says whether one more request would fit, without counting it. */
	check(key: string): RateDecision;
	/** Counts one request and says whether it fitted. */
	take(key: string): RateDecision;
}

/** The most keys a limiter remembers; past it the oldest window is forgotten, so memory stays bounded whatever arrives. */
export const DEFAULT_MAX_KEYS = 10_000;

/** Creates a limiter; `now` returns milliseconds. */
export function createFixedWindowLimiter({ limit, windowMs }: RateLimit, now: () => number, maxKeys = DEFAULT_MAX_KEYS): FixedWindowLimiter {
	if (!(Number.isInteger(limit) && limit > 0)) throw new RangeError(`A rate limit must be a positive whole number, got ${limit}.`);
	if (!(windowMs > 0)) throw new RangeError(`A rate-limit window must be a positive number of milliseconds, got ${windowMs}.`);
	const windows = createExpiringMap<{ start: number; count: number }>({ ttlMs: windowMs, maxKeys }, now);

	function decide(key: string, isCounted: boolean): RateDecision {
		let window = windows.get(key);
		if (window === undefined) {
			if (!isCounted) return { isAllowed: true };
			window = { start: now(), count: 0 };
			windows.set(key, window);
		}
		if (window.count >= limit) {
			return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now()) / 1000)) };
		}
		if (isCounted) window.count++;
		return { isAllowed: true };
	}

	return {
		check: (key) => decide(key, false),
		take: (key) => decide(key, true),
	};
}
