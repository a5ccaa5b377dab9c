/**
 * "What if legal takes a week longer?": the schedule again with one action finishing later (or
 * on a given day), and every projection that moves. Nothing is written; the plan is copied.
 */
import type { Plan } from '../../schema/plan.ts';
import { buildSchedule, getPlannedDue, projectDecision, type ProjectedDecision, type SchedulablePlan, type ScheduleOptions } from '../schedule.ts';
import { addWorkingDays } from './working-days.ts';

/** The change to try: `days` more working days than projected, or a new due date. */
export type WhatIfChange = { action: string; days: number } | { action: string; date: string };

/** One action whose projected finish moves. */
export interface MovedAction {
	id: string;
	from: string;
	to: string;
}

/** The decision and the actions before and after the change. */
export interface WhatIfResult {
	/** The action's new due date, as the change sets it. */
	due: string;
	before: ProjectedDecision;
	after: ProjectedDecision;
	/** Actions whose projected finish moves, in plan order (the changed action included). */
	moved: MovedAction[];
}

/** Parses `legal=+5` or `legal=2026-06-20`; a message for the person when it cannot. */
export function parseWhatIf(text: string): WhatIfChange | string {
	const match = /^([^=\s]+)=(?:\+(\d{1,3})|(\d{4}-\d{2}-\d{2}))$/.exec(text.trim());
	if (!match) return `"${text}" is not a what-if. Write <action>=+<working days> or <action>=<YYYY-MM-DD>, e.g. legal-review=+5 or legal-review=2026-06-20.`;
	return match[2] !== undefined ? { action: match[1]!, days: Number(match[2]) } : { action: match[1]!, date: match[3]! };
}

/**
 * Schedules `plan` as it is and with `change`; `undefined` when the plan has a cycle or the action
 * is unknown. `+N` moves the action's due date to N working days of its owner's side after its
 * projected finish; a date replaces the due date. The action stays a step before the decision if
 * it was one, as `plan slip` keeps it through its date change.
 */
export function tryWhatIf(plan: Pick<Plan, 'decisionDate'> & SchedulablePlan, change: WhatIfChange, today: string, options: ScheduleOptions = {}): WhatIfResult | undefined {
	const index = plan.actions.findIndex((action) => action.id === change.action);
	const schedule = buildSchedule(plan, today, options);
	if (index < 0 || !schedule) return undefined;
	const action = plan.actions[index]!;
	const scheduled = schedule.actions.get(action.id)!;
	const due = 'date' in change ? change.date : addWorkingDays(scheduled.projectedFinish, change.days, schedule.calendars.get(action.id)!.side);
	const changed = {
		...plan,
		actions: plan.actions.map((entry, at) =>
			at === index ? { ...entry, due, dateChanges: [...(entry.dateChanges ?? []), { from: getPlannedDue(entry) }].slice(0, 1) } : entry,
		),
	};
	const after = buildSchedule(changed, today, options)!;
	const moved: MovedAction[] = [];
	for (const [at, entry] of plan.actions.entries()) {
		// An undated step's "finish" is only its earliest day; it moves with the others but was never promised.
		if (at !== index && schedule.actions.get(entry.id)!.isUndated) continue;
		const from = schedule.actions.get(entry.id)!.projectedFinish;
		const to = after.actions.get(entry.id)!.projectedFinish;
		if (from !== to) moved.push({ id: entry.id, from, to });
	}
	return { due, before: projectDecision(plan, schedule), after: projectDecision(changed, after), moved };
}
