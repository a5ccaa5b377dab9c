/**
 * Float: how many working days an open action can slip before the projected decision moves.
 * A backward pass over the schedule gives each action the latest day it may finish on; the float
 * is the count of its side's working days from its projected finish to that day.
 */
import type { Plan } from '../../schema/plan.ts';
import { isBeforeDecision, type ProjectedDecision, type Schedule, type SchedulableAction } from '../schedule.ts';
import { countWorkingDays, latestStartFor, previousWorkingDay } from './working-days.ts';

/**
 * The float of every open dated action, in working days of its owner's side; 0 on the critical
 * path. Absent for done and undated actions, and for actions the decision does not wait for
 * (steps after the decision and everything that only leads to them).
 */
export function getActionFloats(
	plan: Pick<Plan, 'decisionDate'> & { actions: readonly SchedulableAction[] },
	schedule: Schedule,
	decision: Pick<ProjectedDecision, 'projected'>,
): Map<string, number> {
	const latestFinish = new Map<string, string>();
	const floats = new Map<string, number>();
	for (const id of [...schedule.order].reverse()) {
		const scheduled = schedule.actions.get(id)!;
		const action = plan.actions[scheduled.index]!;
		if (action.status === 'done' || scheduled.isUndated) continue;
		// Finishing after the projected decision would make this step the one that sets it.
		let latest = isBeforeDecision(action, plan.decisionDate) ? decision.projected : undefined;
		for (const dependentId of schedule.graph.dependents.get(id) ?? []) {
			const dependentLatest = latestFinish.get(dependentId);
			if (dependentLatest === undefined) continue;
			const dependent = schedule.actions.get(dependentId)!;
			const calendars = schedule.calendars.get(dependentId)!;
			// The dependent finishes on its owner's next free day after `duration` working days of its side.
			const byDependent = latestStartFor(previousWorkingDay(dependentLatest, calendars.owner), dependent.duration, calendars.side);
			if (latest === undefined || byDependent < latest) latest = byDependent;
		}
		if (latest === undefined) continue;
		latestFinish.set(id, latest);
		const calendars = schedule.calendars.get(id)!;
		floats.set(id, countWorkingDays(scheduled.projectedFinish, previousWorkingDay(latest, calendars.owner), calendars.side));
	}
	return floats;
}
