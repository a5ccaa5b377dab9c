/**
 * Where a post comes from, for the per-address limits. Only headers that a trusted hop wrote count:
 * anything a client sends itself (a made-up X-Forwarded-For entry, a CF-Connecting-IP off Cloudflare)
 * would let it pick a fresh address for every post.
 */

/** Reads a request's client address; every relay entry point passes the one that suits its host. */
export type ClientAddressReader = (request: Request) => string;

/** The largest MAP_RELAY_TRUST_PROXY accepted; no real chain of proxies is longer. */
export const MAX_TRUSTED_HOPS = 10;

/**
 * Reads X-Forwarded-For behind `trustedHops` proxies that each append the address they saw: the entry that
 * many places from the right is the last one no client could write. With fewer entries than hops, the
 * left-most (written by a trusted proxy all the same). 'unknown' without the header.
 */
export function createForwardedAddressReader(trustedHops: number): ClientAddressReader {
	if (!(Number.isInteger(trustedHops) && trustedHops >= 1 && trustedHops <= MAX_TRUSTED_HOPS)) {
		throw new RangeError(`The number of trusted proxies must be a whole number from 1 to ${MAX_TRUSTED_HOPS}, got ${trustedHops}.`);
	}
	return (request) => {
		// Several X-Forwarded-For headers arrive joined with commas, in order, which is what the count needs.
		const hops = (request.headers.get('x-forwarded-for') ?? '')
			.split(',')
			.map((hop) => hop.trim())
			.filter((hop) => hop !== '');
		if (hops.length === 0) return 'unknown';
		return hops[Math.max(0, hops.length - trustedHops)]!;
	};
}

/** Cloudflare's own record of the client (Workers): set by its edge, which drops any copy the client sent. */
export function readCloudflareAddress(request: Request): string {
	return request.headers.get('cf-connecting-ip')?.trim() || 'unknown';
}

/** Reads `MAP_RELAY_TRUST_PROXY`: unset or 0 for no proxy, else how many proxies sit in front; `1` as before. */
export function parseTrustedHops(text: string | undefined): { ok: true; hops: number } | { ok: false; problem: string } {
	const value = text?.trim() ?? '';
	if (value === '') return { ok: true, hops: 0 };
	const hops = Number(value);
	if (!/^\d+$/.test(value) || hops > MAX_TRUSTED_HOPS) {
		return {
			ok: false,
			problem: `MAP_RELAY_TRUST_PROXY ${JSON.stringify(value)} is not a number of proxies from 0 to ${MAX_TRUSTED_HOPS}; set it to how many proxies in front of the relay append to X-Forwarded-For (usually 1), or leave it unset.`,
		};
	}
	return { ok: true, hops };
}
