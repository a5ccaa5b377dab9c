import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deriveContentKey, encodeBase64Url, GateError, unwrapContentKey } from '../../../src/lib/crypto/index.ts';
import { getWrappedKey, type GetWrappedKeyOptions } from '../../../src/node/publish/wrapped-key-cache.ts';

const SITE_SECRET = new Uint8Array(32).fill(7);
const PASSWORD = 'correct horse battery staple';
// Low on purpose: the cache logic does not depend on the round count, and 600,000 per wrap would slow the suite.
const ITERATIONS = 1000;

let cacheDir: string;
let options: GetWrappedKeyOptions;

beforeEach(async () => {
	cacheDir = join(await mkdtemp(join(tmpdir(), 'mapsite-wrap-cache-')), 'wrapped-keys');
	options = {
		cacheDir,
		siteSecret: SITE_SECRET,
		dealId: 'k4x2m7q9r3t5v8wa',
		password: PASSWORD,
		contentKey: await deriveContentKey(SITE_SECRET, 'northwind', 1),
		iterations: ITERATIONS,
	};
});

afterEach(async () => {
	await rm(join(cacheDir, '..'), { recursive: true, force: true });
});

const cacheFile = () => join(cacheDir, `${options.dealId}.json`);

describe('getWrappedKey', () => {
	test('wraps a key the password unwraps, and stores it in one file named after the deal', async () => {
		const wrapped = await getWrappedKey(options);
		expect(await unwrapContentKey(PASSWORD, wrapped, options.dealId)).toEqual(options.contentKey);
		expect(await readdir(cacheDir)).toEqual([`${options.dealId}.json`]);
		expect(JSON.parse(await readFile(cacheFile(), 'utf8')).wrappedKey).toEqual(wrapped);
		expect((await stat(cacheFile())).mode & 0o777).toBe(0o600);
	});

	test('returns the same wrapped key, byte for byte, while nothing changes', async () => {
		const first = await getWrappedKey(options);
		const second = await getWrappedKey(options);
		expect(JSON.stringify(second)).toBe(JSON.stringify(first));
	});

	test('wraps anew when the password changes: the new password opens it, the old one no longer does', async () => {
		const first = await getWrappedKey(options);
		const second = await getWrappedKey({ ...options, password: 'a new password for Q3' });
		expect(second.salt).not.toBe(first.salt);
		expect(await unwrapContentKey('a new password for Q3', second, options.dealId)).toEqual(options.contentKey);
		await expect(unwrapContentKey(PASSWORD, second, options.dealId)).rejects.toThrow(GateError);
		// The next build with the new password gets the new wrap back.
		expect(await getWrappedKey({ ...options, password: 'a new password for Q3' })).toEqual(second);
	});

	test('wraps anew when keyVersion changes the content key, and the wrap holds the new key', async () => {
		const first = await getWrappedKey(options);
		const rotated = await deriveContentKey(SITE_SECRET, 'northwind', 2);
		const second = await getWrappedKey({ ...options, contentKey: rotated });
		expect(second.salt).not.toBe(first.salt);
		expect(await unwrapContentKey(PASSWORD, second, options.dealId)).toEqual(rotated);
	});

	test.each([
		['iterations', { iterations: ITERATIONS + 1 }],
		['site secret', { siteSecret: new Uint8Array(32).fill(8) }],
	])('wraps anew when the %s changes', async (_, change) => {
		const first = await getWrappedKey(options);
		const second = await getWrappedKey({ ...options, ...change });
		expect(second.salt).not.toBe(first.salt);
		expect(second.iterations).toBe('iterations' in change ? change.iterations : ITERATIONS);
	});

	test('keeps one file per deal, bound to that deal', async () => {
		const other = { ...options, dealId: 'otherdealid23456' };
		const mine = await getWrappedKey(options);
		const theirs = await getWrappedKey(other);
		expect((await readdir(cacheDir)).sort()).toEqual([`${options.dealId}.json`, 'otherdealid23456.json']);
		expect(await getWrappedKey(options)).toEqual(mine);
		await expect(unwrapContentKey(PASSWORD, theirs, options.dealId)).rejects.toThrow(GateError);
	});

	test('never writes the password, the content key or a plain hash of the password to the file', async () => {
		await getWrappedKey(options);
		const text = await readFile(cacheFile(), 'utf8');
		const sha256 = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(PASSWORD)));
		for (const secret of [PASSWORD, encodeBase64Url(options.contentKey), encodeBase64Url(sha256), Buffer.from(sha256).toString('hex')]) {
			expect(text).not.toContain(secret);
		}
	});

	test.each([
		['is not JSON', () => '{ not json'],
		['has the wrong shape', () => JSON.stringify({ v: 1, tag: 'x' })],
		['is empty', () => ''],
	])('ignores and rewrites a cache file that %s', async (_, content) => {
		const first = await getWrappedKey(options);
		await writeFile(cacheFile(), content());
		const second = await getWrappedKey(options);
		expect(second.salt).not.toBe(first.salt);
		expect(await unwrapContentKey(PASSWORD, second, options.dealId)).toEqual(options.contentKey);
		expect(JSON.parse(await readFile(cacheFile(), 'utf8')).wrappedKey).toEqual(second);
	});

	test('wraps anew, rather than failing the build, when the file\'s tag was cut short', async () => {
		const first = await getWrappedKey(options);
		const entry = JSON.parse(await readFile(cacheFile(), 'utf8'));
		await writeFile(cacheFile(), JSON.stringify({ ...entry, tag: entry.tag.slice(0, 10) }));
		const again = await getWrappedKey(options);
		expect(again.salt).not.toBe(first.salt);
		expect(await unwrapContentKey(PASSWORD, again, options.dealId)).toEqual(options.contentKey);
	});

	test('does not hand out a cached record whose wrapped bytes were changed', async () => {
		await getWrappedKey(options);
		const entry = JSON.parse(await readFile(cacheFile(), 'utf8'));
		const first = entry.wrappedKey.wrapped as string;
		const damaged = { ...entry, wrappedKey: { ...entry.wrappedKey, wrapped: `${first[0] === 'A' ? 'B' : 'A'}${first.slice(1)}` } };
		await writeFile(cacheFile(), JSON.stringify(damaged));
		const again = await getWrappedKey(options);
		expect(again.wrapped).not.toBe(damaged.wrappedKey.wrapped);
		expect(await unwrapContentKey(PASSWORD, again, options.dealId)).toEqual(options.contentKey);
	});

	test('refuses a deal id that could name a file outside the cache folder', async () => {
		await expect(getWrappedKey({ ...options, dealId: '../escape' })).rejects.toThrow('Not a deal id that can name a cache file: "../escape".');
	});
});
