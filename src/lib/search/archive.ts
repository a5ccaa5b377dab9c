/**
 * One binary container for a deal's whole search index, so the deal publishes ONE encrypted
 * search file: the host then sees neither how many index files there are nor (through them) how
 * many pages. Shared by the build (pack) and the browser (unpack); plain bytes in and out.
 *
 * Layout, all integers big-endian:
 *   'MSX1' | u32 body length | u32 file count | per file: u16 name length, name (UTF-8),
 *   u32 data length, data
 * The archive itself is not padded: a gated deal's archive is compressed and then padded by
 * encryptFile (src/lib/crypto/padding.ts); padding before compressing would be squeezed away.
 * unpackArchive still accepts bytes after the body, as older builds padded here.
 */

const MAGIC = [0x4d, 0x53, 0x58, 0x31]; // 'MSX1'
const HEADER_BYTES = MAGIC.length + 4 + 4;
/** Relative paths with forward slashes: no leading slash, backslash, control character or dot segment. */
const SAFE_NAME = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[^/\\\u0000-\u001f]+(?:\/[^/\\\u0000-\u001f]+)*$/;
const MAX_NAME_BYTES = 0xffff;

/** Thrown when bytes are not a search archive or were cut short or changed; `message` says which part is wrong. */
export class SearchArchiveError extends Error {
	constructor(message: string) {
		super(`The search index archive is damaged: ${message}`);
		this.name = 'SearchArchiveError';
	}
}

/** Packs `files` (relative name to bytes) into one archive; throws on a name Pagefind could not have produced. */
export function packArchive(files: ReadonlyMap<string, Uint8Array>): Uint8Array<ArrayBuffer> {
	const encoder = new TextEncoder();
	const entries = [...files].map(([name, data]) => ({ name: encoder.encode(name), text: name, data }));
	const bad = entries.filter((entry) => !SAFE_NAME.test(entry.text) || entry.name.length > MAX_NAME_BYTES).map((entry) => JSON.stringify(entry.text));
	if (bad.length > 0) throw new RangeError(`Cannot pack search index files with these names: ${bad.join(', ')}. Names must be relative paths with forward slashes and no "." or ".." segments.`);
	const bodyBytes = entries.reduce((total, entry) => total + 2 + entry.name.length + 4 + entry.data.length, 0);
	const used = HEADER_BYTES + bodyBytes;
	const bytes = new Uint8Array(used);
	const view = new DataView(bytes.buffer);
	bytes.set(MAGIC, 0);
	view.setUint32(4, bodyBytes);
	view.setUint32(8, entries.length);
	let offset = HEADER_BYTES;
	for (const entry of entries) {
		view.setUint16(offset, entry.name.length);
		bytes.set(entry.name, offset + 2);
		offset += 2 + entry.name.length;
		view.setUint32(offset, entry.data.length);
		bytes.set(entry.data, offset + 4);
		offset += 4 + entry.data.length;
	}
	return bytes;
}

/** Reads an archive written by packArchive; throws SearchArchiveError naming what is wrong. */
export function unpackArchive(bytes: Uint8Array): Map<string, Uint8Array> {
	if (bytes.length < HEADER_BYTES || MAGIC.some((byte, index) => bytes[index] !== byte)) {
		throw new SearchArchiveError('it does not start with the archive signature.');
	}
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const end = HEADER_BYTES + view.getUint32(4);
	if (end > bytes.length) throw new SearchArchiveError(`it declares ${end} bytes of files but holds only ${bytes.length}.`);
	const count = view.getUint32(8);
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const files = new Map<string, Uint8Array>();
	let offset = HEADER_BYTES;
	for (let index = 0; index < count; index++) {
		if (offset + 2 > end) throw new SearchArchiveError(`file ${index + 1} of ${count} starts past the end.`);
		const nameLength = view.getUint16(offset);
		if (offset + 2 + nameLength + 4 > end) throw new SearchArchiveError(`the name of file ${index + 1} of ${count} runs past the end.`);
		let name: string;
		try {
			name = decoder.decode(bytes.subarray(offset + 2, offset + 2 + nameLength));
		} catch {
			throw new SearchArchiveError(`the name of file ${index + 1} of ${count} is not UTF-8.`);
		}
		if (!SAFE_NAME.test(name)) throw new SearchArchiveError(`file ${index + 1} has an unsafe name ${JSON.stringify(name)}.`);
		if (files.has(name)) throw new SearchArchiveError(`the name ${JSON.stringify(name)} appears twice.`);
		offset += 2 + nameLength;
		const dataLength = view.getUint32(offset);
		offset += 4;
		if (offset + dataLength > end) throw new SearchArchiveError(`the data of ${JSON.stringify(name)} runs past the end.`);
		// A copy, so a caller that transfers or changes one file cannot touch the others.
		files.set(name, bytes.slice(offset, offset + dataLength));
		offset += dataLength;
	}
	if (offset !== end) throw new SearchArchiveError(`${end - offset} bytes after the last file are not accounted for.`);
	return files;
}
