/** Locale-aware formatting of dates, numbers and percents through `Intl`, always in UTC. */
import type { Locale } from './locale.ts';

/** `long` gives day, month name and year ("May 3, 2026"); `short` gives day and short month ("May 3"). */
export type DateStyle = 'long' | 'short';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
	long: { year: 'numeric', month: 'long', day: 'numeric' },
	short: { month: 'short', day: 'numeric' },
};

// Making an Intl formatter costs far more than using one (it loads the locale's data): a build
// formats hundreds of thousands of dates, and a CPU profile at 200 deals found a third of the
// render time in formatter construction. One formatter per locale and kind is kept and reused.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function getFormatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
	let formatter = formatters.get(key) as T | undefined;
	if (!formatter) {
		formatter = create();
		formatters.set(key, formatter);
	}
	return formatter;
}

/**
 * Formats a `YYYY-MM-DD` date for `locale`. The date is read and written in UTC, so the
 * viewer's time zone can never move it to the day before or after.
 */
export function formatDate(date: string, locale: Locale, style: DateStyle = 'long'): string {
	const instant = parseIsoDate(date);
	return getFormatter(`date:${style}:${locale}`, () => new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS[style], timeZone: 'UTC' })).format(instant);
}

/** Formats a number with the locale's digit grouping and decimal mark ("12,345.5" / "12.345,5"). */
export function formatNumber(value: number, locale: Locale): string {
	return getFormatter(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** Formats a whole percent such as 67 (not 0.67) as the locale writes it ("67%"). */
export function formatPercent(percent: number, locale: Locale): string {
	return getFormatter(`percent:${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(percent / 100);
}

function parseIsoDate(date: string): Date {
	const match = ISO_DATE.exec(date);
	const instant = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
	// Date.UTC rolls 2026-02-30 over into March; a date that does not round-trip is not real.
	if (!instant || instant.toISOString().slice(0, 10) !== date) {
		throw new RangeError(`Cannot format "${date}": expected a real date written as YYYY-MM-DD, like 2026-05-17`);
	}
	return instant;
}
