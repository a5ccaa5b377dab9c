/**
 * What `npm run lighthouse` builds: the bundled examples (the default, with fixed inputs), or one
 * named deal with that deal's own secrets. Either way only those plans are built, so other plans of
 * the repository and their passwords never matter.
 */
import { findClosestName } from '../../src/lib/check/closest-name.ts';

/** A plan of the repository: its slug and its file relative to the plans folder. */
export interface PlanEntry {
	slug: string;
	file: string;
}

/** The plans to build and the deal to audit. */
export interface LighthouseSite {
	mode: 'examples' | 'deal';
	/** Plan files to build, relative to the plans folder. */
	files: string[];
	/** The deal Lighthouse opens. */
	slug: string;
}

/** Picks the plans; throws a message saying what to type instead when they are not there. */
export function selectLighthouseSite(options: { deal?: string; plans: readonly PlanEntry[]; exampleSlugs: readonly string[]; auditedExample: string; plansDir: string }): LighthouseSite {
	const { deal, plans, plansDir } = options;
	const slugs = plans.map((plan) => plan.slug);
	if (deal !== undefined) {
		const plan = plans.find((entry) => entry.slug === deal);
		if (!plan) {
			const closest = findClosestName(deal, slugs);
			throw new Error(`--deal "${deal}" is not a plan in ${plansDir}/.${closest ? ` Did you mean "${closest}"?` : ''} Known plans: ${slugs.join(', ') || 'none'}.`);
		}
		return { mode: 'deal', files: [plan.file], slug: deal };
	}
	const missing = options.exampleSlugs.filter((slug) => !slugs.includes(slug));
	if (missing.length > 0) {
		throw new Error(
			`The bundled example plans are not all in ${plansDir}/ (missing: ${missing.join(', ')}), so there is nothing fixed to audit. Audit one of your deals instead, with its own secrets: npm run lighthouse -- --deal <slug>.`,
		);
	}
	return { mode: 'examples', files: options.exampleSlugs.map((slug) => plans.find((entry) => entry.slug === slug)!.file), slug: options.auditedExample };
}

// Switches that would build other deals, another folder or record timings: the audit decides those itself.
const BUILD_SWITCHES = ['MAPSITE_DEALS', 'MAPSITE_SHARD', 'MAPSITE_FULL', 'MAPSITE_DIST', 'MAPSITE_PLANS', 'MAPSITE_TIMINGS'];

/**
 * The build environment of a named deal: the caller's own secrets and day, none of the build
 * switches. The build runs in a scratch copy of the project, so the secrets file is named by its
 * absolute path (`secretsFile`, resolved by the caller from `MAPSITE_SECRETS` or the default).
 */
export function getDealBuildEnv(env: Readonly<Record<string, string | undefined>>, secretsFile: string): Record<string, string | undefined> {
	const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !BUILD_SWITCHES.includes(name)));
	// Only share-preview meta tags use the site URL; the pages are served from a local port.
	return { ...kept, MAPSITE_SECRETS: secretsFile, MAPSITE_SITE_URL: env.MAPSITE_SITE_URL?.trim() || 'https://plans.example.com' };
}
