/**
 * The rules that turn an action's or a milestone's dates into a status and a traffic light.
 * Kept apart from the schedule (status.ts builds it) so the browser's live refresh can use the
 * same rules without loading the schedule and its holiday data.
 */
import type { Action, Milestone } from '../schema/plan.ts';
import { daysBetween } from './dates.ts';
import type { Schedule } from './schedule.ts';

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
	// A date still to agree is never late nor due soon; only its prerequisites can put it at risk.
	// `'tbd'` spelled out (the schema's TBD): importing the schema would put zod into the browser's bundle.
	if (action.due === 'tbd') return context.waitingOnTrouble.has(action.id) ? 'at-risk' : 'on-track';
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

