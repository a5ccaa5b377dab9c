/**
 * Decides what a rebuild must redo. The last successful build records a fingerprint of the tool
 * (code, config, lockfile), of its settings (day, site URL) and of each deal's inputs; a deal whose
 * inputs are unchanged keeps its published files, so a rep's edit to one plan rebuilds one deal.
 */

/** What a build was made from; stored beside the cache after a successful build. */
export interface BuildState {
	/** Hash over the code, config and lockfile: any change means a full build. */
	tool: string;
	/** Hash over settings every page depends on: the day (statuses), site URL, output folder. */
	settings: string;
	/** Per plan slug: the hash of its inputs and the route id it was published under. */
	deals: Record<string, { inputs: string; routeId: string }>;
}

/** The decision: rebuild everything, or only some deals and drop removed ones. */
export type RebuildPlan =
	| { mode: 'full'; reason: string }
	| { mode: 'partial'; rebuild: string[]; keep: string[]; removeRoutes: string[] };

/** Compares the recorded state with the current one; `isPublished(routeId)` says whether dist still holds a deal. */
export function planRebuild(previous: BuildState | undefined, current: BuildState, isPublished: (routeId: string) => boolean): RebuildPlan {
	if (!previous) return { mode: 'full', reason: 'no earlier build is recorded' };
	if (previous.tool !== current.tool) return { mode: 'full', reason: 'the code, configuration or dependencies changed' };
	if (previous.settings !== current.settings) return { mode: 'full', reason: 'the day, site URL or output folder changed' };
	const rebuild: string[] = [];
	const keep: string[] = [];
	for (const [slug, deal] of Object.entries(current.deals)) {
		const before = previous.deals[slug];
		if (before && before.inputs === deal.inputs && before.routeId === deal.routeId) {
			if (!isPublished(deal.routeId)) return { mode: 'full', reason: `the published files of ${slug} are missing` };
			keep.push(slug);
		} else rebuild.push(slug);
	}
	const removeRoutes = Object.entries(previous.deals)
		.filter(([slug, deal]) => current.deals[slug]?.routeId !== deal.routeId)
		.map(([, deal]) => deal.routeId);
	return { mode: 'partial', rebuild, keep, removeRoutes };
}
