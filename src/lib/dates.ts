/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so that time zones never shift a day. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date. */
export function toDayNumber(date: string): number {
	return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` date for a day number from {@link toDayNumber}. */
export function fromDayNumber(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: string, days: number): string {
	return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`; positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
	return toDayNumber(to) - toDayNumber(from);
}

/** The later of two dates. */
export function maxDate(a: string, b: string): string {
	return a >= b ? a : b;
}

/** Today's date in UTC as `YYYY-MM-DD`, for callers that have no injected "today". */
export function formatUtcDate(instant: Date): string {
	return instant.toISOString().slice(0, 10);
}
