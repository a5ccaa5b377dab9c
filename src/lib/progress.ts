/** How much of a plan is done, overall, per side and per milestone. */
import type { Action, Milestone, Side } from '../schema/plan.ts';

/** Done and total action counts with the share done as a whole percent. */
export interface ProgressCount {
	done: number;
	total: number;
	/** `done / total` rounded to a whole percent; 0 when there is nothing to do. */
	percent: number;
}

/** Progress of a plan, broken down the ways the site shows it. */
export interface PlanProgress {
	overall: ProgressCount;
	bySide: Record<Side, ProgressCount>;
	/** By milestone id, in plan order; every milestone is present, even with no actions. */
	byMilestone: Map<string, ProgressCount>;
	/** Actions that lead to no known milestone. */
	unassigned: ProgressCount;
}

/** Counts done actions overall, per side and per milestone. */
export function getPlanProgress(plan: { actions: readonly Action[]; milestones: readonly Milestone[] }): PlanProgress {
	const overall = countProgress(plan.actions);
	const bySide: Record<Side, ProgressCount> = {
		buyer: countProgress(plan.actions.filter((action) => action.side === 'buyer')),
		seller: countProgress(plan.actions.filter((action) => action.side === 'seller')),
	};
	const byMilestone = new Map<string, ProgressCount>();
	for (const milestone of plan.milestones) {
		byMilestone.set(
			milestone.id,
			countProgress(plan.actions.filter((action) => action.milestone === milestone.id)),
		);
	}
	// An action naming a milestone that does not exist still has to be counted somewhere.
	const unassigned = countProgress(
		plan.actions.filter((action) => action.milestone === undefined || !byMilestone.has(action.milestone)),
	);
	return { overall, bySide, byMilestone, unassigned };
}

/** Done, total and rounded percent for a list of actions. */
export function countProgress(actions: readonly Pick<Action, 'status'>[]): ProgressCount {
	const total = actions.length;
	const done = actions.filter((action) => action.status === 'done').length;
	return { done, total, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}
