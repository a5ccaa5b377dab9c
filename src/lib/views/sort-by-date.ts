/** Stable date ordering shared by the views. */

/** A copy of `items` sorted by `getDate` (`YYYY-MM-DD`), ties kept in their input order. */
export function sortByDate<T>(items: readonly T[], getDate: (item: T) => string, direction: 'asc' | 'desc' = 'asc'): T[] {
	const sign = direction === 'asc' ? 1 : -1;
	// Array.prototype.sort is stable, so equal dates keep plan order and pages do not reshuffle between builds.
	return [...items].sort((a, b) => sign * getDate(a).localeCompare(getDate(b)));
}
