/**
 * A map whose entries all live for the same time and whose size is capped: the relay's memory for rate
 * limits and key versions. Entries are kept in the order they were (re)started, so the expired ones are
 * always at the front and each call removes only what it must: O(1) amortised, never a scan of the map.
 */

/** A bounded map of entries that expire `ttlMs` after they were set. */
export interface ExpiringMap<Value> {
	/** The live value of `key`, or undefined when it is absent or has expired. */
	get(key: string): Value | undefined;
	/** Whether `key` holds a live entry (whose value may itself be undefined). */
	has(key: string): boolean;
	/** Sets `key` to `value` for a full `ttlMs` from now, dropping the oldest entries if the map is full. */
	set(key: string, value: Value): void;
	/** How many entries are held, expired ones not yet dropped included. */
	readonly size: number;
}

/** Creates an expiring map; `now` returns milliseconds. */
export function createExpiringMap<Value>({ ttlMs, maxKeys }: { ttlMs: number; maxKeys: number }, now: () => number): ExpiringMap<Value> {
	if (!(ttlMs > 0)) throw new RangeError(`An expiry time must be a positive number of milliseconds, got ${ttlMs}.`);
	if (!(Number.isInteger(maxKeys) && maxKeys > 0)) throw new RangeError(`A key limit must be a positive whole number, got ${maxKeys}.`);
	// A Map iterates in insertion order; `set` deletes before inserting, so the first entry is always the oldest.
	const entries = new Map<string, { setAt: number; value: Value }>();

	function dropExpired(time: number): void {
		for (const [key, entry] of entries) {
			if (time - entry.setAt < ttlMs) return;
			entries.delete(key);
		}
	}

	return {
		get(key) {
			const time = now();
			dropExpired(time);
			return entries.get(key)?.value;
		},
		has(key) {
			dropExpired(now());
			return entries.has(key);
		},
		set(key, value) {
			const time = now();
			dropExpired(time);
			entries.delete(key);
			// Full of live entries: the oldest goes, which at worst gives that key a fresh start early.
			while (entries.size >= maxKeys) entries.delete(entries.keys().next().value!);
			entries.set(key, { setAt: time, value });
		},
		get size() {
			return entries.size;
		},
	};
}
