/** The per-deal token that lets a feedback post through the relay; it lives only inside the encrypted deal page. */

import { decodeBase64Url, encodeBase64Url, encodeUtf8, toBufferSource } from '../lib/crypto/encoding.ts';

/** The shortest relay secret accepted: 256 bits, the size of the HMAC-SHA256 key block's useful strength. */
export const RELAY_SECRET_MIN_BYTES = 32;

/** Reads `MAP_RELAY_SECRET` (base64url, at least RELAY_SECRET_MIN_BYTES), or says what is wrong with it. */
export function parseRelaySecret(text: string): { ok: true; secret: Uint8Array<ArrayBuffer> } | { ok: false; problem: string } {
	let secret: Uint8Array<ArrayBuffer>;
	try {
		secret = decodeBase64Url(text);
	} catch {
		return { ok: false, problem: 'MAP_RELAY_SECRET is not base64url (letters, digits, "-" and "_" only).' };
	}
	if (secret.length < RELAY_SECRET_MIN_BYTES) return { ok: false, problem: `MAP_RELAY_SECRET is ${secret.length} bytes; it must be at least ${RELAY_SECRET_MIN_BYTES}.` };
	return { ok: true, secret };
}

/** HMAC-SHA256 output length; a token of any other length cannot be valid. */
const TOKEN_BYTES = 32;

async function importRelayKey(relaySecret: Uint8Array, usage: 'sign' | 'verify'): Promise<CryptoKey> {
	if (relaySecret.length < RELAY_SECRET_MIN_BYTES) {
		throw new RangeError(`The relay secret must be at least ${RELAY_SECRET_MIN_BYTES} bytes, got ${relaySecret.length}.`);
	}
	return crypto.subtle.importKey('raw', toBufferSource(relaySecret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/** Creates the feedback token for a deal: base64url(HMAC-SHA256(relaySecret, 'feedback:' + dealId)). */
export async function createFeedbackToken(relaySecret: Uint8Array, dealId: string): Promise<string> {
	const key = await importRelayKey(relaySecret, 'sign');
	const mac = await crypto.subtle.sign('HMAC', key, encodeUtf8(`feedback:${dealId}`));
	return encodeBase64Url(new Uint8Array(mac));
}

/** Whether `token` is the feedback token of `dealId`; compared in constant time by WebCrypto's HMAC verify. */
export async function verifyFeedbackToken(relaySecret: Uint8Array, dealId: string, token: string): Promise<boolean> {
	const key = await importRelayKey(relaySecret, 'verify');
	let mac: Uint8Array<ArrayBuffer>;
	try {
		mac = decodeBase64Url(token);
	} catch {
		return false;
	}
	// The length is public (every valid token has it), so checking it first leaks nothing.
	if (mac.length !== TOKEN_BYTES) return false;
	return crypto.subtle.verify('HMAC', key, mac, encodeUtf8(`feedback:${dealId}`));
}
