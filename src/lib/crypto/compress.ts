/** Raw DEFLATE with the platform's streams, so the browser needs no library to inflate a page. */

import { toBufferSource } from './encoding.ts';

/** Compresses bytes with raw DEFLATE (`CompressionStream('deflate-raw')`). */
export function compressBytes(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
	return pipeBytes(bytes, new CompressionStream('deflate-raw'));
}

/** Inflates raw DEFLATE bytes; rejects with a TypeError when they are not valid DEFLATE. */
export function decompressBytes(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
	return pipeBytes(bytes, new DecompressionStream('deflate-raw'));
}

async function pipeBytes(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
	const stream = new Blob([toBufferSource(bytes)]).stream().pipeThrough(transform);
	return new Uint8Array(await new Response(stream).arrayBuffer());
}
