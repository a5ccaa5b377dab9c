/** The public id in a deal's URL: stable across builds, but not guessable from the slug without the site secret. */

import { encodeBase32, encodeUtf8, toBufferSource } from './encoding.ts';

/** 80 bits: too many to enumerate, short enough for a URL (16 base32 characters). */
const DEAL_ID_BYTES = 10;

/** Derives a deal's URL path id: the first 80 bits of HMAC-SHA256(siteSecret, 'deal-path:' + slug) as lower-case base32. */
export async function deriveDealPathId(siteSecret: Uint8Array, slug: string): Promise<string> {
	if (siteSecret.length < 16) throw new RangeError(`The site secret must be at least 16 bytes, got ${siteSecret.length}.`);
	if (slug === '') throw new RangeError('The deal slug must not be empty.');
	const key = await crypto.subtle.importKey('raw', toBufferSource(siteSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	const mac = await crypto.subtle.sign('HMAC', key, encodeUtf8(`deal-path:${slug}`));
	return encodeBase32(new Uint8Array(mac, 0, DEAL_ID_BYTES));
}
