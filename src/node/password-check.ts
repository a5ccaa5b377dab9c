/**
 * Checks the selected gated deals' passwords against the strength floor for the build and
 * `npm run check`. Scoring one password costs tens of milliseconds, so passwords that passed are
 * remembered between runs as an HMAC under the site secret: the cache file says nothing about a
 * password to someone without that secret, and a changed password, plan name or floor is checked anew.
 */
import { createHmac } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CheckedPlan } from '../lib/check/index.ts';
import type { DealPassword, WeakPassword } from '../lib/password-floor.ts';
import { PASSWORD_FLOOR } from '../lib/password-policy.ts';
import type { PasswordOrigin } from '../lib/secrets.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

// Old entries (passwords since changed) go first once there are this many.
const MAX_REMEMBERED = 10_000;

/** What checkDealPasswords needs. */
export interface DealPasswordCheck {
	plans: readonly Pick<CheckedPlan, 'slug' | 'file' | 'plan'>[];
	passwords: ReadonlyMap<string, string>;
	origins: ReadonlyMap<string, PasswordOrigin>;
	/** The secrets file as messages should name it. */
	secretsPath: string;
	/** Where passed checks are remembered; with `siteSecret` only. */
	cacheFile?: string;
	siteSecret?: Uint8Array;
}

/** Every gated plan of `plans` whose password is below the floor (plans without a password are skipped). */
export async function checkDealPasswords(options: DealPasswordCheck): Promise<WeakPassword[]> {
	const deals: DealPassword[] = options.plans.flatMap(({ slug, file, plan }) => {
		const password = options.passwords.get(slug);
		if (!plan || plan.access !== 'gated' || password === undefined) return [];
		return [{ slug, file, password, origin: options.origins.get(slug) ?? 'env', names: [plan.buyer.name, plan.seller.name] }];
	});
	if (deals.length === 0) return [];
	// Loaded on use: the estimator's dictionaries cost a quarter of a second, which a run whose
	// passwords all passed before (the usual rebuild) never needs to pay.
	const findWeakPasswords = async (unchecked: readonly DealPassword[], secretsPath: string) =>
		unchecked.length === 0 ? [] : (await import('../lib/weak-passwords.ts')).findWeakPasswords(unchecked, secretsPath);
	const { cacheFile, siteSecret } = options;
	if (!cacheFile || !siteSecret) return findWeakPasswords(deals, options.secretsPath);
	const tagOf = (deal: DealPassword) =>
		createHmac('sha256', siteSecret).update(JSON.stringify(['mapsite:password-floor:v1', PASSWORD_FLOOR, deal.slug, deal.names, deal.password])).digest('base64url');
	const passed = await readPassed(cacheFile);
	const unchecked = deals.filter((deal) => !passed.has(tagOf(deal)));
	const weak = await findWeakPasswords(unchecked, options.secretsPath);
	const weakSlugs = new Set(weak.map((deal) => deal.slug));
	const newlyPassed = unchecked.filter((deal) => !weakSlugs.has(deal.slug)).map(tagOf);
	if (newlyPassed.length > 0) {
		await mkdir(dirname(cacheFile), { recursive: true });
		await writeFileAtomic(cacheFile, `${JSON.stringify({ v: 1, passed: [...passed, ...newlyPassed].slice(-MAX_REMEMBERED) })}\n`, { mode: 0o600 });
	}
	return weak;
}

async function readPassed(file: string): Promise<Set<string>> {
	try {
		const value = JSON.parse(await readFile(file, 'utf8')) as { v?: unknown; passed?: unknown };
		return value.v === 1 && Array.isArray(value.passed) ? new Set(value.passed.filter((tag): tag is string => typeof tag === 'string')) : new Set();
	} catch {
		// Missing or damaged: check every password again, never fail for it.
		return new Set();
	}
}
