import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { beforeAll, describe, expect, test } from 'vitest';
import { getPagefindRuntime, type RuntimeFile } from '../../../src/node/search/pagefind-runtime.ts';
import { NOTES_ONLY_WORD, renderFixturePages } from './fixture-pages.ts';

let runtime: RuntimeFile[];

beforeAll(async () => {
	runtime = await getPagefindRuntime();
});

/** Every file Pagefind hands back when it indexes the fixture deal itself. */
async function runtimeOfRealIndex(): Promise<Map<string, Uint8Array>> {
	const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
	try {
		for (const page of await renderFixturePages()) await index!.addHTMLFile({ url: page.url, content: page.html });
		const { files } = await index!.getFiles();
		return new Map(files.map((file) => [file.path, new Uint8Array(file.content)]));
	} finally {
		await pagefind.close();
	}
}

describe('getPagefindRuntime', () => {
	test('returns pagefind.js and one wasm file per supported language, nothing else', () => {
		expect(runtime.map((file) => file.name)).toEqual(['pagefind.js', 'wasm.en.pagefind', 'wasm.id.pagefind', 'wasm.unknown.pagefind']);
	});

	test('is byte for byte what a real deal index ships, so it can be shared by every deal', async () => {
		const real = await runtimeOfRealIndex();
		for (const name of ['pagefind.js', 'wasm.en.pagefind', 'wasm.unknown.pagefind']) {
			expect(real.get(name), name).toEqual(runtime.find((file) => file.name === name)!.bytes);
		}
	});

	test('contains no text from the indexed pages', async () => {
		const words = [NOTES_ONLY_WORD, 'Priya Raman', 'Security questionnaire', 'Budget freeze', 'k3j5m2q7x4n6p8r2'];
		for (const file of runtime) {
			const texts = [Buffer.from(file.bytes).toString('latin1')];
			if (file.name.endsWith('.pagefind')) texts.push(gunzipSync(file.bytes).toString('latin1'));
			for (const text of texts) for (const word of words) expect(text.includes(word), `${file.name} contains ${word}`).toBe(false);
		}
	});
});
