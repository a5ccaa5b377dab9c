import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { generateContentKey } from '../../../src/lib/crypto/content-key.ts';
import { decodeBase64Url } from '../../../src/lib/crypto/encoding.ts';
import { GateError } from '../../../src/lib/crypto/gate-error.ts';
import { PBKDF2_ITERATIONS, unwrapContentKey, wrapContentKey, type WrappedContentKey } from '../../../src/lib/crypto/key-wrap.ts';

// Real wraps use 600k rounds; 1000 keeps the suite fast and exercises the same code.
const fast = { iterations: 1000 };
const rawKey = generateContentKey();

/** The GateError code a promise rejects with, or a note if it resolved or threw something else. */
async function gateCode(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
		return 'resolved';
	} catch (error) {
		return error instanceof GateError ? error.code : `other: ${String(error)}`;
	}
}

describe('PBKDF2_ITERATIONS', () => {
	test('is 600,000', () => {
		expect(PBKDF2_ITERATIONS).toBe(600_000);
	});
});

describe('wrapContentKey', () => {
	test('uses 600,000 PBKDF2 iterations unless told otherwise', async () => {
		const record = await wrapContentKey('correct horse', rawKey, 'deal-a');
		expect(record.iterations).toBe(600_000);
	});

	test('writes a versioned record with a 16-byte salt, a 12-byte IV and the 48-byte sealed key', async () => {
		const record = await wrapContentKey('correct horse', rawKey, 'deal-a', fast);
		expect(record).toMatchObject({ v: 1, kdf: 'PBKDF2-SHA256', iterations: 1000 });
		expect(Object.keys(record).sort()).toEqual(['iterations', 'iv', 'kdf', 'salt', 'v', 'wrapped']);
		expect(decodeBase64Url(record.salt)).toHaveLength(16);
		expect(decodeBase64Url(record.iv)).toHaveLength(12);
		expect(decodeBase64Url(record.wrapped)).toHaveLength(48);
	});

	test('does not put the password or the raw key in the record', async () => {
		const record = await wrapContentKey('correct horse', rawKey, 'deal-a', fast);
		const json = JSON.stringify(record);
		expect(json).not.toContain('correct horse');
		expect(json).not.toContain(Buffer.from(rawKey).toString('base64url'));
	});

	test('seals the key with AES-256-GCM under PBKDF2-HMAC-SHA256 and AAD "mapsite:key:<dealId>" (checked against node:crypto)', async () => {
		const salt = new Uint8Array(16).fill(5);
		const record = await wrapContentKey('correct horse', rawKey, 'deal-a', { ...fast, salt });
		expect(record.salt).toBe(Buffer.from(salt).toString('base64url'));
		const kek = pbkdf2Sync('correct horse', salt, 1000, 32, 'sha256');
		const sealed = decodeBase64Url(record.wrapped);
		const decipher = createDecipheriv('aes-256-gcm', kek, decodeBase64Url(record.iv));
		decipher.setAAD(Buffer.from('mapsite:key:deal-a'));
		decipher.setAuthTag(sealed.subarray(32));
		expect(new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(0, 32)), decipher.final()]))).toEqual(rawKey);
	});

	test('uses a fresh salt and IV each time', async () => {
		const first = await wrapContentKey('correct horse', rawKey, 'deal-a', fast);
		const second = await wrapContentKey('correct horse', rawKey, 'deal-a', fast);
		expect(second.salt).not.toBe(first.salt);
		expect(second.iv).not.toBe(first.iv);
	});

	test.each([
		['an empty password', '', rawKey, fast],
		['a 16-byte key', 'pw', new Uint8Array(16), fast],
		['zero iterations', 'pw', rawKey, { iterations: 0 }],
		['an 8-byte salt', 'pw', rawKey, { ...fast, salt: new Uint8Array(8) }],
	] as const)('rejects %s', async (_what, password, key, options) => {
		await expect(wrapContentKey(password, key, 'deal-a', options)).rejects.toThrow(RangeError);
	});
});

describe('unwrapContentKey', () => {
	test('returns the raw content key for the right password and deal', async () => {
		const record = await wrapContentKey('correct horse', rawKey, 'deal-a', fast);
		expect(await unwrapContentKey('correct horse', record, 'deal-a')).toEqual(rawKey);
	});

	test('accepts the same password typed with a different Unicode normalization', async () => {
		const record = await wrapContentKey('caf\u00e9', rawKey, 'deal-a', fast);
		expect(await unwrapContentKey('cafe\u0301', record, 'deal-a')).toEqual(rawKey);
	});

	test.each(['Correct horse', 'correct horse ', '', 'wrong'])('fails with wrong-password for %j', async (password) => {
		const record = await wrapContentKey('correct horse', rawKey, 'deal-a', fast);
		expect(await gateCode(unwrapContentKey(password, record, 'deal-a'))).toBe('wrong-password');
	});

	test("does not unwrap deal A's key with deal B's id", async () => {
		const record = await wrapContentKey('correct horse', rawKey, 'deal-a', fast);
		expect(await gateCode(unwrapContentKey('correct horse', record, 'deal-b'))).toBe('wrong-password');
	});

	test.each<[string, (record: WrappedContentKey) => unknown]>([
		['an unknown version', (record) => ({ ...record, v: 2 })],
		['an unknown KDF', (record) => ({ ...record, kdf: 'scrypt' })],
		['a non-integer iteration count', (record) => ({ ...record, iterations: '1000' })],
		['a salt that is not base64url', (record) => ({ ...record, salt: 'a+b/' })],
		['a short IV', (record) => ({ ...record, iv: 'AAAA' })],
		['a missing wrapped key', ({ wrapped: _, ...record }) => record],
	])('fails with bad-format for a record with %s', async (_what, spoil) => {
		const record = await wrapContentKey('correct horse', rawKey, 'deal-a', fast);
		expect(await gateCode(unwrapContentKey('correct horse', spoil(record) as WrappedContentKey, 'deal-a'))).toBe('bad-format');
	});

	test('tells the visitor the password is wrong', async () => {
		const record = await wrapContentKey('correct horse', rawKey, 'deal-a', fast);
		await expect(unwrapContentKey('wrong', record, 'deal-a')).rejects.toThrowErrorMatchingInlineSnapshot(`[GateError: That password is not right for this deal. Check it and try again.]`);
	});
});
