/**
 * When each action can really finish, given today's date, its prerequisites' slips and the days
 * its owner can work (the owner's side's working calendar and the owner's time away).
 */
import type { Action, DateChange, Plan, Side, Stakeholder } from '../schema/plan.ts';
import { TBD } from '../schema/plan.ts';
import type { WorkingCalendarSpec } from '../schema/plan-calendar.ts';
import { daysBetween, maxDate } from './dates.ts';
import { buildDependencyGraph, sortTopologically, type DependencyGraph } from './graph.ts';
import { getPublicHolidays } from './schedule/holidays.ts';
import { createWorkingCalendar, EVERY_DAY, withTimeAway, type DayOff, type HolidaySource, type WorkingCalendar } from './schedule/working-calendar.ts';
import { addWorkingDays, countWorkingDays, nextWorkingDay } from './schedule/working-days.ts';

/** The minimum of an action the schedule reads; `side` and `owner` pick the working calendar. */
export type SchedulableAction = Pick<Action, 'id' | 'due' | 'start' | 'status' | 'completedOn' | 'dependsOn'> &
	Partial<Pick<Action, 'side' | 'owner'>> & { dateChanges?: readonly Pick<DateChange, 'from'>[] };

/** The minimum of a plan the schedule reads. Calendars, people and locale are optional: without them every day is a working day. */
export interface SchedulablePlan {
	actions: readonly SchedulableAction[];
	buyer?: { name?: string; calendar?: WorkingCalendarSpec | undefined };
	seller?: { name?: string; calendar?: WorkingCalendarSpec | undefined };
	stakeholders?: readonly Pick<Stakeholder, 'id' | 'name' | 'away'>[];
	locale?: Plan['locale'];
}

/** Where the public holidays come from; tests pass their own. */
export interface ScheduleOptions {
	holidays?: HolidaySource;
}

/** One action's place in the schedule. */
export interface ScheduledAction {
	id: string;
	/** Position in the plan's `actions`, used to break ties in plan order. */
	index: number;
	/** Working days of the owner's side from `start` to `due` when a start is given, else 1; never less than 1. */
	duration: number;
	/** The day it is expected to finish: `completedOn` when done, never before today when open. */
	projectedFinish: string;
	/** Calendar days the projected finish lies after `due`; 0 when on time, early or undated. */
	slipDays: number;
	/** The dated prerequisite with the latest projected finish (ties: plan order); absent without any. */
	latestPrerequisite?: string;
	/** `due: tbd`: its finish is the earliest it could be, and nothing else waits for it yet. */
	isUndated: boolean;
	/** Why an open action cannot finish on the day it otherwise would: the first day its owner cannot work. */
	delay?: DayOff;
}

/** A plan's actions in dependency order with projected finishes. */
export interface Schedule {
	/** Action ids, every one after all of its prerequisites. */
	order: string[];
	/** Scheduled actions by id. */
	actions: Map<string, ScheduledAction>;
	graph: DependencyGraph;
	/** The days each action's owner can finish work on, by action id. */
	calendars: Map<string, OwnerCalendars>;
}

/** The two calendars of an action's owner. */
export interface OwnerCalendars {
	/** The owner's side: durations count its working days. */
	side: WorkingCalendar;
	/** The side's calendar less the owner's time away: the action can only finish on these days. */
	owner: WorkingCalendar;
}

/** Whether an action's date is still to agree (`due: tbd`). */
export function isUndated(action: Pick<Action, 'due'>): boolean {
	return action.due === TBD;
}

/**
 * The date an action was first planned for: the `from` of its first date change, else `due`.
 * It decides whether a step comes before the decision, so a step that slipped past the decision
 * date still moves the decision instead of dropping out of it.
 */
export function getPlannedDue(action: Pick<SchedulableAction, 'due' | 'dateChanges'>): string {
	return action.dateChanges?.[0]?.from ?? action.due;
}

/** The working calendars of both sides of `plan`, with holidays from `options.holidays` (by default `date-holidays`). */
export function createSideCalendars(plan: Pick<SchedulablePlan, 'buyer' | 'seller' | 'locale'>, options: ScheduleOptions = {}): Record<Side, WorkingCalendar> {
	const holidays = options.holidays ?? getPublicHolidays;
	const language = plan.locale ?? 'en';
	return {
		buyer: createWorkingCalendar(plan.buyer?.calendar, holidays, language, plan.buyer?.name ?? 'buyer'),
		seller: createWorkingCalendar(plan.seller?.calendar, holidays, language, plan.seller?.name ?? 'seller'),
	};
}

/**
 * Projects every action's finish in one pass over the dependency graph, so that a slip of one
 * action pushes everything that waits for it. An open action finishes on its owner's first
 * working day on or after the latest of its due date, today, and its latest prerequisite's
 * finish plus its duration in working days. `undefined` when the graph has a cycle, which
 * validation reports on its own.
 */
export function buildSchedule(plan: SchedulablePlan, today: string, options: ScheduleOptions = {}): Schedule | undefined {
	const graph = buildDependencyGraph(plan.actions);
	const order = sortTopologically(graph);
	if (!order) return undefined;
	const sides = createSideCalendars(plan, options);
	const people = new Map((plan.stakeholders ?? []).map((person) => [person.id, person]));
	const ownerCalendars = new Map<string, OwnerCalendars>();
	const getCalendars = (action: SchedulableAction): OwnerCalendars => {
		const key = `${action.side ?? ''}/${action.owner ?? ''}`;
		let found = ownerCalendars.get(key);
		if (found === undefined) {
			const side = action.side === undefined ? EVERY_DAY : sides[action.side];
			const person = action.owner === undefined ? undefined : people.get(action.owner);
			found = { side, owner: person ? withTimeAway(side, person.name, person.away ?? []) : side };
			ownerCalendars.set(key, found);
		}
		return found;
	};
	const byId = new Map(plan.actions.map((action, index) => [action.id, { action, index }]));
	const actions = new Map<string, ScheduledAction>();
	const calendars = new Map<string, OwnerCalendars>();
	for (const id of order) {
		const { action, index } = byId.get(id)!;
		const owner = getCalendars(action);
		calendars.set(id, owner);
		const duration = getDuration(action, owner.side);
		let latestPrerequisite: ScheduledAction | undefined;
		for (const prerequisiteId of graph.prerequisites.get(id) ?? []) {
			const prerequisite = actions.get(prerequisiteId)!;
			// A step whose date is still to agree is not accounted for yet (see ProjectedDecision.undated).
			if (prerequisite.isUndated) continue;
			if (latestPrerequisite === undefined || isLaterFinish(prerequisite, latestPrerequisite)) latestPrerequisite = prerequisite;
		}
		const undated = isUndated(action);
		let projectedFinish: string;
		let delay: DayOff | undefined;
		if (action.status === 'done') {
			// What happened beats any projection; a done action without a day counts as on time.
			projectedFinish = action.completedOn ?? (undated ? today : action.due);
		} else {
			let earliest = undated ? today : maxDate(action.due, today);
			if (latestPrerequisite) earliest = maxDate(earliest, addWorkingDays(latestPrerequisite.projectedFinish, duration, owner.side));
			projectedFinish = nextWorkingDay(earliest, owner.owner);
			if (projectedFinish !== earliest) delay = owner.owner.explainDayOff(earliest);
		}
		actions.set(id, {
			id,
			index,
			duration,
			projectedFinish,
			slipDays: undated ? 0 : Math.max(0, daysBetween(action.due, projectedFinish)),
			...(latestPrerequisite ? { latestPrerequisite: latestPrerequisite.id } : {}),
			isUndated: undated,
			...(delay ? { delay } : {}),
		});
	}
	return { order, actions, graph, calendars };
}

/** Working days of work from `start` to `due` on `calendar` (every day counts without one), else 1, and never less than 1. */
export function getDuration(action: Pick<Action, 'due' | 'start'>, calendar: WorkingCalendar = EVERY_DAY): number {
	if (action.start === undefined || action.due === TBD) return 1;
	return Math.max(1, countWorkingDays(action.start, action.due, calendar));
}

/**
 * The chain of actions behind a projected finish, first to last: it ends at `endId` (by default
 * the latest-finishing dated action) and walks back through the latest-finishing prerequisite at
 * each step (ties: plan order). Empty for an empty schedule.
 */
export function findCriticalPath(schedule: Schedule, endId?: string): string[] {
	let last = endId === undefined ? undefined : schedule.actions.get(endId);
	if (last === undefined) {
		for (const scheduled of schedule.actions.values()) {
			if (scheduled.isUndated) continue;
			if (last === undefined || isLaterFinish(scheduled, last)) last = scheduled;
		}
	}
	const path: string[] = [];
	for (let step = last; step; step = step.latestPrerequisite ? schedule.actions.get(step.latestPrerequisite) : undefined) {
		path.push(step.id);
	}
	return path.reverse();
}

/**
 * The action that stands for the decision: of the dated actions planned on or before `decisionDate` (see {@link getPlannedDue}),
 * the one projected to finish last (ties: plan order). Steps planned after the decision, such as
 * implementation planning, must not move it. `undefined` when every action is due after it.
 */
export function findDecisionAction(plan: Pick<Plan, 'decisionDate'> & { actions: readonly Pick<SchedulableAction, 'due' | 'dateChanges'>[] }, schedule: Schedule): string | undefined {
	let found: ScheduledAction | undefined;
	for (const scheduled of schedule.actions.values()) {
		if (!isBeforeDecision(plan.actions[scheduled.index]!, plan.decisionDate)) continue;
		if (found === undefined || isLaterFinish(scheduled, found)) found = scheduled;
	}
	return found?.id;
}

/** Whether a dated action is due, or was first planned, on or before the decision, so it can move the decision. */
export function isBeforeDecision(action: Pick<SchedulableAction, 'due' | 'dateChanges'>, decisionDate: string): boolean {
	return !isUndated(action) && (action.due <= decisionDate || getPlannedDue(action) <= decisionDate);
}

/** A day on the chain to the decision that its owner cannot work, which moved that step. */
export interface ChainDelay {
	/** The action that moved. */
	action: string;
	/** The first day it could not finish on, and why. */
	dayOff: DayOff;
}

/** When the decision can be taken at the earliest, and what drives that date. */
export interface ProjectedDecision {
	/** The decision action's projected finish, never before `decisionDate` while it is open. */
	projected: string;
	decisionDate: string;
	/** The action that stands for the decision (see {@link findDecisionAction}). */
	decisionAction: string | undefined;
	/** Days the decision is projected after `decisionDate`; 0 when on time. */
	slipDays: number;
	/** The critical path to the decision: action ids that set its date, first to last. */
	chain: string[];
	/** The part of `chain` from its first slipped action on: what makes the decision late. */
	cause: string[];
	/** Steps of `chain` moved by a holiday, closed period, weekend or their owner's time away, in chain order. */
	delays: ChainDelay[];
	/** Open actions with `due: tbd`, in plan order: steps the projection does not account for yet. */
	undated: string[];
}

/** The projected decision of a plan from its schedule. */
export function projectDecision(plan: Pick<Plan, 'decisionDate'> & { actions: readonly SchedulableAction[] }, schedule: Schedule): ProjectedDecision {
	const decisionAction = findDecisionAction(plan, schedule);
	// Without a step planned on or before the decision nothing moves it: `findCriticalPath` without
	// an end would take the plan's last step, and a step after the decision would set its date.
	const chain = decisionAction === undefined ? [] : findCriticalPath(schedule, decisionAction);
	const end = chain.length > 0 ? schedule.actions.get(chain.at(-1)!)! : undefined;
	const isDone = end !== undefined && plan.actions[end.index]!.status === 'done';
	const projected = end === undefined ? plan.decisionDate : isDone ? end.projectedFinish : maxDate(plan.decisionDate, end.projectedFinish);
	const slipDays = Math.max(0, daysBetween(plan.decisionDate, projected));
	const firstSlipped = chain.findIndex((id) => schedule.actions.get(id)!.slipDays > 0);
	const delays = chain.flatMap((id) => {
		const { delay } = schedule.actions.get(id)!;
		return delay ? [{ action: id, dayOff: delay }] : [];
	});
	return {
		projected,
		decisionDate: plan.decisionDate,
		decisionAction,
		slipDays,
		chain,
		cause: slipDays > 0 && firstSlipped >= 0 ? chain.slice(firstSlipped) : [],
		delays,
		undated: plan.actions.filter((action) => isUndated(action) && action.status !== 'done').map((action) => action.id),
	};
}

/** Projects the decision date from the schedule; `undefined` when the plan has a cycle. */
export function getProjectedDecision(
	plan: Pick<Plan, 'decisionDate'> & SchedulablePlan,
	today: string,
	options: ScheduleOptions = {},
): ProjectedDecision | undefined {
	const schedule = buildSchedule(plan, today, options);
	return schedule && projectDecision(plan, schedule);
}

// Ties go to the action earlier in the plan, so the chosen path is stable across runs.
function isLaterFinish(candidate: ScheduledAction, current: ScheduledAction): boolean {
	if (candidate.projectedFinish !== current.projectedFinish) return candidate.projectedFinish > current.projectedFinish;
	return candidate.index < current.index;
}
