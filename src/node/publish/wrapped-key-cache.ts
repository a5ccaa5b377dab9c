/**
 * Keeps each deal's password-wrapped content key between builds. Wrapping draws a fresh salt and
 * costs one PBKDF2 (600,000 rounds), so without the cache every build would change every shell and
 * pay that cost per deal; with it, an unchanged deal gets the same wrapped key back for free.
 */
import { timingSafeEqual } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { encodeBase64Url, encodeUtf8, PBKDF2_ITERATIONS, toBufferSource, wrapContentKey, type WrappedContentKey } from '../../lib/crypto/index.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';

/** A wrapped key as the cache file stores it; the same fields as the published record. */
const CachedWrappedKeySchema = z.strictObject({
	v: z.literal(1),
	kdf: z.literal('PBKDF2-SHA256'),
	iterations: z.number().int().min(1),
	salt: z.string(),
	iv: z.string(),
	wrapped: z.string(),
});

/** One cache file, `<cacheDir>/<dealId>.json`. */
const WrappedKeyCacheEntrySchema = z.strictObject({
	v: z.literal(1),
	/** base64url HMAC-SHA256, under the site secret, of the inputs and of `wrappedKey`; see computeTag. */
	tag: z.string(),
	wrappedKey: CachedWrappedKeySchema,
});

/** The content of one cache file. */
export type WrappedKeyCacheEntry = z.infer<typeof WrappedKeyCacheEntrySchema>;

/** What getWrappedKey needs: the deal, its password and content key, and where to cache. */
export interface GetWrappedKeyOptions {
	/** Folder of the cache files, e.g. `.mapsite/cache/wrapped-keys`; created when missing. */
	cacheDir: string;
	/** The site secret; keys the cache tag so the file says nothing about the password without it. */
	siteSecret: Uint8Array;
	/** The deal's URL id, which the wrap is bound to; it also names the cache file. */
	dealId: string;
	password: string;
	/** The raw 32-byte content key. */
	contentKey: Uint8Array;
	/** PBKDF2 rounds; defaults to PBKDF2_ITERATIONS. Tests lower it. */
	iterations?: number;
}

// Deal ids are base32 or a plan's `path`; anything else could escape the cache folder.
const SAFE_DEAL_ID = /^[A-Za-z0-9_-]+$/;

/**
 * Returns the deal's wrapped content key from the cache when the deal id, password, content key
 * and iterations are the ones it was made with; otherwise wraps the key anew (fresh salt) and
 * stores it. Missing, unreadable or tampered cache files count as a miss and are rewritten.
 */
export async function getWrappedKey(options: GetWrappedKeyOptions): Promise<WrappedContentKey> {
	const { cacheDir, dealId, password, contentKey, iterations = PBKDF2_ITERATIONS } = options;
	if (!SAFE_DEAL_ID.test(dealId)) throw new RangeError(`Not a deal id that can name a cache file: ${JSON.stringify(dealId)}.`);
	const file = join(cacheDir, `${dealId}.json`);
	const cached = await readEntry(file);
	if (cached && isSameTag(cached.tag, await computeTag({ ...options, iterations }, cached.wrappedKey))) return cached.wrappedKey;
	const wrappedKey = await wrapContentKey(password, contentKey, dealId, { iterations });
	const entry: WrappedKeyCacheEntry = { v: 1, tag: await computeTag({ ...options, iterations }, wrappedKey), wrappedKey };
	await mkdir(cacheDir, { recursive: true });
	await writeFileAtomic(file, `${JSON.stringify(entry, null, '\t')}\n`, { mode: 0o600 });
	return wrappedKey;
}

async function readEntry(file: string): Promise<WrappedKeyCacheEntry | undefined> {
	try {
		const result = WrappedKeyCacheEntrySchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
		return result.success ? result.data : undefined;
	} catch {
		// Missing, unreadable or not JSON: all mean "wrap again", never "fail the build".
		return undefined;
	}
}

/**
 * HMAC-SHA256 under the site secret of every input and of the wrapped key itself, so one check
 * proves both that nothing changed and that the stored record is the one written for it. The
 * file therefore holds neither the password nor a plain hash of it that could be tested offline.
 */
async function computeTag(inputs: GetWrappedKeyOptions & { iterations: number }, wrappedKey: WrappedContentKey): Promise<string> {
	// A JSON array keeps the fields apart, so no two different input sets give the same message.
	const message = JSON.stringify([
		'mapsite:wrapped-key-cache:v1',
		inputs.dealId,
		inputs.iterations,
		encodeBase64Url(inputs.contentKey),
		inputs.password,
		[wrappedKey.v, wrappedKey.kdf, wrappedKey.iterations, wrappedKey.salt, wrappedKey.iv, wrappedKey.wrapped],
	]);
	const key = await crypto.subtle.importKey('raw', toBufferSource(inputs.siteSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	return encodeBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encodeUtf8(message))));
}

function isSameTag(stored: string, expected: string): boolean {
	const a = Buffer.from(stored);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}
