import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deriveContentKey, unwrapContentKey } from '../../../src/lib/crypto/index.ts';
import { startKeyWraps, type DealKeys, type DealToWrap } from '../../../src/node/publish/key-wraps.ts';

const SITE_SECRET = new Uint8Array(32).fill(9);
// Low on purpose: the scheduling does not depend on the round count.
const ITERATIONS = 1000;
const deal = (slug: string, password = `${slug}-password`): DealToWrap => ({ slug, routeId: `${slug}-route`, keyVersion: 1, password });

let folder: string;
beforeEach(async () => {
	folder = await mkdtemp(join(tmpdir(), 'mapsite-key-wraps-'));
});
afterEach(async () => {
	await rm(folder, { recursive: true, force: true });
});

// A wrap that finishes only when the test says so, to count how many run at once.
function createControlledWrap() {
	const pending: { slug: string; finish: () => void }[] = [];
	let running = 0;
	let mostAtOnce = 0;
	const wrapKey = (wrapped: DealToWrap) =>
		new Promise<DealKeys>((resolve) => {
			running++;
			mostAtOnce = Math.max(mostAtOnce, running);
			pending.push({
				slug: wrapped.slug,
				finish: () => {
					running--;
					resolve({ contentKey: new Uint8Array(32), wrappedKey: { v: 1, kdf: 'PBKDF2-SHA256', iterations: 1, salt: wrapped.slug, iv: '', wrapped: '' } });
				},
			});
		});
	const settle = () => new Promise((resolve) => setImmediate(resolve));
	return { pending, wrapKey, settle, mostAtOnce: () => mostAtOnce };
}

describe('startKeyWraps', () => {
	test('gives every gated deal its content key, wrapped so that its own password unwraps it', async () => {
		const deals = [deal('northwind'), deal('meridian')];
		const wraps = startKeyWraps(deals, { cacheDir: join(folder, 'wrapped-keys'), siteSecret: SITE_SECRET, iterations: ITERATIONS });
		wraps.hurry();
		const keys = await wraps.done;
		expect([...keys.keys()].sort()).toEqual(['meridian', 'northwind']);
		for (const { slug, routeId, password } of deals) {
			const { contentKey, wrappedKey } = keys.get(slug)!;
			expect(contentKey).toEqual(await deriveContentKey(SITE_SECRET, slug, 1));
			expect(await unwrapContentKey(password, wrappedKey, routeId)).toEqual(contentKey);
		}
	});

	test('wraps one key at a time while the build renders, and two at a time once hurried', async () => {
		const control = createControlledWrap();
		const wraps = startKeyWraps(['a', 'b', 'c', 'd', 'e'].map((slug) => deal(slug)), { cacheDir: folder, siteSecret: SITE_SECRET, wrapKey: control.wrapKey });
		await control.settle();
		expect(control.pending.map((wrap) => wrap.slug)).toEqual(['a']);
		control.pending[0].finish();
		await control.settle();
		expect(control.pending.map((wrap) => wrap.slug)).toEqual(['a', 'b']);
		expect(control.mostAtOnce()).toBe(1);
		wraps.hurry();
		await control.settle();
		expect(control.pending.map((wrap) => wrap.slug)).toEqual(['a', 'b', 'c']);
		expect(control.mostAtOnce()).toBe(2);
		for (let at = 1; at < 5; at++) {
			control.pending[at].finish();
			await control.settle();
		}
		expect([...(await wraps.done).keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(control.mostAtOnce()).toBe(2);
	});

	test('fails naming the deal when a key cannot be wrapped, and the failure is not unhandled before anyone waits', async () => {
		// A file where the cache folder should be: the wrapped key cannot be stored.
		const blocked = join(folder, 'not-a-folder');
		await writeFile(blocked, '');
		const wraps = startKeyWraps([deal('northwind')], { cacheDir: blocked, siteSecret: SITE_SECRET, iterations: ITERATIONS });
		await new Promise((resolve) => setTimeout(resolve, 50));
		await expect(wraps.done).rejects.toThrow(/^Failed to wrap the key of the gated deal northwind, so nothing was published: /);
		// The underlying error stays attached for whoever debugs the build.
		expect(((await wraps.done.catch((error: unknown) => error)) as Error).cause).toBeInstanceOf(Error);
	});

	test('is done at once when no deal is gated', async () => {
		const outerStart = performance.now();
		const wraps = startKeyWraps([], { cacheDir: folder, siteSecret: SITE_SECRET });
		expect((await wraps.done).size).toBe(0);
		// The wrapping time reported with the build's timings: within the time the test waited, and it stops when the wraps are done.
		const reported = wraps.milliseconds();
		expect(reported).toBeGreaterThanOrEqual(0);
		expect(reported).toBeLessThanOrEqual(performance.now() - outerStart);
		await new Promise((resolve) => setTimeout(resolve, 5));
		expect(wraps.milliseconds()).toBe(reported);
	});
});
