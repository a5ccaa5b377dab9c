/** Counting and moving by working days of a {@link WorkingCalendar}. */
import { addDays, fromDayNumber, toDayNumber } from '../dates.ts';
import type { WorkingCalendar } from './working-calendar.ts';

// A calendar with no working day for this long is a mistake (every weekday closed); stop rather than loop.
const MAX_SEARCH_DAYS = 3660;

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string, calendar: WorkingCalendar): string {
	let day = date;
	for (let step = 0; step < MAX_SEARCH_DAYS && !calendar.isWorkingDay(day); step++) day = addDays(day, 1);
	return day;
}

/** The last working day on or before `date`. */
export function previousWorkingDay(date: string, calendar: WorkingCalendar): string {
	let day = date;
	for (let step = 0; step < MAX_SEARCH_DAYS && !calendar.isWorkingDay(day); step++) day = addDays(day, -1);
	return day;
}

/** The day `count` working days after `date` (the count starts on the day after); `date` itself for 0. */
export function addWorkingDays(date: string, count: number, calendar: WorkingCalendar): string {
	let day = date;
	for (let left = count; left > 0; ) {
		day = addDays(day, 1);
		if (calendar.isWorkingDay(day)) left--;
		else if (Math.abs(Number(day.slice(0, 4)) - Number(date.slice(0, 4))) > 10) break;
	}
	return day;
}

/**
 * The latest day from which `count` working days later is still on or before `date`: the day
 * before the `count`-th working day counted back from `date`. Inverse of {@link addWorkingDays}.
 */
export function latestStartFor(date: string, count: number, calendar: WorkingCalendar): string {
	if (count <= 0) return date;
	let day = addDays(date, 1);
	for (let left = count; left > 0; ) {
		day = addDays(day, -1);
		if (calendar.isWorkingDay(day)) left--;
		else if (Math.abs(Number(day.slice(0, 4)) - Number(date.slice(0, 4))) > 10) break;
	}
	return addDays(day, -1);
}

/** Working days in `(from, to]`: 0 when `to` is not after `from`. */
export function countWorkingDays(from: string, to: string, calendar: WorkingCalendar): number {
	if (to <= from) return 0;
	// `from` first: reading it can rebuild the table from an earlier first day, and both totals
	// must come from one table. `to` is later, so reading it then only extends that table.
	const before = countUpTo(calendar, toDayNumber(from));
	return countUpTo(calendar, toDayNumber(to)) - before;
}

// Float counts working days between two dates for every open action of a plan; running totals per
// calendar turn each count into two lookups instead of a walk over the days.
interface RunningTotals {
	/** Day number of `totals[0]`. */
	first: number;
	/** `totals[i]`: working days in `[first, first + i]`. */
	totals: number[];
}
const runningTotals = new WeakMap<WorkingCalendar, RunningTotals>();
const MARGIN_DAYS = 370;

function countUpTo(calendar: WorkingCalendar, day: number): number {
	let entry = runningTotals.get(calendar);
	if (entry === undefined || day < entry.first) {
		const first = day - MARGIN_DAYS;
		const last = entry ? entry.first + entry.totals.length - 1 : day;
		entry = { first, totals: [] };
		runningTotals.set(calendar, entry);
		extendTo(calendar, entry, Math.max(last, day));
	} else if (day >= entry.first + entry.totals.length) {
		extendTo(calendar, entry, day + MARGIN_DAYS);
	}
	return entry.totals[day - entry.first]!;
}

function extendTo(calendar: WorkingCalendar, entry: RunningTotals, last: number): void {
	for (let day = entry.first + entry.totals.length; day <= last; day++) {
		const previous = entry.totals.length === 0 ? 0 : entry.totals[entry.totals.length - 1]!;
		entry.totals.push(previous + (calendar.isWorkingDay(fromDayNumber(day)) ? 1 : 0));
	}
}
