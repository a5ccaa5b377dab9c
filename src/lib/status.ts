/** Where each action and milestone stands on a given day, and its traffic light. */
import type { Action, Milestone } from '../schema/plan.ts';
import { daysBetween } from './dates.ts';
import { buildSchedule, type Schedule, type SchedulableAction } from './schedule.ts';

/** What the site shows for an action or a milestone, worst first after `done`. */
export type ItemStatus = 'done' | 'late' | 'blocked' | 'at-risk' | 'due-soon' | 'on-track';

/** Every status, in the order the site lists them. */
export const ITEM_STATUSES: readonly ItemStatus[] = ['done', 'late', 'blocked', 'at-risk', 'due-soon', 'on-track'];

/** A traffic light for a status. */
export type StatusLight = 'green' | 'yellow' | 'red';

/** Days ahead within which an open item counts as due soon, unless a caller says otherwise. */
export const DEFAULT_DUE_SOON_DAYS = 7;

/** What an action's status depends on beyond the action itself; build it with {@link createStatusContext}. */
export interface StatusContext {
	/** The plan's schedule; `undefined` when the plan has a cycle, which disables at-risk checks. */
	schedule: Schedule | undefined;
	/** Ids of open actions waiting, directly or through others, on an open action that is late or blocked. */
	waitingOnTrouble: ReadonlySet<string>;
	/** An open action due within this many days (today included) is due soon. */
	dueSoonDays: number;
}

/** Options for status checks. */
export interface StatusOptions {
	/** Defaults to {@link DEFAULT_DUE_SOON_DAYS}. */
	dueSoonDays?: number;
}

/** Builds the schedule and the trouble map once, so every action's status is a lookup. */
export function createStatusContext(
	plan: { actions: readonly SchedulableAction[] },
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

/**
 * One action's status on `today`, first match wins: done; blocked; late (due before today);
 * at-risk (a prerequisite, however far back, is late or blocked, or the schedule projects it
 * to finish after its due date); due-soon (due within `dueSoonDays`, today included); on-track.
 */
export function getActionStatus(
	action: Pick<Action, 'id' | 'due' | 'status'>,
	context: StatusContext,
	today: string,
): ItemStatus {
	if (action.status === 'done') return 'done';
	if (action.status === 'blocked') return 'blocked';
	if (action.due < today) return 'late';
	if (context.waitingOnTrouble.has(action.id)) return 'at-risk';
	const scheduled = context.schedule?.actions.get(action.id);
	if (scheduled && scheduled.slipDays > 0) return 'at-risk';
	if (daysBetween(today, action.due) <= context.dueSoonDays) return 'due-soon';
	return 'on-track';
}

// Worst first, for rolling open actions up into a milestone; done only counts when all are done.
const ROLLUP_ORDER: readonly ItemStatus[] = ['late', 'at-risk', 'due-soon', 'on-track'];

/**
 * A milestone's status from its actions' statuses: done when all are done; late when any is
 * late or its own date has passed; at-risk when any is at-risk or blocked or the schedule
 * projects one to finish after the milestone's date; due-soon when any is, or the milestone
 * is due within `dueSoonDays`; else on-track. A milestone with no actions is done once its
 * date has passed (nothing was owed) and otherwise rated by its date alone.
 */
export function getMilestoneStatus(
	milestone: Pick<Milestone, 'id' | 'due'>,
	actions: readonly Pick<Action, 'id' | 'status'>[],
	actionStatuses: ReadonlyMap<string, ItemStatus>,
	context: StatusContext,
	today: string,
): ItemStatus {
	const statuses = actions.map((action) => actionStatuses.get(action.id) ?? 'on-track');
	if (actions.length === 0 && milestone.due < today) return 'done';
	if (actions.length > 0 && statuses.every((status) => status === 'done')) return 'done';
	if (milestone.due < today) return 'late';
	const candidates = statuses.map((status): ItemStatus => (status === 'blocked' ? 'at-risk' : status));
	const isProjectedLate = actions.some((action) => {
		const finish = context.schedule?.actions.get(action.id)?.projectedFinish;
		return action.status !== 'done' && finish !== undefined && finish > milestone.due;
	});
	if (isProjectedLate) candidates.push('at-risk');
	if (daysBetween(today, milestone.due) <= context.dueSoonDays) candidates.push('due-soon');
	return ROLLUP_ORDER.find((status) => candidates.includes(status)) ?? 'on-track';
}

/** Traffic light for a status: done and on-track green, due-soon and at-risk yellow, late and blocked red. */
export function getStatusLight(status: ItemStatus): StatusLight {
	switch (status) {
		case 'done':
		case 'on-track':
			return 'green';
		case 'due-soon':
		case 'at-risk':
			return 'yellow';
		case 'late':
		case 'blocked':
			return 'red';
	}
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
	plan: { actions: readonly (SchedulableAction & Pick<Action, 'milestone'>)[]; milestones: readonly Milestone[] },
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
