/**
 * The first step of a build: settings, checked plans, the deals this build selects, secrets and
 * passwords. It fails closed: a real build without a site secret, a site URL or a password for
 * every gated deal, or with a password below the strength floor, stops here, before anything renders.
 */
import { join, resolve } from 'node:path';
import { selectDeals } from '../../lib/build/deal-selection.ts';
import type { CheckedPlan } from '../../lib/check/index.ts';
import { describeWeakPasswords } from '../../lib/password-floor.ts';
import { describeMissingPasswords, resolvePasswords } from '../../lib/secrets.ts';
import { readBuildSettings, type BuildSettings } from '../build-settings.ts';
import { loadCheckedPlans } from '../checked-plans.ts';
import { checkDealPasswords } from '../password-check.ts';
import { readSecretsFile, resolveSiteSecret, SECRETS_FILE } from '../secrets-file.ts';
import { resolveToday } from '../today.ts';
import { asUserError, userError } from './user-error.ts';

/** Everything later steps read; plans are the checked plans that parsed. */
export interface BuildInputs {
	settings: BuildSettings;
	/** Every plan that parsed, selected or not (kept deals stay published; the leak scan needs them all). */
	allPlans: CheckedPlan[];
	/** The plans this build's settings select (`MAPSITE_DEALS`, `MAPSITE_SHARD`). */
	candidates: CheckedPlan[];
	/** Each plan file's text, by file. */
	sourceOf: Map<string, string>;
	siteSecret: Uint8Array | undefined;
	/** Passwords of the selected gated deals, by slug. */
	passwords: Map<string, string>;
	today: string;
}

/** Reads and checks the build's inputs; `isBuild` is false under `astro dev`, which may lack secrets. */
export async function readBuildInputs(options: { root: string; astroSite: string | undefined; isBuild: boolean; env: NodeJS.ProcessEnv }): Promise<BuildInputs> {
	const { root, isBuild, env } = options;
	const settings = await asUserError(() => readBuildSettings(env, options.astroSite));
	const { sources, checked } = await loadCheckedPlans(resolve(root, settings.plansDir), root);
	const allPlans = checked.plans.filter((plan) => plan.plan);
	const selected = await asUserError(() => selectDeals(allPlans.map((plan) => plan.slug), { only: settings.only, shard: settings.shard }));
	const secretsPath = env.MAPSITE_SECRETS ?? join(root, SECRETS_FILE);
	const secrets = await asUserError(() => readSecretsFile(secretsPath));
	const siteSecret = resolveSiteSecret(env, secrets);
	if (isBuild && !siteSecret) {
		throw userError(
			`No site secret, so no deal can be encrypted and nothing was built.\n  Set MAP_SITE_SECRET (32+ random bytes, base64url), or run \`npm run demo\` once to create ${SECRETS_FILE}.`,
		);
	}
	if (isBuild && !settings.siteUrl) {
		throw userError(
			'No site URL, so link previews cannot point at their images and nothing was built.\n  Set MAPSITE_SITE_URL to where the site is served, for example MAPSITE_SITE_URL=https://plans.example.com (or `site` in astro.config.mjs).',
		);
	}
	const candidates = allPlans.filter((plan) => selected.includes(plan.slug));
	const gatedSlugs = candidates.filter((plan) => plan.plan!.access === 'gated').map((plan) => plan.slug);
	const { passwords, origins, missing } = resolvePasswords(gatedSlugs, env, secrets);
	if (isBuild && missing.length > 0) throw userError(describeMissingPasswords(missing, SECRETS_FILE));
	if (isBuild) {
		const cacheFile = join(root, '.mapsite', 'cache', 'password-floor.json');
		const weak = await checkDealPasswords({ plans: candidates, passwords, origins, secretsPath: env.MAPSITE_SECRETS || SECRETS_FILE, cacheFile, siteSecret });
		if (weak.length > 0) throw userError(describeWeakPasswords(weak));
	}
	return { settings, allPlans, candidates, sourceOf: new Map(sources.map((source) => [source.file, source.source])), siteSecret, passwords, today: resolveToday() };
}
