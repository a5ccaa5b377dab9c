/** Where each action and milestone stands on a given day, and its traffic light. */
import type { Action, Milestone } from '../schema/plan.ts';
import { buildSchedule, type SchedulableAction, type SchedulablePlan } from './schedule.ts';
import { DEFAULT_DUE_SOON_DAYS, getActionStatus, getMilestoneStatus, type ItemStatus, type StatusContext, type StatusOptions } from './status-rules.ts';

export * from './status-rules.ts';

/** Builds the schedule and the trouble map once, so every action's status is a lookup. */
export function createStatusContext(
	plan: SchedulablePlan,
	today: string,
	options: StatusOptions = {},
): StatusContext {
	const schedule = buildSchedule(plan, today);
	const waitingOnTrouble = new Set<string>();
	if (schedule) {
		const byId = new Map(plan.actions.map((action) => [action.id, action]));
		for (const id of schedule.order) {
			const action = byId.get(id)!;
			if (action.status === 'done') continue;
			// A done prerequisite ends the chain: whatever it waited on no longer matters.
			const isTroubled = (schedule.graph.prerequisites.get(id) ?? []).some((prerequisiteId) => {
				const prerequisite = byId.get(prerequisiteId)!;
				if (prerequisite.status === 'done') return false;
				return (
					prerequisite.status === 'blocked' || prerequisite.due < today || waitingOnTrouble.has(prerequisiteId)
				);
			});
			if (isTroubled) waitingOnTrouble.add(id);
		}
	}
	return { schedule, waitingOnTrouble, dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS };
}

/** Statuses of a whole plan on one day. */
export interface PlanStatuses {
	/** Status by action id. */
	actions: Map<string, ItemStatus>;
	/** Status by milestone id. */
	milestones: Map<string, ItemStatus>;
	/** How many actions have each status. */
	actionCounts: Record<ItemStatus, number>;
	/** How many milestones have each status. */
	milestoneCounts: Record<ItemStatus, number>;
	/** The context the statuses were computed with, including the schedule. */
	context: StatusContext;
}

/** Every action's and milestone's status in one pass over the plan. */
export function getPlanStatuses(
	plan: SchedulablePlan & { actions: readonly (SchedulableAction & Pick<Action, 'milestone'>)[]; milestones: readonly Milestone[] },
	today: string,
	options: StatusOptions = {},
): PlanStatuses {
	const context = createStatusContext(plan, today, options);
	const actions = new Map<string, ItemStatus>();
	const actionCounts = countNothing();
	for (const action of plan.actions) {
		const status = getActionStatus(action, context, today);
		actions.set(action.id, status);
		actionCounts[status]++;
	}
	const actionsByMilestone = new Map<string, (typeof plan.actions)[number][]>();
	for (const action of plan.actions) {
		if (action.milestone === undefined) continue;
		const list = actionsByMilestone.get(action.milestone) ?? [];
		list.push(action);
		actionsByMilestone.set(action.milestone, list);
	}
	const milestones = new Map<string, ItemStatus>();
	const milestoneCounts = countNothing();
	for (const milestone of plan.milestones) {
		const status = getMilestoneStatus(milestone, actionsByMilestone.get(milestone.id) ?? [], actions, context, today);
		milestones.set(milestone.id, status);
		milestoneCounts[status]++;
	}
	return { actions, milestones, actionCounts, milestoneCounts, context };
}

function countNothing(): Record<ItemStatus, number> {
	return { done: 0, late: 0, blocked: 0, 'at-risk': 0, 'due-soon': 0, 'on-track': 0 };
}
