/** Fixed-window request counting, in memory, so one relay instance can refuse floods without a database. */

/** At most `limit` requests per key in each window of `windowMs` milliseconds. */
export interface RateLimit {
	limit: number;
	windowMs: number;
}

/** The outcome of counting one request: allowed, or refused with the seconds until the window resets. */
export type RateDecision = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

/** Counts requests per key; `take` records one request and says whether it fits in the current window. */
export interface FixedWindowLimiter {
	take(key: string): RateDecision;
}

// Windows are dropped once this many keys are tracked, so spoofed addresses cannot grow memory without bound.
const PRUNE_AT_KEYS = 10_000;

/** Creates a limiter whose windows start at each key's first request; `now` returns milliseconds. */
export function createFixedWindowLimiter({ limit, windowMs }: RateLimit, now: () => number): FixedWindowLimiter {
	if (!(Number.isInteger(limit) && limit > 0)) throw new RangeError(`A rate limit must be a positive whole number, got ${limit}.`);
	if (!(windowMs > 0)) throw new RangeError(`A rate-limit window must be a positive number of milliseconds, got ${windowMs}.`);
	const windows = new Map<string, { start: number; count: number }>();

	function prune(time: number): void {
		for (const [key, window] of windows) {
			if (time - window.start >= windowMs) windows.delete(key);
		}
	}

	return {
		take(key) {
			const time = now();
			if (windows.size >= PRUNE_AT_KEYS) prune(time);
			let window = windows.get(key);
			if (window === undefined || time - window.start >= windowMs) {
				window = { start: time, count: 0 };
				windows.set(key, window);
			}
			if (window.count >= limit) {
				return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - time) / 1000)) };
			}
			window.count++;
			return { isAllowed: true };
		},
	};
}
