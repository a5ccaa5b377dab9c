import { describe, expect, test } from 'vitest';
import { decodeBase64Url, decodeUtf8, encodeBase32, encodeBase64Url, encodeUtf8, toBufferSource } from '../../../src/lib/crypto/encoding.ts';

const ascii = (text: string) => new TextEncoder().encode(text);

// RFC 4648 §10 test vectors, without padding.
const RFC_VECTORS: [string, string, string][] = [
	['', '', ''],
	['f', 'Zg', 'my'],
	['fo', 'Zm8', 'mzxq'],
	['foo', 'Zm9v', 'mzxw6'],
	['foob', 'Zm9vYg', 'mzxw6yq'],
	['fooba', 'Zm9vYmE', 'mzxw6ytb'],
	['foobar', 'Zm9vYmFy', 'mzxw6ytboi'],
];

describe('encodeBase64Url', () => {
	test.each(RFC_VECTORS)('encodes %j as %j without padding', (input, base64) => {
		expect(encodeBase64Url(ascii(input))).toBe(base64);
	});

	test('uses - and _ instead of + and /', () => {
		expect(encodeBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
	});

	test('encodes inputs larger than one chunk like Node does', () => {
		const bytes = new Uint8Array(100_001).map((_, index) => (index * 7919) % 256);
		expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
	});
});

describe('decodeBase64Url', () => {
	test.each(RFC_VECTORS)('decodes the encoding of %j', (input, base64) => {
		expect(decodeBase64Url(base64)).toEqual(ascii(input));
	});

	test.each(['Zg==', 'Zm9v+', 'a/b', 'ab cd', 'Z', 'Zm9vY'])('rejects %j, which base64url without padding never produces', (text) => {
		expect(() => decodeBase64Url(text)).toThrow(TypeError);
	});
});

describe('encodeBase32', () => {
	test.each(RFC_VECTORS)('encodes %j as lower-case base32', (input, _base64, base32) => {
		expect(encodeBase32(ascii(input))).toBe(base32);
	});

	test('uses only a-z and 2-7', () => {
		expect(encodeBase32(crypto.getRandomValues(new Uint8Array(64)))).toMatch(/^[a-z2-7]+$/);
	});
});

describe('encodeUtf8', () => {
	test('encodes non-ASCII text as UTF-8', () => {
		expect([...encodeUtf8('é€')]).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac]);
	});
});

describe('decodeUtf8', () => {
	test('decodes what encodeUtf8 encoded', () => {
		expect(decodeUtf8(encodeUtf8('Mutual plan — 見積 🚀'))).toBe('Mutual plan — 見積 🚀');
	});

	test('rejects invalid UTF-8 instead of substituting characters', () => {
		expect(() => decodeUtf8(new Uint8Array([0xff, 0xfe]))).toThrow(TypeError);
	});
});

describe('toBufferSource', () => {
	test('returns the same view when the bytes are in an ordinary ArrayBuffer', () => {
		const bytes = new Uint8Array([1, 2, 3]);
		expect(toBufferSource(bytes)).toBe(bytes);
	});

	test('copies bytes out of a SharedArrayBuffer', () => {
		const bytes = new Uint8Array(new SharedArrayBuffer(3));
		bytes.set([1, 2, 3]);
		const copy = toBufferSource(bytes);
		expect(copy.buffer).toBeInstanceOf(ArrayBuffer);
		expect([...copy]).toEqual([1, 2, 3]);
	});
});
