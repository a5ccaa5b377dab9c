import { describe, expect, test } from 'vitest';
import { getPaddedSize, padBytes, unpadBytes } from '../../../src/lib/crypto/padding.ts';

describe('getPaddedSize', () => {
	test.each([
		[0, 4096],
		[4092, 4096],
		[4093, 6144],
		[6140, 6144],
		[6141, 8192],
		[10_000, 12_288],
		[20_000, 24_576],
		[40_000, 49_152],
		[1_000_000, 1_048_576],
	])('puts %i bytes (plus the 4-byte length) in a bucket of %i', (size, bucket) => {
		expect(getPaddedSize(size)).toBe(bucket);
	});

	test('uses two buckets per doubling, so padding never costs more than a third', () => {
		const buckets = new Set(Array.from({ length: 200 }, (_, at) => getPaddedSize(at * 1000)));
		expect([...buckets]).toEqual([4096, 6144, 8192, 12_288, 16_384, 24_576, 32_768, 49_152, 65_536, 98_304, 131_072, 196_608, 262_144]);
		for (let size = 4093; size < 300_000; size += 997) expect(getPaddedSize(size) / (size + 4)).toBeLessThanOrEqual(1.5);
	});
});

describe('padBytes and unpadBytes', () => {
	test.each([0, 1, 4092, 4093, 60_000])('round-trip %i bytes', (size) => {
		const bytes = crypto.getRandomValues(new Uint8Array(size));
		const padded = padBytes(bytes);
		expect(padded.length).toBe(getPaddedSize(size));
		expect(unpadBytes(padded)).toEqual(bytes);
	});

	test('refuses a length larger than what follows it', () => {
		const padded = padBytes(new Uint8Array(10));
		new DataView(padded.buffer).setUint32(0, 5000);
		expect(() => unpadBytes(padded)).toThrowErrorMatchingInlineSnapshot(`[RangeError: Padded bytes declare 5000 bytes of content but hold 4092.]`);
	});
});
