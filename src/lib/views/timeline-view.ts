/** A timeline model for a narrow screen: every date as a fraction 0..1 along one axis, no pixels. */
import { TBD, type Plan } from '../../schema/plan.ts';
import { addDays, toDayNumber } from '../dates.ts';
import { getPlanStatuses, getStatusLight, type ItemStatus, type StatusLight } from '../status.ts';
import { sortByDate } from './sort-by-date.ts';

/** Days of margin on each side of the range, unless a caller says otherwise. */
export const DEFAULT_TIMELINE_PAD_DAYS = 7;

/** A day on the axis. */
export interface TimelinePoint {
	date: string;
	/** 0 at the range's start, 1 at its end. */
	position: number;
}

/** A milestone marker. */
export interface TimelineMilestone {
	kind: 'milestone';
	id: string;
	title: string;
	date: string;
	position: number;
	status: ItemStatus;
	light: StatusLight;
}

/** An action bar from its start (or its due date when it has none) to its due date. */
export interface TimelineAction {
	kind: 'action';
	id: string;
	title: string;
	start: TimelinePoint;
	due: TimelinePoint;
	status: ItemStatus;
	light: StatusLight;
}

/** Anything drawn on the timeline. */
export type TimelineItem = TimelineMilestone | TimelineAction;

/** A row: one milestone with its actions, or the actions with no known milestone. */
export interface TimelineLane {
	/** `undefined` for the lane of actions with no (known) milestone. */
	milestone: TimelineMilestone | undefined;
	/** By due date, ties in plan order. */
	actions: TimelineAction[];
}

/** What the timeline renders. */
export interface TimelineView {
	rangeStart: string;
	rangeEnd: string;
	today: TimelinePoint;
	decision: TimelinePoint;
	/** The first of every month inside the range, inclusive. */
	monthTicks: TimelinePoint[];
	/** Every milestone and action by date (an action's due), ties: milestones first, then plan order. */
	items: TimelineItem[];
	/** Milestones by due date, then the lane of loose actions if there are any. */
	lanes: TimelineLane[];
	/** Each side's closed periods (its calendar's `closed`) that have not ended, earliest first. */
	closedPeriods: { party: string; from: string; to: string; note: string | undefined }[];
}

/** Options for the timeline. */
export interface TimelineOptions {
	/** Defaults to {@link DEFAULT_TIMELINE_PAD_DAYS}. */
	padDays?: number;
}

/**
 * The timeline of `plan` as of `today`. The range runs from the earliest start, due date or
 * today, to the latest due date, decision date or today, padded on both sides; today is inside
 * it even after a finished deal, so every position stays within 0..1.
 */
export function getTimelineView(plan: Plan, today: string, options: TimelineOptions = {}): TimelineView {
	const padDays = options.padDays ?? DEFAULT_TIMELINE_PAD_DAYS;
	const statuses = getPlanStatuses(plan, today);
	// A step whose date is still to agree has no place on a time axis; the plan page lists it.
	const dated = plan.actions.filter((action) => action.due !== TBD);
	const starts = dated.map((action) => action.start ?? action.due);
	const ends = [...dated.map((action) => action.due), ...plan.milestones.map((milestone) => milestone.due), plan.decisionDate, today];
	const rangeStart = addDays([...starts, ...ends].reduce((a, b) => (b < a ? b : a)), -padDays);
	const rangeEnd = addDays(ends.reduce((a, b) => (b > a ? b : a)), padDays);
	const at = createPositioner(rangeStart, rangeEnd);

	const milestones = sortByDate(plan.milestones, (milestone) => milestone.due).map((milestone): TimelineMilestone => {
		const status = statuses.milestones.get(milestone.id) ?? 'on-track';
		return { kind: 'milestone', id: milestone.id, title: milestone.title, ...at(milestone.due), status, light: getStatusLight(status) };
	});
	const actions = sortByDate(dated, (action) => action.due).map((action) => {
		const status = statuses.actions.get(action.id) ?? 'on-track';
		const view: TimelineAction = {
			kind: 'action',
			id: action.id,
			title: action.title,
			start: at(action.start ?? action.due),
			due: at(action.due),
			status,
			light: getStatusLight(status),
		};
		return { view, milestone: action.milestone };
	});

	const lanes: TimelineLane[] = milestones.map((milestone) => ({
		milestone,
		actions: actions.filter((action) => action.milestone === milestone.id).map((action) => action.view),
	}));
	const milestoneIds = new Set(milestones.map((milestone) => milestone.id));
	const loose = actions.filter((action) => action.milestone === undefined || !milestoneIds.has(action.milestone));
	if (loose.length > 0) lanes.push({ milestone: undefined, actions: loose.map((action) => action.view) });

	return {
		rangeStart,
		rangeEnd,
		today: at(today),
		decision: at(plan.decisionDate),
		monthTicks: listMonthStarts(rangeStart, rangeEnd).map(at),
		items: sortByDate<TimelineItem>(
			[...milestones, ...actions.map((action) => action.view)],
			(item) => (item.kind === 'milestone' ? item.date : item.due.date),
		),
		lanes,
		closedPeriods: [plan.buyer, plan.seller]
			.flatMap((party) => (party.calendar?.closed ?? []).map((span) => ({ party: party.name, from: span.from, to: span.to, note: span.note })))
			.filter((span) => span.to >= today)
			.sort((a, b) => a.from.localeCompare(b.from)),
	};
}

/** A function placing a date on the axis from `start` to `end`; a single-day range puts everything in the middle. */
export function createPositioner(start: string, end: string): (date: string) => TimelinePoint {
	const first = toDayNumber(start);
	const span = toDayNumber(end) - first;
	return (date) => ({ date, position: span <= 0 ? 0.5 : (toDayNumber(date) - first) / span });
}

/** The first day of every month from `start` to `end`, both included. */
export function listMonthStarts(start: string, end: string): string[] {
	const ticks: string[] = [];
	let [year, month] = start.split('-').map(Number);
	if (!start.endsWith('-01')) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
	for (let tick = toIsoMonthStart(year, month); tick <= end; tick = toIsoMonthStart(year, month)) {
		ticks.push(tick);
		[year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
	}
	return ticks;
}

function toIsoMonthStart(year: number, month: number): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}
