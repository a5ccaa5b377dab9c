/**
 * Plans read and checked once per build: the plan-check and gate integrations both need the
 * result, and checking hundreds of plans twice is measurable. Keyed by the files' text, so a
 * long-lived process (the dev server) never sees a stale result.
 */
import { createHash } from 'node:crypto';
import { checkPlanSources, type PlanSource } from '../lib/check/index.ts';
import { loadPlans } from './load-plans.ts';

type Checked = ReturnType<typeof checkPlanSources>;

let last: { key: string; result: Checked } | undefined;

/** The plan files under `plansDir` and their check result. */
export async function loadCheckedPlans(plansDir: string, root: string): Promise<{ sources: PlanSource[]; checked: Checked }> {
	const sources = await loadPlans(plansDir, root);
	const hash = createHash('sha256');
	for (const source of sources) hash.update(source.file).update('\0').update(source.source).update('\0');
	const key = hash.digest('hex');
	if (last?.key !== key) last = { key, result: checkPlanSources(sources) };
	return { sources, checked: last.result };
}
