/** The buyer microsite's words and formats in the plan's language: catalogues plus sentence builders. */
import type { DateChange } from '../schema/plan.ts';
import type { ProgressCount } from '../lib/progress.ts';
import { daysBetween } from '../lib/dates.ts';
import { formatDate } from './format.ts';
import type { Locale } from './locale.ts';
import { en, type Messages } from './messages/en.ts';
import { id } from './messages/id.ts';

export { formatDate, formatNumber, formatPercent, type DateStyle } from './format.ts';
export { isSupportedLocale, SUPPORTED_LOCALES, type Locale } from './locale.ts';
export { selectPlural, type PluralForms } from './plural.ts';
export type { Messages } from './messages/en.ts';

// A Record keyed by Locale makes adding a language to the schema a type error until it has a catalogue.
const CATALOGUES: Record<Locale, Messages> = { en, id };

/** The message catalogue for `locale`. */
export function getMessages(locale: Locale): Messages {
	return CATALOGUES[locale];
}

/** The progress sentence, e.g. "12 of 18 done, 67%" / "12 dari 18 selesai, 67%". */
export function formatProgress(progress: ProgressCount, locale: Locale): string {
	return getMessages(locale).progress.summary(progress);
}

/**
 * One date change as a sentence with short dates, e.g.
 * "due May 3 → May 17, changed Apr 28: security backlog"; names who asked when `by` is set.
 */
export function formatDateChange(
	change: Pick<DateChange, 'on' | 'from' | 'to' | 'reason' | 'by'>,
	locale: Locale,
): string {
	const dates = getMessages(locale).dates;
	const parts = {
		from: formatDate(change.from, locale, 'short'),
		to: formatDate(change.to, locale, 'short'),
		on: formatDate(change.on, locale, 'short'),
		reason: change.reason,
	};
	return change.by === undefined ? dates.dateChange(parts) : dates.dateChangeBy({ ...parts, by: change.by });
}

/** How late something is, with the right plural: "1 day late", "3 days late" / "terlambat 3 hari". */
export function formatDaysLate(days: number, locale: Locale): string {
	return getMessages(locale).dates.daysLate({ count: days });
}

/** A day offset from today in words: -1 "yesterday", 0 "today", 3 "in 3 days" / "kemarin", "hari ini", "dalam 3 hari". */
export function formatRelativeDays(days: number, locale: Locale): string {
	// Made once per locale: constructing a formatter costs far more than using it (see format.ts).
	let formatter = relativeFormatters.get(locale);
	if (!formatter) relativeFormatters.set(locale, (formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
	return formatter.format(days, 'day');
}

const relativeFormatters = new Map<Locale, Intl.RelativeTimeFormat>();

/**
 * Where the decision date is heading, with long dates: "Projected decision Jun 3, 2026, 12 days
 * after the planned May 22, 2026", or the on-time sentence when the projection is not later.
 */
export function formatProjectedDecision(dates: { planned: string; projected: string }, locale: Locale): string {
	const messages = getMessages(locale).dates;
	const planned = formatDate(dates.planned, locale, 'long');
	const slip = daysBetween(dates.planned, dates.projected);
	if (slip <= 0) return messages.projectedDecisionOnTime({ planned });
	return messages.projectedDecisionLate({ projected: formatDate(dates.projected, locale, 'long'), days: slip, planned });
}
