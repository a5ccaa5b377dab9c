/** The build's switches, read from environment variables so `npm run build` needs no extra flags. */
import { parseDealList, parseShard, type Shard } from '../lib/build/deal-selection.ts';

/** What one `astro build` does, beyond Astro's own config. */
export interface BuildSettings {
	/** Folder of plan files, relative to the root: `MAPSITE_PLANS`, default `plans`. */
	plansDir: string;
	/** Output folder, relative to the root: `MAPSITE_DIST`, default `dist`. */
	distDir: string;
	/** Deals named by `MAPSITE_DEALS`: only they are rebuilt, the rest of `dist/` is kept. */
	only: string[];
	/** `MAPSITE_SHARD=i/n`: this build's slice of the deals. */
	shard: Shard | undefined;
	/** `MAPSITE_TIMINGS=<file>`: where phase timings are written as JSON. */
	timingsFile: string | undefined;
	/** `MAPSITE_SITE_URL` (or Astro's `site`): the public origin, needed for absolute share-preview URLs. */
	siteUrl: string | undefined;
}

/** Reads the settings; throws one message listing every problem. */
export function readBuildSettings(env: Readonly<Record<string, string | undefined>>, astroSite?: string): BuildSettings {
	const problems: string[] = [];
	let shard: Shard | undefined;
	if (env.MAPSITE_SHARD?.trim()) {
		try {
			shard = parseShard(env.MAPSITE_SHARD);
		} catch (error) {
			problems.push((error as Error).message);
		}
	}
	const distDir = env.MAPSITE_DIST?.trim() || 'dist';
	const siteUrl = env.MAPSITE_SITE_URL?.trim() || astroSite || undefined;
	if (siteUrl !== undefined && (!URL.canParse(siteUrl) || !/^https?:$/.test(new URL(siteUrl).protocol))) {
		problems.push(`MAPSITE_SITE_URL ${JSON.stringify(siteUrl)} is not an http(s) URL; set it to where the site is served, for example https://plans.example.com.`);
	}
	if (problems.length > 0) throw new Error(problems.join('\n'));
	return {
		plansDir: env.MAPSITE_PLANS?.trim() || 'plans',
		distDir,
		only: parseDealList(env.MAPSITE_DEALS ?? ''),
		shard,
		timingsFile: env.MAPSITE_TIMINGS?.trim() || undefined,
		siteUrl: siteUrl?.replace(/\/+$/, ''),
	};
}
