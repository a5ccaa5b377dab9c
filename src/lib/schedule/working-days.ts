/** Counting and moving by working days of a {@link WorkingCalendar}. */
import { addDays } from '../dates.ts';
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
	let count = 0;
	for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) count++;
	return count;
}
