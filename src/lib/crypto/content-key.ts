/** The per-deal AES-256 content key: random, or derived from the site secret so rebuilds keep old links working. */

import { encodeUtf8, toBufferSource } from './encoding.ts';

/** Length of a raw content key in bytes (AES-256). */
export const CONTENT_KEY_BYTES = 32;

const HKDF_SALT = 'mapsite content key v1';

/** Returns 32 fresh random bytes for a content key. */
export function generateContentKey(): Uint8Array<ArrayBuffer> {
	return crypto.getRandomValues(new Uint8Array(CONTENT_KEY_BYTES));
}

/** Derives a deal's 32-byte content key with HKDF-SHA256; the same inputs always give the same key, and bumping keyVersion rotates it. */
export async function deriveContentKey(siteSecret: Uint8Array, slug: string, keyVersion: number): Promise<Uint8Array<ArrayBuffer>> {
	if (siteSecret.length < 16) throw new RangeError(`The site secret must be at least 16 bytes, got ${siteSecret.length}.`);
	if (slug === '') throw new RangeError('The deal slug must not be empty.');
	if (!Number.isSafeInteger(keyVersion) || keyVersion < 1) {
		throw new RangeError(`keyVersion must be a whole number from 1, got ${keyVersion}.`);
	}
	const secret = await crypto.subtle.importKey('raw', toBufferSource(siteSecret), 'HKDF', false, ['deriveBits']);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'HKDF', hash: 'SHA-256', salt: encodeUtf8(HKDF_SALT), info: encodeUtf8(`${slug}:${keyVersion}`) },
		secret,
		CONTENT_KEY_BYTES * 8,
	);
	return new Uint8Array(bits);
}

/** Options for importContentKey. */
export interface ImportContentKeyOptions {
	/** Whether the raw key can be read back out of the CryptoKey; leave false in the browser. */
	extractable?: boolean;
}

/** Imports 32 raw bytes as an AES-GCM CryptoKey for encrypt and decrypt, non-extractable unless asked. */
export function importContentKey(raw: Uint8Array, { extractable = false }: ImportContentKeyOptions = {}): Promise<CryptoKey> {
	if (raw.length !== CONTENT_KEY_BYTES) {
		throw new RangeError(`A content key is ${CONTENT_KEY_BYTES} bytes, got ${raw.length}.`);
	}
	return crypto.subtle.importKey('raw', toBufferSource(raw), { name: 'AES-GCM' }, extractable, ['encrypt', 'decrypt']);
}
