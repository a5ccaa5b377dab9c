/**
 * `npm run links`: each deal's address (and share link) from the same inputs and derivation as the
 * build: the plans, the site secret (`MAP_SITE_SECRET` or the secrets file) and `MAPSITE_SITE_URL`.
 * Reads only; writes nothing, so nothing of it reaches `dist/`.
 */
import { join, resolve } from 'node:path';
import { selectDeals, type Shard } from '../lib/build/deal-selection.ts';
import { findClosestName } from '../lib/check/closest-name.ts';
import { buildShareLink, formatDealAddress, resolveRouteId } from '../lib/deal-address.ts';
import { readBuildSettings } from './build-settings.ts';
import { loadCheckedPlans } from './checked-plans.ts';
import { readSecretsFile, resolveSiteSecret, SECRETS_FILE } from './secrets-file.ts';

/** One deal's links; `shareLink` only for a gated deal when asked for and the site secret is known. */
export interface DealLink {
	slug: string;
	file: string;
	access: 'gated' | 'public';
	address: string;
	shareLink?: string;
}

/** What to list. */
export interface DealLinksRequest {
	root: string;
	env: Readonly<Record<string, string | undefined>>;
	/** One deal's slug; every deal (of the shard) when absent. */
	deal?: string;
	shard?: Shard;
	/** Derive share links too (never for a CI summary). */
	withShareLinks: boolean;
}

/** The links of the requested deals; throws one message naming every problem and what to set. */
export async function listDealLinks(request: DealLinksRequest): Promise<DealLink[]> {
	const { root, env } = request;
	const settings = readBuildSettings(env);
	const plansDir = settings.plansDir;
	const { checked } = await loadCheckedPlans(resolve(root, plansDir), root);
	const plans = checked.plans.filter((entry) => entry.plan);
	const slugs = plans.map((entry) => entry.slug);
	const problems: string[] = [];
	if (request.deal !== undefined && !slugs.includes(request.deal)) {
		const closest = findClosestName(request.deal, slugs);
		const broken = checked.plans.some((entry) => entry.slug === request.deal && !entry.plan);
		problems.push(
			broken
				? `${plansDir}/${request.deal}.mdx has errors, so it has no address yet; run \`npm run check\` and fix them.`
				: `No plan "${request.deal}" in ${plansDir}/.${closest ? ` Did you mean "${closest}"?` : ''} Known plans: ${slugs.join(', ') || 'none'}.`,
		);
	}
	if (!settings.siteUrl) {
		problems.push('No site URL, so there is no address to print. Set MAPSITE_SITE_URL to where the site is served (the value the build uses), for example MAPSITE_SITE_URL=https://plans.example.com.');
	}
	const secretsPath = env.MAPSITE_SECRETS ?? join(root, SECRETS_FILE);
	let siteSecret: Uint8Array | undefined;
	let secretReadable = true;
	try {
		siteSecret = resolveSiteSecret(env as NodeJS.ProcessEnv, await readSecretsFile(secretsPath));
	} catch (error) {
		secretReadable = false;
		problems.push((error as Error).message);
	}
	const selected = request.deal !== undefined ? plans.filter((entry) => entry.slug === request.deal) : plans.filter((entry) => selectDeals(slugs, { shard: request.shard }).includes(entry.slug));
	if (!siteSecret && secretReadable && selected.some((entry) => !entry.plan!.path)) {
		problems.push(
			`No site secret, so the addresses cannot be derived (each is an id made from it). Set MAP_SITE_SECRET, or add "siteSecret" to ${SECRETS_FILE} (MAPSITE_SECRETS names another file): the same secret the build uses.`,
		);
	}
	if (problems.length > 0) throw new Error(problems.join('\n'));
	return Promise.all(
		selected.map(async ({ slug, file, plan }) => {
			const address = formatDealAddress(settings.siteUrl!, (await resolveRouteId(slug, plan!.path, siteSecret))!);
			const link: DealLink = { slug, file, access: plan!.access, address };
			if (request.withShareLinks && siteSecret && plan!.access === 'gated') link.shareLink = await buildShareLink(address, siteSecret, slug, plan!.keyVersion);
			return link;
		}),
	);
}
