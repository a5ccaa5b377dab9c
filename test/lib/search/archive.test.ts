import { describe, expect, test } from 'vitest';
import { packArchive, SearchArchiveError, unpackArchive } from '../../../src/lib/search/archive.ts';

const encoder = new TextEncoder();
const files = new Map<string, Uint8Array>([
	['pagefind-entry.json', encoder.encode('{"version":"1.6.0","languages":{"en":{"hash":"en_1","wasm":"en","page_count":8}}}')],
	['pagefind.en_1.pf_meta', new Uint8Array([31, 139, 8, 0, 1, 2, 3])],
	['index/en_2.pf_index', new Uint8Array(5000).fill(7)],
	['fragment/en_3.pf_fragment', new Uint8Array(0)],
	['calendar/Priya Ramán.ics', encoder.encode('BEGIN:VCALENDAR')],
]);

/** The message of the SearchArchiveError that unpacking `bytes` throws, or a note when it does not. */
function unpackError(bytes: Uint8Array): string {
	try {
		unpackArchive(bytes);
		return 'unpacked';
	} catch (error) {
		return error instanceof SearchArchiveError ? error.message : `other: ${String(error)}`;
	}
}

describe('packArchive and unpackArchive', () => {
	test('give back every file with its name and bytes, in order', () => {
		const unpacked = unpackArchive(packArchive(files));
		expect([...unpacked.keys()]).toEqual([...files.keys()]);
		for (const [name, data] of files) expect(unpacked.get(name)).toEqual(data);
	});

	test('round-trips an empty set of files', () => {
		expect(unpackArchive(packArchive(new Map())).size).toBe(0);
	});

	test('pack the same files to the same bytes', () => {
		expect(packArchive(files)).toEqual(packArchive(new Map(files)));
	});

	test('holds exactly its header and files: padding comes after compression, in encryptFile', () => {
		const packed = packArchive(new Map([['a.pf_index', new Uint8Array(5)]]));
		expect(packed.length).toBe(12 + 2 + 10 + 4 + 5);
	});

	test.each(['../secret', '/etc/passwd', 'index/./x', 'a\\b', '', 'a//b'])('refuse to pack the unsafe name %j', (name) => {
		expect(() => packArchive(new Map([[name, new Uint8Array(1)]]))).toThrow(/Cannot pack search index files with these names/);
	});
});

describe('unpackArchive on damaged input', () => {
	const packed = packArchive(files);

	test('refuses bytes without the signature', () => {
		expect(unpackError(encoder.encode('<html>not an archive</html>'))).toMatchInlineSnapshot(`"The search index archive is damaged: it does not start with the archive signature."`);
	});

	test('refuses an archive cut short', () => {
		expect(unpackError(packed.subarray(0, 2000))).toMatch(/declares \d+ bytes of files but holds only 2000/);
	});

	test('refuses a file count larger than what the archive holds', () => {
		const changed = packed.slice();
		new DataView(changed.buffer).setUint32(8, 6);
		expect(unpackError(changed)).toMatchInlineSnapshot(`"The search index archive is damaged: file 6 of 6 starts past the end."`);
	});

	test('refuses a file count smaller than what the archive holds', () => {
		const changed = packed.slice();
		new DataView(changed.buffer).setUint32(8, 4);
		expect(unpackError(changed)).toMatch(/bytes after the last file are not accounted for/);
	});

	test('refuses a file length that runs past the end', () => {
		const changed = packed.slice();
		// The first entry's data length follows its 2-byte name length and 19-byte name.
		new DataView(changed.buffer).setUint32(12 + 2 + 19, 0xffffff);
		expect(unpackError(changed)).toMatchInlineSnapshot(`"The search index archive is damaged: the data of "pagefind-entry.json" runs past the end."`);
	});

	test('refuses a name that escapes the folder', () => {
		const changed = packed.slice();
		changed.set(encoder.encode('../'), 12 + 2);
		expect(unpackError(changed)).toMatch(/unsafe name "\.\.\/efind-entry\.json"/);
	});

	test('refuses a name that appears twice', () => {
		const twice = packArchive(new Map([['a.pf_index', new Uint8Array(1)], ['b.pf_index', new Uint8Array(1)]]));
		twice.set(encoder.encode('a'), 12 + 2 + 10 + 4 + 1 + 2);
		expect(unpackError(twice)).toMatch(/the name "a\.pf_index" appears twice/);
	});
});
