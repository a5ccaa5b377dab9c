/**
 * One protected file: [magic 'MAP2'][12-byte nonce][AES-256-GCM ciphertext + 16-byte tag] of the
 * DEFLATEd plaintext, padded after compressing to a size bucket (see padding.ts), so its size says
 * little. The authenticated data binds it to its deal, its build and its path.
 */

import { compressBytes, decompressBytes } from './compress.ts';
import { encodeUtf8, toBufferSource } from './encoding.ts';
import { GateError } from './gate-error.ts';
import { padBytes, unpadBytes } from './padding.ts';

export { GateError, type GateErrorCode } from './gate-error.ts';

const MAGIC = encodeUtf8('MAP2');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** The smallest valid file: magic, nonce and tag around an empty ciphertext. */
const MIN_FILE_BYTES = MAGIC.length + NONCE_BYTES + TAG_BYTES;

/**
 * Builds the AAD that binds a file to its deal, build and path: `mapsite:v2:<dealId>:<buildId>:<path>`,
 * so files cannot be swapped between deals or pages, nor an older build's file served as this one's.
 */
export function buildFileAad(dealId: string, buildId: string, path: string): string {
	// A colon in an id would make two different (deal, build, path) triples share one AAD.
	if (dealId === '' || dealId.includes(':')) throw new RangeError(`Not a deal id: ${JSON.stringify(dealId)}.`);
	if (buildId === '' || buildId.includes(':')) throw new RangeError(`Not a build id: ${JSON.stringify(buildId)}.`);
	// The build and the browser must spell a path the same way, or every file fails its check.
	if (path === '' || path.startsWith('/') || path.includes('\\')) {
		throw new RangeError(`The file path must be relative with forward slashes, got ${JSON.stringify(path)}.`);
	}
	return `mapsite:v2:${dealId}:${buildId}:${path}`;
}

/** Compresses, pads, then encrypts a file under a fresh random nonce, authenticating `aad` (see buildFileAad). */
export async function encryptFile(key: CryptoKey, plaintext: Uint8Array, aad: string): Promise<Uint8Array<ArrayBuffer>> {
	const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
	const padded = padBytes(await compressBytes(plaintext));
	const ciphertext = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv: nonce, additionalData: encodeUtf8(aad), tagLength: TAG_BYTES * 8 },
		key,
		padded,
	);
	const file = new Uint8Array(MAGIC.length + NONCE_BYTES + ciphertext.byteLength);
	file.set(MAGIC, 0);
	file.set(nonce, MAGIC.length);
	file.set(new Uint8Array(ciphertext), MAGIC.length + NONCE_BYTES);
	return file;
}

/** Decrypts and inflates a file; throws GateError 'bad-format' or 'auth-failed' (wrong key, other AAD, tampered or cut short). */
export async function decryptFile(key: CryptoKey, data: Uint8Array, aad: string): Promise<Uint8Array<ArrayBuffer>> {
	if (data.length < MIN_FILE_BYTES || MAGIC.some((byte, index) => data[index] !== byte)) {
		throw new GateError('bad-format');
	}
	const bytes = toBufferSource(data);
	let padded: ArrayBuffer;
	try {
		padded = await crypto.subtle.decrypt(
			{
				name: 'AES-GCM',
				iv: bytes.subarray(MAGIC.length, MAGIC.length + NONCE_BYTES),
				additionalData: encodeUtf8(aad),
				tagLength: TAG_BYTES * 8,
			},
			key,
			bytes.subarray(MAGIC.length + NONCE_BYTES),
		);
	} catch (cause) {
		throw new GateError('auth-failed', { cause });
	}
	try {
		return await decompressBytes(unpadBytes(new Uint8Array(padded)));
	} catch (cause) {
		// Authentic but not padded DEFLATE: written by something other than encryptFile.
		throw new GateError('bad-format', { cause });
	}
}
