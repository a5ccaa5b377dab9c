import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { deriveDealPathId } from '../../../src/lib/crypto/deal-id.ts';

const siteSecret = new Uint8Array(32).map((_, index) => index * 3);

describe('deriveDealPathId', () => {
	test('gives the same id for the same secret and slug', async () => {
		expect(await deriveDealPathId(siteSecret, 'northwind')).toBe(await deriveDealPathId(siteSecret, 'northwind'));
	});

	test('is 16 lower-case base32 characters, safe in a URL path', async () => {
		const id = await deriveDealPathId(siteSecret, 'northwind');
		expect(id).toMatch(/^[a-z2-7]{16}$/);
		expect(encodeURIComponent(id)).toBe(id);
	});

	test('is the first 80 bits of HMAC-SHA256(secret, "deal-path:" + slug) (checked against node:crypto)', async () => {
		const mac = createHmac('sha256', siteSecret).update('deal-path:northwind').digest();
		const bits = [...mac.subarray(0, 10)].map((byte) => byte.toString(2).padStart(8, '0')).join('');
		const expected = bits.match(/.{5}/g)!.map((chunk) => 'abcdefghijklmnopqrstuvwxyz234567'[parseInt(chunk, 2)]).join('');
		expect(await deriveDealPathId(siteSecret, 'northwind')).toBe(expected);
	});

	test('differs between slugs and between site secrets', async () => {
		const ids = new Set([
			await deriveDealPathId(siteSecret, 'northwind'),
			await deriveDealPathId(siteSecret, 'contoso'),
			await deriveDealPathId(siteSecret, 'northwind-2'),
			await deriveDealPathId(new Uint8Array(32).fill(9), 'northwind'),
		]);
		expect(ids.size).toBe(4);
	});

	test.each([
		['a short site secret', new Uint8Array(8), 'northwind'],
		['an empty slug', siteSecret, ''],
	] as const)('rejects %s', async (_what, secret, slug) => {
		await expect(deriveDealPathId(secret, slug)).rejects.toThrow(RangeError);
	});
});
