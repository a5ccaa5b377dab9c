/** Share links carry the raw content key in the URL fragment, which browsers never send to the server. */

import { CONTENT_KEY_BYTES } from './content-key.ts';
import { decodeBase64Url, encodeBase64Url } from './encoding.ts';

/** Builds the fragment `#k=<base64url key>` for a link that opens a deal without the password. */
export function buildShareFragment(rawKey: Uint8Array): string {
	if (rawKey.length !== CONTENT_KEY_BYTES) throw new RangeError(`A content key is ${CONTENT_KEY_BYTES} bytes, got ${rawKey.length}.`);
	return `#k=${encodeBase64Url(rawKey)}`;
}

/** Reads the content key from a location hash such as `#k=...`; undefined when absent, not base64url or not 32 bytes. */
export function readShareFragment(hash: string): Uint8Array<ArrayBuffer> | undefined {
	const encoded = new URLSearchParams(hash.replace(/^#/, '')).get('k');
	if (encoded === null) return undefined;
	try {
		const key = decodeBase64Url(encoded);
		return key.length === CONTENT_KEY_BYTES ? key : undefined;
	} catch {
		return undefined;
	}
}
