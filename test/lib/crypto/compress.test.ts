import { describe, expect, test } from 'vitest';
import { compressBytes, decompressBytes } from '../../../src/lib/crypto/compress.ts';
import { encodeUtf8 } from '../../../src/lib/crypto/encoding.ts';

const repetitiveHtml = encodeUtf8(
	`<!doctype html><html><body>${'<tr><td class="action">Security review</td><td>2025-03-01</td></tr>\n'.repeat(500)}</body></html>`,
);

describe('compressBytes', () => {
	test('makes repetitive HTML much smaller', async () => {
		const compressed = await compressBytes(repetitiveHtml);
		expect(compressed.length).toBeLessThan(repetitiveHtml.length / 10);
	});

	test('writes raw DEFLATE, without a zlib or gzip header', async () => {
		const compressed = await compressBytes(repetitiveHtml);
		// zlib streams start 0x78, gzip 0x1f 0x8b.
		expect(compressed[0]).not.toBe(0x78);
		expect(compressed[0]).not.toBe(0x1f);
		expect(await decompressBytes(compressed)).toEqual(repetitiveHtml);
	});
});

describe('decompressBytes', () => {
	test.each([
		['empty input', new Uint8Array(0)],
		['repetitive HTML', repetitiveHtml],
		['random bytes', crypto.getRandomValues(new Uint8Array(4096))],
	])('restores %s exactly', async (_name, bytes) => {
		expect(await decompressBytes(await compressBytes(bytes))).toEqual(bytes);
	});

	test('rejects bytes that are not DEFLATE', async () => {
		await expect(decompressBytes(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).rejects.toThrow();
	});
});
