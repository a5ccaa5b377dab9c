/** Everything the overview of a deal shows, computed once from the plan and a date. */
import type { Action, Checkin, Plan } from '../schema/plan.ts';
import { getPlanHealth, type PlanHealth } from './health.ts';
import { getPlanProgress, type PlanProgress } from './progress.ts';
import { projectDecision, type ProjectedDecision } from './schedule.ts';
import { getActionFloats } from './schedule/float.ts';
import { getPlanStatuses, type ItemStatus, type PlanStatuses } from './status.ts';

/** How many upcoming steps the overview lists. */
export const NEXT_STEP_COUNT = 5;

/** An action with its status on the overview's date. */
export interface ActionWithStatus {
	action: Action;
	status: ItemStatus;
}

/** The overview of one deal on one day. */
export interface PlanOverview {
	today: string;
	progress: PlanProgress;
	statuses: PlanStatuses;
	/** `undefined` only for a plan with a dependency cycle, which validation rejects. */
	decision: ProjectedDecision | undefined;
	/** Working days each open dated action can slip before the decision moves (see getActionFloats). */
	floats: Map<string, number>;
	health: PlanHealth;
	/** The next open actions by due date. */
	nextSteps: ActionWithStatus[];
	/** Open actions that are late, blocked or at risk, the most urgent first. */
	needsAttention: ActionWithStatus[];
	latestCheckin: Checkin | undefined;
}

const URGENCY: Record<ItemStatus, number> = { late: 0, blocked: 1, 'at-risk': 2, 'due-soon': 3, 'on-track': 4, done: 5 };

/** Builds the overview of `plan` as of `today` (`YYYY-MM-DD`). */
export function getPlanOverview(plan: Plan, today: string): PlanOverview {
	const statuses = getPlanStatuses(plan, today);
	// One schedule for statuses, decision and float, so they can never disagree.
	const schedule = statuses.context.schedule;
	const decision = schedule && projectDecision(plan, schedule);
	const withStatus = plan.actions.map((action) => ({ action, status: statuses.actions.get(action.id)! }));
	const open = withStatus.filter(({ status }) => status !== 'done');
	const byDue = (a: ActionWithStatus, b: ActionWithStatus) => a.action.due.localeCompare(b.action.due);
	return {
		today,
		progress: getPlanProgress(plan),
		statuses,
		decision,
		floats: schedule && decision ? getActionFloats(plan, schedule, decision) : new Map(),
		health: getPlanHealth(plan, today),
		nextSteps: [...open].sort(byDue).slice(0, NEXT_STEP_COUNT),
		needsAttention: open
			.filter(({ status }) => URGENCY[status] <= URGENCY['at-risk'])
			.sort((a, b) => URGENCY[a.status] - URGENCY[b.status] || byDue(a, b)),
		latestCheckin: plan.checkins.reduce<Checkin | undefined>(
			(latest, checkin) => (!latest || checkin.date > latest.date ? checkin : latest),
			undefined,
		),
	};
}
