/** Remembers key versions for a short while, so a busy deal costs GitHub one read a minute, not one per post. */

import { createExpiringMap } from './expiring-map.ts';
import type { KeyVersionReader } from './github-key-versions.ts';

/** How long a key version is trusted: a rotation takes effect at the relay within this time. */
export const KEY_VERSION_TTL_MS = 60_000;

/** Wraps `read` with a bounded cache of its answers (failures are not kept, so the next post asks again). */
export function cacheKeyVersions(read: KeyVersionReader, now: () => number, { ttlMs = KEY_VERSION_TTL_MS, maxKeys = 1000 } = {}): KeyVersionReader {
	const known = createExpiringMap<number | undefined>({ ttlMs, maxKeys }, now);
	const pending = new Map<string, Promise<number | undefined>>();
	return async (slug) => {
		// `undefined` is an answer too (no such plan), so presence is asked separately.
		if (known.has(slug)) return known.get(slug);
		let reading = pending.get(slug);
		if (reading === undefined) {
			reading = read(slug)
				.then((version) => {
					known.set(slug, version);
					return version;
				})
				.finally(() => pending.delete(slug));
			pending.set(slug, reading);
		}
		return reading;
	};
}
