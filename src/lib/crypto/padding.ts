/**
 * Padding that hides sizes. A protected file is compressed first and padded second, so the padding
 * (zeros, then encrypted) cannot be squeezed away: a published file is one of a few sizes, and
 * the size says only roughly how big the compressed content is, never how many rows it holds.
 *
 * Buckets (of the padded plaintext; the published file adds 32 bytes of magic, nonce and tag):
 * 4 KiB, 6 KiB, 8 KiB, 12 KiB, 16 KiB, 24 KiB, 32 KiB, 48 KiB ... that is 2^k and 1.5 x 2^k
 * KiB from 4 KiB up, two per doubling, so padding costs at most a third of the compressed size.
 */

/** The smallest bucket: every page of a typical deal fits in it compressed. */
export const MIN_BUCKET_BYTES = 4096;
const LENGTH_BYTES = 4;

/** The bucket for `size` bytes of content plus the 4-byte length that unpadBytes reads. */
export function getPaddedSize(size: number): number {
	const needed = size + LENGTH_BYTES;
	let bucket = MIN_BUCKET_BYTES;
	while (bucket < needed) {
		// 4 -> 6 -> 8 -> 12 -> 16 KiB: a power of two, then half as much again.
		bucket = isPowerOfTwo(bucket) ? bucket * 1.5 : (bucket / 3) * 4;
	}
	return bucket;
}

/** `bytes` behind a big-endian u32 length, zero-filled to its bucket. */
export function padBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	if (bytes.length > 0xffff_ffff - LENGTH_BYTES) throw new RangeError(`Cannot pad ${bytes.length} bytes: more than a 32-bit length can say.`);
	const padded = new Uint8Array(getPaddedSize(bytes.length));
	new DataView(padded.buffer).setUint32(0, bytes.length);
	padded.set(bytes, LENGTH_BYTES);
	return padded;
}

/** The content of padded bytes; throws a RangeError when the length does not fit. */
export function unpadBytes(padded: Uint8Array): Uint8Array {
	if (padded.length < LENGTH_BYTES) throw new RangeError('Padded bytes are shorter than their length field.');
	const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0);
	if (length > padded.length - LENGTH_BYTES) throw new RangeError(`Padded bytes declare ${length} bytes of content but hold ${padded.length - LENGTH_BYTES}.`);
	return padded.subarray(LENGTH_BYTES, LENGTH_BYTES + length);
}

function isPowerOfTwo(value: number): boolean {
	return Number.isInteger(Math.log2(value));
}
