import { describe, expect, test } from 'vitest';
import { generateContentKey } from '../../../src/lib/crypto/content-key.ts';
import { encodeBase64Url } from '../../../src/lib/crypto/encoding.ts';
import { buildShareFragment, readShareFragment } from '../../../src/lib/crypto/share-link.ts';

describe('buildShareFragment', () => {
	test('writes #k= and the key in 43 base64url characters', () => {
		expect(buildShareFragment(generateContentKey())).toMatch(/^#k=[A-Za-z0-9_-]{43}$/);
	});

	test.each([0, 31, 33])('rejects a %i-byte key', (length) => {
		expect(() => buildShareFragment(new Uint8Array(length))).toThrow(RangeError);
	});
});

describe('readShareFragment', () => {
	test('reads back the key that buildShareFragment wrote', () => {
		const key = generateContentKey();
		expect(readShareFragment(buildShareFragment(key))).toEqual(key);
	});

	test('reads the key without the leading # and among other parameters', () => {
		const key = generateContentKey();
		const encoded = encodeBase64Url(key);
		expect(readShareFragment(`k=${encoded}`)).toEqual(key);
		expect(readShareFragment(`#view=timeline&k=${encoded}`)).toEqual(key);
	});

	test.each([
		['an empty hash', ''],
		['a bare #', '#'],
		['an empty key', '#k='],
		['another parameter', `#key=${encodeBase64Url(new Uint8Array(32))}`],
		['a 31-byte key', `#k=${encodeBase64Url(new Uint8Array(31))}`],
		['a 33-byte key', `#k=${encodeBase64Url(new Uint8Array(33))}`],
		['a 16-byte key', `#k=${encodeBase64Url(new Uint8Array(16))}`],
		['a key that is not base64url', `#k=${'*'.repeat(43)}`],
		['padded standard base64', `#k=${Buffer.from(new Uint8Array(32)).toString('base64')}`],
	])('returns undefined for %s', (_what, hash) => {
		expect(readShareFragment(hash)).toBeUndefined();
	});
});
