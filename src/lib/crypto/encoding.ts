/** Byte encodings shared by the build (Node) and the gate (browser): base64url, base32, UTF-8. */

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** Encodes bytes as base64url without padding (RFC 4648 §5), safe in URLs and JSON. */
export function encodeBase64Url(bytes: Uint8Array): string {
	let binary = '';
	// Chunked so that large files do not overflow the argument limit of String.fromCharCode.
	for (let start = 0; start < bytes.length; start += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
	}
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes unpadded base64url; throws a TypeError on any character or length that base64url cannot produce. */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> {
	if (!BASE64URL.test(text) || text.length % 4 === 1) {
		throw new TypeError(`Not base64url: ${JSON.stringify(text.length > 20 ? `${text.slice(0, 17)}...` : text)}`);
	}
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	const bytes = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
	return bytes;
}

/** Encodes bytes as lower-case RFC 4648 base32 without padding (letters and 2-7 only). */
export function encodeBase32(bytes: Uint8Array): string {
	let text = '';
	let buffer = 0;
	let bits = 0;
	for (const byte of bytes) {
		buffer = ((buffer << 8) | byte) & 0xffff;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			text += BASE32_ALPHABET[(buffer >> bits) & 31];
		}
	}
	if (bits > 0) text += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
	return text;
}

/** Encodes a string as UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array<ArrayBuffer> {
	return new TextEncoder().encode(text);
}

/** Decodes UTF-8 bytes to a string; throws a TypeError on invalid UTF-8 rather than inventing characters. */
export function decodeUtf8(bytes: Uint8Array): string {
	return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The same bytes typed as WebCrypto accepts them, copied only when they live in a shared buffer. */
export function toBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
