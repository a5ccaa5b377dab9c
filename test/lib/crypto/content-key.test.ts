import { hkdfSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { deriveContentKey, generateContentKey, importContentKey } from '../../../src/lib/crypto/content-key.ts';

const siteSecret = new Uint8Array(32).map((_, index) => index);
const otherSecret = new Uint8Array(32).fill(7);

describe('generateContentKey', () => {
	test('returns 32 bytes that differ on every call', () => {
		const first = generateContentKey();
		expect(first).toHaveLength(32);
		expect(generateContentKey()).not.toEqual(first);
	});
});

describe('deriveContentKey', () => {
	test('returns the same 32 bytes for the same secret, slug and version', async () => {
		const first = await deriveContentKey(siteSecret, 'northwind', 1);
		expect(first).toHaveLength(32);
		expect(await deriveContentKey(siteSecret, 'northwind', 1)).toEqual(first);
	});

	test('matches HKDF-SHA256 with the documented salt and info (checked against node:crypto)', async () => {
		const expected = new Uint8Array(hkdfSync('sha256', siteSecret, 'mapsite content key v1', 'northwind:3', 32));
		expect(await deriveContentKey(siteSecret, 'northwind', 3)).toEqual(expected);
	});

	test.each([
		['slug', siteSecret, 'contoso', 1],
		['key version', siteSecret, 'northwind', 2],
		['site secret', otherSecret, 'northwind', 1],
	] as const)('gives a different key when the %s changes', async (_what, secret, slug, version) => {
		expect(await deriveContentKey(secret, slug, version)).not.toEqual(await deriveContentKey(siteSecret, 'northwind', 1));
	});

	test.each([
		['a short site secret', new Uint8Array(15), 'northwind', 1],
		['an empty slug', siteSecret, '', 1],
		['key version 0', siteSecret, 'northwind', 0],
		['a fractional key version', siteSecret, 'northwind', 1.5],
	] as const)('rejects %s', async (_what, secret, slug, version) => {
		await expect(deriveContentKey(secret, slug, version)).rejects.toThrow(RangeError);
	});
});

describe('importContentKey', () => {
	test('imports a non-extractable AES-GCM key by default', async () => {
		const key = await importContentKey(generateContentKey());
		expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
		expect(key.extractable).toBe(false);
		expect(key.usages.sort()).toEqual(['decrypt', 'encrypt']);
		await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
	});

	test('imports an extractable key when asked', async () => {
		const raw = generateContentKey();
		const key = await importContentKey(raw, { extractable: true });
		expect(new Uint8Array(await crypto.subtle.exportKey('raw', key))).toEqual(raw);
	});

	test.each([16, 31, 33])('rejects a %i-byte key', (length) => {
		expect(() => importContentKey(new Uint8Array(length))).toThrow(RangeError);
	});
});
