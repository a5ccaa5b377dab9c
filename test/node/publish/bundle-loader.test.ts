import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { bundleGateLoader } from '../../../src/node/publish/bundle-loader.ts';

describe('bundleGateLoader', () => {
	test('bundles no code the pages’ Content-Security-Policy refuses (eval, new Function) and no schema library', async () => {
		const { files } = await bundleGateLoader();
		for (const [name, code] of files) {
			// zod's JIT probe is `new Function(...)`: a schema pulled into the browser shows up here.
			expect(code, name).not.toMatch(/\bnew Function\b|\beval\(/);
			expect(code, name).not.toContain('ZodType');
		}
	});

	test('keeps the loader and its chunks small: every byte is paid on a phone before the plan shows', async () => {
		const { files } = await bundleGateLoader();
		const gzipBytes = [...files.values()].reduce((total, code) => total + gzipSync(code).length, 0);
		// About 15 kB today, minified; the same code unminified is about 21 kB, and zod alone would add about 95 kB.
		expect(gzipBytes).toBeLessThan(18_000);
	});

	test('is whole in the browser: the entry and its chunks import only each other, and the chunks load on use', async () => {
		const { fileName, code, files } = await bundleGateLoader();
		expect(fileName).toMatch(/^gate-[A-Z0-9]+\.js$/);
		expect(files.get(fileName)).toBe(code);
		for (const [name, text] of files) {
			// Every static and dynamic import: a source path left unbundled would 404 on the published site.
			for (const [, specifier] of text.matchAll(/(?:\bfrom|\bimport\s*\(|\bimport)\s*["']([\w@./-]+)["']/g)) {
				expect(specifier, name).toMatch(/^\.\/chunk-[A-Z0-9]+\.js$/);
				expect(files.has(specifier.slice(2)), `${name} imports ${specifier}`).toBe(true);
			}
		}
		// Search and feedback are split off: the entry asks for some chunk only when it is used.
		expect(code).toMatch(/\bimport\(\s*["']\.\/chunk-[A-Z0-9]+\.js["']\s*\)/);
	});
});
