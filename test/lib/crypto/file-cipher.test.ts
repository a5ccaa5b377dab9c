import { describe, expect, test } from 'vitest';
import { generateContentKey, importContentKey } from '../../../src/lib/crypto/content-key.ts';
import { decodeUtf8, encodeUtf8 } from '../../../src/lib/crypto/encoding.ts';
import { buildFileAad, decryptFile, encryptFile, GateError } from '../../../src/lib/crypto/file-cipher.ts';

const key = await importContentKey(generateContentKey());
const otherKey = await importContentKey(generateContentKey());
const aad = buildFileAad('dealaaaaaaaaaaaa', 'build-one', 'index.html');
const html = encodeUtf8(`<!doctype html><h1>Plan d’action — 共同計画 🚀</h1>${'<p>Kick-off with procurement.</p>'.repeat(2000)}`);

/** Random bytes of any length (getRandomValues fills at most 64 KiB per call). */
function randomBytes(length: number): Uint8Array {
	const bytes = new Uint8Array(length);
	for (let start = 0; start < length; start += 65536) crypto.getRandomValues(bytes.subarray(start, start + 65536));
	return bytes;
}

/** The GateError code a promise rejects with, or a note if it resolved or threw something else. */
async function gateCode(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
		return 'resolved';
	} catch (error) {
		return error instanceof GateError ? error.code : `other: ${String(error)}`;
	}
}

describe('buildFileAad', () => {
	test('joins version, deal id, build id and path', () => {
		expect(buildFileAad('k3j5m2q7x4n6p8r2', 'Qx7_b-2', 'assets/plan.json')).toBe('mapsite:v2:k3j5m2q7x4n6p8r2:Qx7_b-2:assets/plan.json');
	});

	test.each([
		['an empty deal id', '', 'b', 'index.html'],
		['a deal id with a colon', 'a:b', 'b', 'index.html'],
		['an empty build id', 'deal', '', 'index.html'],
		['a build id with a colon', 'deal', 'b:1', 'index.html'],
		['an empty path', 'deal', 'b', ''],
		['an absolute path', 'deal', 'b', '/index.html'],
		['a Windows path', 'deal', 'b', 'assets\\plan.json'],
	])('rejects %s', (_what, dealId, buildId, path) => {
		expect(() => buildFileAad(dealId, buildId, path)).toThrow(RangeError);
	});
});

describe('encryptFile', () => {
	test('writes the magic, a 12-byte nonce, then the padded ciphertext and a 16-byte tag', async () => {
		const plaintext = crypto.getRandomValues(new Uint8Array(5000));
		const file = await encryptFile(key, plaintext, aad);
		expect(decodeUtf8(file.subarray(0, 4))).toBe('MAP2');
		// Random bytes do not compress: 5,000 and a few bytes of framing land in the 6 KiB bucket.
		expect(file.length).toBe(4 + 12 + 6144 + 16);
	});

	test('compresses before encrypting, so repetitive HTML comes out smaller', async () => {
		const file = await encryptFile(key, html, aad);
		expect(file.length).toBeLessThan(html.length / 4);
	});

	test('pads after compressing, so a page with one risk and a page with six publish at the same size', async () => {
		const risk = (at: number) => `<li><h3>Risk ${at}: security review slips</h3><p>Owner Priya. Mitigation: start the questionnaire early, ${at * 7919} findings.</p></li>`;
		const page = (count: number) => encodeUtf8(`<mapsite-content><h1>Risks</h1><ul>${Array.from({ length: count }, (_, at) => risk(at)).join('')}</ul></mapsite-content>`);
		const [one, six] = await Promise.all([encryptFile(key, page(1), aad), encryptFile(key, page(6), aad)]);
		expect(page(6).length).toBeGreaterThan(page(1).length * 4);
		expect(one.length).toBe(six.length);
		expect(one.length).toBe(4096 + 32);
	});

	test('pads zeros that DEFLATE never sees: a tiny file still fills its whole bucket', async () => {
		expect((await encryptFile(key, encodeUtf8('{}'), aad)).length).toBe(4096 + 32);
	});

	test('uses a different nonce for every one of 1000 encryptions', async () => {
		const plaintext = encodeUtf8('same page');
		const files = await Promise.all(Array.from({ length: 1000 }, () => encryptFile(key, plaintext, aad)));
		const nonces = new Set(files.map((file) => Buffer.from(file.subarray(4, 16)).toString('hex')));
		expect(nonces.size).toBe(1000);
	});
});

describe('decryptFile', () => {
	test.each([
		['an empty file', new Uint8Array(0)],
		['a 1 MB file of random bytes', randomBytes(1 << 20)],
		['unicode HTML', html],
	])('returns exactly what was encrypted for %s', async (_name, plaintext) => {
		expect(await decryptFile(key, await encryptFile(key, plaintext, aad), aad)).toEqual(plaintext);
	});

	test('fails with auth-failed under another content key', async () => {
		const file = await encryptFile(key, html, aad);
		expect(await gateCode(decryptFile(otherKey, file, aad))).toBe('auth-failed');
	});

	test.each([
		['page A presented as page B', buildFileAad('dealaaaaaaaaaaaa', 'build-one', 'actions.html')],
		["deal A's file presented as deal B's", buildFileAad('dealbbbbbbbbbbbb', 'build-one', 'index.html')],
		['an older build of the same page', buildFileAad('dealaaaaaaaaaaaa', 'build-two', 'index.html')],
	])('fails with auth-failed for %s', async (_name, otherAad) => {
		const file = await encryptFile(key, html, aad);
		expect(await gateCode(decryptFile(key, file, otherAad))).toBe('auth-failed');
	});

	test.each([
		['the magic', 0, 'bad-format'],
		['the last magic byte', 3, 'bad-format'],
		['the first nonce byte', 4, 'auth-failed'],
		['the last nonce byte', 15, 'auth-failed'],
		['the first ciphertext byte', 16, 'auth-failed'],
		['a middle ciphertext byte', 40, 'auth-failed'],
		['the first tag byte', -16, 'auth-failed'],
		['the last tag byte', -1, 'auth-failed'],
	])('fails when one bit of %s is flipped', async (_name, offset, code) => {
		const file = await encryptFile(key, html, aad);
		file[offset < 0 ? file.length + offset : offset]! ^= 0x01;
		expect(await gateCode(decryptFile(key, file, aad))).toBe(code);
	});

	test.each([
		['the last byte', (file: Uint8Array) => file.subarray(0, file.length - 1), 'auth-failed'],
		['the whole tag', (file: Uint8Array) => file.subarray(0, file.length - 16), 'auth-failed'],
		['all but the magic and nonce', (file: Uint8Array) => file.subarray(0, 16), 'bad-format'],
		['everything', () => new Uint8Array(0), 'bad-format'],
	])('fails when %s is cut off', async (_name, cut, code) => {
		const file = await encryptFile(key, html, aad);
		expect(await gateCode(decryptFile(key, cut(file), aad))).toBe(code);
	});

	test.each([
		['declares more content than it holds', [0xff, 0xff, 0xff, 0xff]],
		['is padded but not DEFLATE', [0, 0, 0, 2, 0xff, 0xff, 0, 0]],
	])('fails with bad-format for an authentic file whose content %s', async (_what, content) => {
		const nonce = new Uint8Array(12);
		const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: encodeUtf8(aad) }, key, new Uint8Array(content));
		const file = new Uint8Array([...encodeUtf8('MAP2'), ...nonce, ...new Uint8Array(sealed)]);
		expect(await gateCode(decryptFile(key, file, aad))).toBe('bad-format');
	});

	test('explains a failed integrity check to the visitor', async () => {
		const file = await encryptFile(key, html, aad);
		await expect(decryptFile(otherKey, file, aad)).rejects.toThrowErrorMatchingInlineSnapshot(`[GateError: This file failed its integrity check: it was changed or belongs to another deal.]`);
	});

	test('explains a file that is not in the mapsite format', async () => {
		await expect(decryptFile(key, encodeUtf8('<html>not encrypted at all</html>'), aad)).rejects.toThrowErrorMatchingInlineSnapshot(`[GateError: This file is not a protected mapsite file: it is damaged, incomplete or from another version.]`);
	});
});
