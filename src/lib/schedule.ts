/** When each action can really finish, given today's date and its prerequisites' slips. */
import type { Action, Plan } from '../schema/plan.ts';
import { addDays, daysBetween, maxDate } from './dates.ts';
import { buildDependencyGraph, sortTopologically, type DependencyGraph } from './graph.ts';

/** The minimum of an action the schedule reads. */
export type SchedulableAction = Pick<Action, 'id' | 'due' | 'start' | 'status' | 'completedOn' | 'dependsOn'>;

/** One action's place in the schedule. */
export interface ScheduledAction {
	id: string;
	/** Position in the plan's `actions`, used to break ties in plan order. */
	index: number;
	/** Days of work: `due - start` when a start is given, else 1; never less than 1. */
	duration: number;
	/** The day it is expected to finish: `completedOn` when done, never before today when open. */
	projectedFinish: string;
	/** Days the projected finish lies after `due`; 0 when on time or early. */
	slipDays: number;
	/** The prerequisite with the latest projected finish (ties: plan order); absent without any. */
	latestPrerequisite?: string;
}

/** A plan's actions in dependency order with projected finishes. */
export interface Schedule {
	/** Action ids, every one after all of its prerequisites. */
	order: string[];
	/** Scheduled actions by id. */
	actions: Map<string, ScheduledAction>;
	graph: DependencyGraph;
}

/**
 * Projects every action's finish in one pass over the dependency graph, so that a slip of one
 * action pushes everything that waits for it. `undefined` when the graph has a cycle, which
 * validation reports on its own.
 */
export function buildSchedule(plan: { actions: readonly SchedulableAction[] }, today: string): Schedule | undefined {
	const graph = buildDependencyGraph(plan.actions);
	const order = sortTopologically(graph);
	if (!order) return undefined;
	const byId = new Map(plan.actions.map((action, index) => [action.id, { action, index }]));
	const actions = new Map<string, ScheduledAction>();
	for (const id of order) {
		const { action, index } = byId.get(id)!;
		const duration = getDuration(action);
		let latestPrerequisite: ScheduledAction | undefined;
		for (const prerequisiteId of graph.prerequisites.get(id) ?? []) {
			const prerequisite = actions.get(prerequisiteId)!;
			if (latestPrerequisite === undefined || isLaterFinish(prerequisite, latestPrerequisite)) {
				latestPrerequisite = prerequisite;
			}
		}
		let projectedFinish: string;
		if (action.status === 'done') {
			// What happened beats any projection; a done action without a day counts as on time.
			projectedFinish = action.completedOn ?? action.due;
		} else {
			projectedFinish = maxDate(action.due, today);
			if (latestPrerequisite) {
				projectedFinish = maxDate(projectedFinish, addDays(latestPrerequisite.projectedFinish, duration));
			}
		}
		actions.set(id, {
			id,
			index,
			duration,
			projectedFinish,
			slipDays: Math.max(0, daysBetween(action.due, projectedFinish)),
			...(latestPrerequisite ? { latestPrerequisite: latestPrerequisite.id } : {}),
		});
	}
	return { order, actions, graph };
}

/** Days of work an action needs: `due - start`, else 1, and never less than 1. */
export function getDuration(action: Pick<Action, 'due' | 'start'>): number {
	return action.start === undefined ? 1 : Math.max(1, daysBetween(action.start, action.due));
}

/**
 * The chain of actions behind a projected finish, first to last: it ends at `endId` (by default
 * the latest-finishing action) and walks back through the latest-finishing prerequisite at each
 * step (ties: plan order). Empty for an empty schedule.
 */
export function findCriticalPath(schedule: Schedule, endId?: string): string[] {
	let last = endId === undefined ? undefined : schedule.actions.get(endId);
	if (last === undefined) {
		for (const scheduled of schedule.actions.values()) {
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
 * The action that stands for the decision: of the actions due on or before `decisionDate`, the
 * one projected to finish last (ties: plan order). Steps planned after the decision, such as
 * implementation planning, must not move it. `undefined` when every action is due after it.
 */
export function findDecisionAction(plan: Pick<Plan, 'decisionDate'> & { actions: readonly Pick<Action, 'due'>[] }, schedule: Schedule): string | undefined {
	let found: ScheduledAction | undefined;
	for (const scheduled of schedule.actions.values()) {
		if (plan.actions[scheduled.index].due > plan.decisionDate) continue;
		if (found === undefined || isLaterFinish(scheduled, found)) found = scheduled;
	}
	return found?.id;
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
}

/** Projects the decision date from the schedule; `undefined` when the plan has a cycle. */
export function getProjectedDecision(
	plan: Pick<Plan, 'decisionDate'> & { actions: readonly SchedulableAction[] },
	today: string,
): ProjectedDecision | undefined {
	const schedule = buildSchedule(plan, today);
	if (!schedule) return undefined;
	const decisionAction = findDecisionAction(plan, schedule);
	const chain = findCriticalPath(schedule, decisionAction);
	const end = chain.length > 0 ? schedule.actions.get(chain.at(-1)!)! : undefined;
	const isDone = end !== undefined && plan.actions[end.index].status === 'done';
	const projected = end === undefined ? plan.decisionDate : isDone ? end.projectedFinish : maxDate(plan.decisionDate, end.projectedFinish);
	const slipDays = Math.max(0, daysBetween(plan.decisionDate, projected));
	const firstSlipped = chain.findIndex((id) => schedule.actions.get(id)!.slipDays > 0);
	return {
		projected,
		decisionDate: plan.decisionDate,
		decisionAction,
		slipDays,
		chain,
		cause: slipDays > 0 && firstSlipped >= 0 ? chain.slice(firstSlipped) : [],
	};
}

// Ties go to the action earlier in the plan, so the chosen path is stable across runs.
function isLaterFinish(candidate: ScheduledAction, current: ScheduledAction): boolean {
	if (candidate.projectedFinish !== current.projectedFinish) return candidate.projectedFinish > current.projectedFinish;
	return candidate.index < current.index;
}
