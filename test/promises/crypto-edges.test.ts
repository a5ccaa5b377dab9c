/**
 * The crypto module's refusals and edges, pinned so that mutation testing (docs/mutation.md) finds
 * every changed bound, dropped check and emptied message: each refusal says what was wrong, and
 * each failure to open keeps its cause for whoever debugs it.
 */
import { describe, expect, test } from 'vitest';
import {
	buildFileAad,
	buildShareFragment,
	decodeBase64Url,
	deriveContentKey,
	deriveDealPathId,
	encryptFile,
	GateError,
	importContentKey,
	unwrapContentKey,
	wrapContentKey,
	decryptFile,
	encodeBase64Url,
	encodeUtf8,
	type WrappedContentKey,
} from '../../src/lib/crypto/index.ts';
import { padBytes, unpadBytes } from '../../src/lib/crypto/padding.ts';

const KEY = new Uint8Array(32).fill(7);
const SECRET_16 = new Uint8Array(16).fill(1);

async function rejection(promise: Promise<unknown>): Promise<GateError> {
	const error = await promise.then(
		() => undefined,
		(reason: unknown) => reason,
	);
	expect(error).toBeInstanceOf(GateError);
	return error as GateError;
}

describe('site secret and slug checks', () => {
	test('accept a site secret of exactly 16 bytes', async () => {
		await expect(deriveContentKey(SECRET_16, 'acme', 1)).resolves.toHaveLength(32);
		await expect(deriveDealPathId(SECRET_16, 'acme')).resolves.toMatch(/^[a-z2-7]+$/);
	});

	test('name what is wrong with a short secret, an empty slug or a bad key version', async () => {
		await expect(deriveContentKey(new Uint8Array(15), 'acme', 1)).rejects.toThrowErrorMatchingInlineSnapshot(`[RangeError: The site secret must be at least 16 bytes, got 15.]`);
		await expect(deriveContentKey(SECRET_16, '', 1)).rejects.toThrowErrorMatchingInlineSnapshot(`[RangeError: The deal slug must not be empty.]`);
		await expect(deriveContentKey(SECRET_16, 'acme', 0)).rejects.toThrowErrorMatchingInlineSnapshot(`[RangeError: keyVersion must be a whole number from 1, got 0.]`);
		await expect(deriveDealPathId(new Uint8Array(15), 'acme')).rejects.toThrowErrorMatchingInlineSnapshot(`[RangeError: The site secret must be at least 16 bytes, got 15.]`);
		await expect(deriveDealPathId(SECRET_16, '')).rejects.toThrowErrorMatchingInlineSnapshot(`[RangeError: The deal slug must not be empty.]`);
	});
});

describe('content key checks', () => {
	test('name the expected and the received length', async () => {
		expect(() => importContentKey(new Uint8Array(31))).toThrowErrorMatchingInlineSnapshot(`[RangeError: A content key is 32 bytes, got 31.]`);
		expect(() => buildShareFragment(new Uint8Array(33))).toThrowErrorMatchingInlineSnapshot(`[RangeError: A content key is 32 bytes, got 33.]`);
		await expect(wrapContentKey('pw', new Uint8Array(31), 'deal', { iterations: 1 })).rejects.toThrowErrorMatchingInlineSnapshot(`[RangeError: A content key is 32 bytes, got 31.]`);
	});
});

describe('decodeBase64Url', () => {
	test('quotes a short bad input whole and cuts a long one at 17 characters', () => {
		expect(() => decodeBase64Url('a+b')).toThrowErrorMatchingInlineSnapshot(`[TypeError: Not base64url: "a+b"]`);
		expect(() => decodeBase64Url('!'.repeat(20))).toThrowErrorMatchingInlineSnapshot(`[TypeError: Not base64url: "!!!!!!!!!!!!!!!!!!!!"]`);
		expect(() => decodeBase64Url('!'.repeat(21))).toThrowErrorMatchingInlineSnapshot(`[TypeError: Not base64url: "!!!!!!!!!!!!!!!!!..."]`);
	});
});

describe('buildFileAad', () => {
	test('names the bad deal id, build id or path', () => {
		expect(() => buildFileAad('a:b', 'build', 'index.html.enc')).toThrowErrorMatchingInlineSnapshot(`[RangeError: Not a deal id: "a:b".]`);
		expect(() => buildFileAad('deal', 'a:b', 'index.html.enc')).toThrowErrorMatchingInlineSnapshot(`[RangeError: Not a build id: "a:b".]`);
		expect(() => buildFileAad('deal', 'build', '/index.html.enc')).toThrowErrorMatchingInlineSnapshot(`[RangeError: The file path must be relative with forward slashes, got "/index.html.enc".]`);
	});
});

describe('decryptFile', () => {
	test('treats a file of exactly magic, nonce and tag as authentic-or-not, not as malformed', async () => {
		const key = await importContentKey(KEY);
		const shortest = new Uint8Array(4 + 12 + 16);
		shortest.set(encodeUtf8('MAP2'));
		expect((await rejection(decryptFile(key, shortest, 'mapsite:v1:deal:a'))).code).toBe('auth-failed');
		expect((await rejection(decryptFile(key, shortest.subarray(0, 31), 'mapsite:v1:deal:a'))).code).toBe('bad-format');
	});

	test('keeps the cause of a failed check and of a payload that is not DEFLATE', async () => {
		const key = await importContentKey(KEY);
		const file = await encryptFile(key, encodeUtf8('hello'), 'mapsite:v1:deal:a');
		const wrongAad = await rejection(decryptFile(key, file, 'mapsite:v1:deal:b'));
		expect(wrongAad.code).toBe('auth-failed');
		expect(wrongAad.cause).toBeDefined();
		// Authentic bytes that are not DEFLATE: encrypted by hand, as only a foreign writer would.
		const nonce = new Uint8Array(12);
		const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: encodeUtf8('mapsite:v1:deal:a') }, key, encodeUtf8('not deflate')));
		const foreign = new Uint8Array([...encodeUtf8('MAP2'), ...nonce, ...sealed]);
		const notDeflate = await rejection(decryptFile(key, foreign, 'mapsite:v1:deal:a'));
		expect(notDeflate.code).toBe('bad-format');
		expect(notDeflate.cause).toBeDefined();
	});
});

describe('wrapContentKey and unwrapContentKey', () => {
	test('name a bad password, iteration count or salt', async () => {
		await expect(wrapContentKey('', KEY, 'deal', { iterations: 1 })).rejects.toThrowErrorMatchingInlineSnapshot(`[RangeError: The deal password must not be empty.]`);
		await expect(wrapContentKey('pw', KEY, 'deal', { iterations: 0 })).rejects.toThrowErrorMatchingInlineSnapshot(`[RangeError: iterations must be a whole number from 1, got 0.]`);
		await expect(wrapContentKey('pw', KEY, 'deal', { iterations: 1, salt: new Uint8Array(8) })).rejects.toThrowErrorMatchingInlineSnapshot(`[RangeError: The salt must be 16 bytes, got 8.]`);
	});

	test('wrap with a single round, the smallest count allowed', async () => {
		const wrapped = await wrapContentKey('pw', KEY, 'deal', { iterations: 1 });
		expect(wrapped.iterations).toBe(1);
		expect(await unwrapContentKey('pw', wrapped, 'deal')).toEqual(KEY);
	});

	test('keep the cause of a wrong password', async () => {
		const wrapped = await wrapContentKey('pw', KEY, 'deal', { iterations: 1 });
		const error = await rejection(unwrapContentKey('not it', wrapped, 'deal'));
		expect(error.code).toBe('wrong-password');
		expect(error.cause).toBeDefined();
	});

	test.each<[string, (record: WrappedContentKey) => WrappedContentKey, string]>([
		['zero iterations', (record) => ({ ...record, iterations: 0 }), 'Bad iteration count.'],
		['a short salt', (record) => ({ ...record, salt: encodeBase64Url(new Uint8Array(15)) }), 'Bad field length.'],
		['a short iv', (record) => ({ ...record, iv: encodeBase64Url(new Uint8Array(11)) }), 'Bad field length.'],
		['a short wrapped key', (record) => ({ ...record, wrapped: record.wrapped.slice(0, -4) }), 'Bad field length.'],
		['another KDF', (record) => ({ ...record, kdf: 'scrypt' as 'PBKDF2-SHA256' }), 'Unknown key record version or KDF.'],
	])('call a record with %s malformed, saying why in the cause', async (_, change, reason) => {
		const wrapped = await wrapContentKey('pw', KEY, 'deal', { iterations: 1 });
		const error = await rejection(unwrapContentKey('pw', change(wrapped), 'deal'));
		expect(error.code).toBe('bad-format');
		expect((error.cause as Error).message).toBe(reason);
	});
});

describe('unpadBytes', () => {
	test('refuses a declared length one byte longer than the content, and accepts one that fills it exactly', () => {
		const padded = padBytes(new Uint8Array(10));
		const room = padded.length - 4;
		new DataView(padded.buffer).setUint32(0, room + 1);
		expect(() => unpadBytes(padded)).toThrow(`Padded bytes declare ${room + 1} bytes of content but hold ${room}.`);
		new DataView(padded.buffer).setUint32(0, room);
		expect(unpadBytes(padded).length).toBe(room);
	});
});
