/**
 * Plans read and checked once per build: the plan-check and gate integrations both need the
 * result, and checking hundreds of plans twice is measurable. Keyed by the files' text, so a
 * long-lived process (the dev server) never sees a stale result. Between builds, results of
 * unchanged plans come from the check cache (src/node/check-cache.ts) in `.mapsite/cache`.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { checkPlanSources, type PlanSource } from '../lib/check/index.ts';
import { hashTool } from './build-state.ts';
import { openCheckCache, type CheckCacheStats } from './check-cache.ts';
import { loadPlans } from './load-plans.ts';

type Checked = ReturnType<typeof checkPlanSources>;

/** What checking cost, for the build's phase timings: wall time and how many plans the cache answered. */
export interface CheckTiming extends CheckCacheStats {
	milliseconds: number;
}

let last: { key: string; result: Checked; timing: CheckTiming } | undefined;

/** Where a project keeps its check cache. */
export function getCheckCachePath(root: string): string {
	return join(root, '.mapsite', 'cache', 'checks.json');
}

/**
 * The plan files under `plansDir` and their check result. `timing` is that of the check that
 * produced the result, so a second caller in the same build sees what the first one paid.
 */
export async function loadCheckedPlans(plansDir: string, root: string): Promise<{ sources: PlanSource[]; checked: Checked; timing: CheckTiming }> {
	const started = performance.now();
	const sources = await loadPlans(plansDir, root);
	const hash = createHash('sha256');
	for (const source of sources) hash.update(source.file).update('\0').update(source.source).update('\0');
	const key = hash.digest('hex');
	if (last?.key !== key) {
		const cache = await openCheckCache(getCheckCachePath(root), await hashTool(root));
		const result = checkPlanSources(sources, { checkOne: cache.checkOne });
		// A cache that cannot be written costs the next build time, never this build.
		await cache.save().catch(() => undefined);
		last = { key, result, timing: { ...cache.stats, milliseconds: performance.now() - started } };
	}
	return { sources, checked: last.result, timing: last.timing };
}
