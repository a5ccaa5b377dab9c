/**
 * Which deals an incremental build renders: compares each deal's inputs with the record of the
 * last successful build into the same folder (src/lib/build/incremental.ts decides) and says what
 * to record once this build succeeds.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { planRebuild, type BuildState } from '../lib/build/incremental.ts';
import type { CheckedPlan } from '../lib/check/index.ts';
import type { BuildSettings } from './build-settings.ts';
import { getBuildStatePath, hashDealInputs, hashSettings, hashTool, readBuildState } from './build-state.ts';

/** The outcome: the plans to render, and what to do after a successful publish. */
export interface RebuildSelection {
	plans: CheckedPlan[];
	/** Set when unchanged deals are kept from the published site. */
	incremental?: { kept: string[]; removeRoutes: string[] };
	/** Why everything is rebuilt, when an incremental build was possible but not taken. */
	fullReason?: string;
	/** Where to record the build and what, once it has published; absent for shards. */
	record?: { file: string; state: BuildState };
}

/** Decides for `candidates` (the plans the settings select) under `root`. */
export async function selectRebuild(options: {
	root: string;
	settings: BuildSettings;
	candidates: CheckedPlan[];
	sourceOf: ReadonlyMap<string, string>;
	passwords: ReadonlyMap<string, string>;
	routeIds: ReadonlyMap<string, string>;
	siteSecret: Uint8Array;
	today: string;
	env: Readonly<Record<string, string | undefined>>;
}): Promise<RebuildSelection> {
	const { root, settings, candidates, siteSecret, env } = options;
	const distDir = resolve(root, settings.distDir);
	// Feedback settings end up in every page; the relay secret is hashed under the site secret.
	const feedbackEnv = `${env.MAPSITE_RELAY_URL ?? ''}\0${env.MAP_RELAY_SECRET ?? ''}\0${env.MAPSITE_FEEDBACK_REPO ?? env.GITHUB_REPOSITORY ?? ''}`;
	const current: BuildState = {
		tool: await hashTool(root),
		settings: hashSettings({
			today: options.today,
			siteUrl: settings.siteUrl,
			distDir,
			plansDir: settings.plansDir,
			feedback: createHash('sha256').update(siteSecret).update(feedbackEnv).digest('hex'),
		}),
		deals: Object.fromEntries(
			await Promise.all(
				candidates.map(async ({ slug, file, plan }) => {
					const inputs = await hashDealInputs({ root, file, source: options.sourceOf.get(file)!, plan: plan!, password: options.passwords.get(slug), key: siteSecret });
					return [slug, { inputs, routeId: options.routeIds.get(slug)! }] as const;
				}),
			),
		),
	};
	const file = getBuildStatePath(join(root, '.mapsite', 'cache'), distDir);
	const previous = await readBuildState(file);
	if (settings.shard) return { plans: candidates };
	if (settings.only.length > 0) {
		// Only the named deals are known to be current; the others keep what was recorded, if anything.
		const base = previous && previous.tool === current.tool && previous.settings === current.settings ? previous.deals : {};
		return { plans: candidates, record: { file, state: { ...current, deals: { ...base, ...current.deals } } } };
	}
	if (env.MAPSITE_FULL === '1') return { plans: candidates, record: { file, state: current } };
	const decision = planRebuild(previous, current, (routeId) => existsSync(join(distDir, routeId, 'index.html')));
	if (decision.mode === 'full') return { plans: candidates, fullReason: decision.reason, record: { file, state: current } };
	return {
		plans: candidates.filter((checked) => decision.rebuild.includes(checked.slug)),
		incremental: { kept: decision.keep, removeRoutes: decision.removeRoutes },
		record: { file, state: current },
	};
}
