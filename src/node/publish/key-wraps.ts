/**
 * Wraps every gated deal's content key under its password while Astro renders. One wrap is one
 * PBKDF2 of 600,000 rounds (about 90 ms of one core on the 2-core machine; 166 deals cost 7.5 s
 * when the build waited for them before rendering). WebCrypto runs PBKDF2 on libuv's thread
 * pool, so a wrap leaves the main thread, where Astro renders, free: one wrap at a time uses the
 * core that rendering leaves idle, and once rendering is done the rest run two at a time.
 */
import { deriveContentKey, type WrappedContentKey } from '../../lib/crypto/index.ts';
import { getWrappedKey } from './wrapped-key-cache.ts';

/** A gated deal whose key is to be wrapped. */
export interface DealToWrap {
	slug: string;
	/** The deal's URL id; the wrap is bound to it. */
	routeId: string;
	keyVersion: number;
	password: string;
}

/** A deal's content key and the same key wrapped under its password. */
export interface DealKeys {
	contentKey: Uint8Array;
	wrappedKey: WrappedContentKey;
}

/** Wraps under way. */
export interface KeyWraps {
	/** Every deal's keys by slug; rejects with the first failure. */
	done: Promise<Map<string, DealKeys>>;
	/** Lets the remaining wraps use both cores: call when nothing else competes for them. */
	hurry: () => void;
	/** Wall time from the start to the last wrap done (or until now, while running). */
	milliseconds: () => number;
}

/** Options of startKeyWraps. */
export interface KeyWrapOptions {
	/** Folder of the wrapped-key cache (wrapped-key-cache.ts), e.g. `.mapsite/cache/wrapped-keys`. */
	cacheDir: string;
	siteSecret: Uint8Array;
	/** PBKDF2 rounds; tests lower it. */
	iterations?: number;
	/** Wraps one deal's key; tests pass a fake to watch how many run at once. */
	wrapKey?: (deal: DealToWrap) => Promise<DealKeys>;
}

/** The real wrap: the content key derived from the site secret, wrapped under the password (or taken from the cache). */
async function wrapDealKey(deal: DealToWrap, options: KeyWrapOptions): Promise<DealKeys> {
	const contentKey = await deriveContentKey(options.siteSecret, deal.slug, deal.keyVersion);
	// Cached so an unchanged deal costs no PBKDF2 and its shells stay byte-identical.
	const wrappedKey = await getWrappedKey({ cacheDir: options.cacheDir, siteSecret: options.siteSecret, dealId: deal.routeId, password: deal.password, contentKey, iterations: options.iterations });
	return { contentKey, wrappedKey };
}

const WHILE_RENDERING = 1;
const AFTER_RENDERING = 2;

/** Starts wrapping the keys of `deals`, one at a time until {@link KeyWraps.hurry}; see the module comment. */
export function startKeyWraps(deals: readonly DealToWrap[], options: KeyWrapOptions): KeyWraps {
	const started = performance.now();
	let finished: number | undefined;
	let limit = WHILE_RENDERING;
	let next = 0;
	let active = 0;
	let failed = false;
	const keys = new Map<string, DealKeys>();
	let pump = () => {};
	const done = new Promise<Map<string, DealKeys>>((resolve, reject) => {
		const wrapKey = options.wrapKey ?? ((deal: DealToWrap) => wrapDealKey(deal, options));
		const wrap = async (deal: DealToWrap): Promise<void> => {
			keys.set(deal.slug, await wrapKey(deal));
		};
		pump = () => {
			while (!failed && active < limit && next < deals.length) {
				const deal = deals[next++];
				active++;
				wrap(deal).then(
					() => {
						active--;
						if (next >= deals.length && active === 0) {
							finished = performance.now();
							resolve(keys);
						} else pump();
					},
					(error: unknown) => {
						failed = true;
						finished = performance.now();
						reject(new Error(`Failed to wrap the key of the gated deal ${deal.slug}, so nothing was published: ${(error as Error).message}`, { cause: error }));
					},
				);
			}
		};
		if (deals.length === 0) {
			finished = performance.now();
			resolve(keys);
		} else pump();
	});
	// Awaited only after rendering; until then a failure must not count as unhandled.
	done.catch(() => undefined);
	return {
		done,
		hurry: () => {
			limit = AFTER_RENDERING;
			pump();
		},
		milliseconds: () => (finished ?? performance.now()) - started,
	};
}

