/** The check-in log: newest first, each with what changed in the plan since the one before. */
import type { Plan } from '../../schema/plan.ts';
import { sortByDate } from './sort-by-date.ts';
import { resolveStakeholder, type StakeholderRef } from './stakeholder-ref.ts';

/** An action finished in a check-in's window. */
export interface CompletedChange {
	actionId: string;
	title: string;
	completedOn: string;
}

/** A due-date change agreed in a check-in's window. */
export interface DateChangeChange {
	actionId: string;
	title: string;
	on: string;
	from: string;
	to: string;
	reason: string;
	by: string | undefined;
}

/** What moved in the plan between two check-ins. */
export interface CheckinChanges {
	/** By completion day, ties in plan order. */
	completed: CompletedChange[];
	/** By the day agreed, ties in plan order. */
	dateChanges: DateChangeChange[];
}

/** One check-in as the log shows it. */
export interface CheckinView {
	date: string;
	summary: string;
	decisions: string[];
	/** Unknown ids are kept, with the id as the name. */
	attendees: StakeholderRef[];
	/** The check-in before this one; `undefined` for the first, whose changes run from the start of the plan. */
	previousDate: string | undefined;
	/** What happened after `previousDate` up to and including `date`. */
	changes: CheckinChanges;
}

/** The plan's check-ins newest first (same-day ones: later in the file first), each with its changes. */
export function getCheckinView(plan: Pick<Plan, 'checkins' | 'actions' | 'stakeholders'>): CheckinView[] {
	const oldestFirst = sortByDate(plan.checkins, (checkin) => checkin.date);
	const completions = sortByDate(
		plan.actions.flatMap((action) =>
			action.status === 'done' && action.completedOn !== undefined
				? [{ actionId: action.id, title: action.title, completedOn: action.completedOn }]
				: [],
		),
		(change) => change.completedOn,
	);
	const dateChanges = sortByDate(
		plan.actions.flatMap((action) =>
			action.dateChanges.map((change) => ({
				actionId: action.id,
				title: action.title,
				on: change.on,
				from: change.from,
				to: change.to,
				reason: change.reason,
				by: change.by,
			})),
		),
		(change) => change.on,
	);
	const views = oldestFirst.map((checkin, index): CheckinView => {
		const previousDate = oldestFirst[index - 1]?.date;
		const isInWindow = (date: string) => (previousDate === undefined || date > previousDate) && date <= checkin.date;
		return {
			date: checkin.date,
			summary: checkin.summary,
			decisions: checkin.decisions,
			attendees: checkin.attendees.map((id) => resolveStakeholder(plan.stakeholders, id)),
			previousDate,
			changes: {
				completed: completions.filter((change) => isInWindow(change.completedOn)),
				dateChanges: dateChanges.filter((change) => isInWindow(change.on)),
			},
		};
	});
	return views.reverse();
}
