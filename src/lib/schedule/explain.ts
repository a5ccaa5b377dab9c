/** Days off in words, the same on the site, in `npm run report` and in `npm run check`. */
import { formatDate, getMessages, type Locale } from '../../i18n/index.ts';
import { getCountryName } from './holidays.ts';
import type { DayOff } from './working-calendar.ts';

/**
 * Why a day is not a working day, in the plan's language: "2026-03-20 is Hari Raya Idul Fitri
 * in Indonesia", "Budi Santoso is away Jun 1 – Jun 21 (travelling)". `dateStyle: 'iso'` keeps
 * `YYYY-MM-DD` for the rep's command line.
 */
export function describeDayOff(dayOff: DayOff, locale: Locale, dateStyle: 'iso' | 'short' | 'long' = 'long'): string {
	const words = getMessages(locale).schedule;
	const date = (value: string) => (dateStyle === 'iso' ? value : formatDate(value, locale, dateStyle));
	switch (dayOff.kind) {
		case 'holiday':
			return words.holiday({ date: date(dayOff.date), name: dayOff.name, country: getCountryName(dayOff.country, locale) ?? dayOff.country });
		case 'away':
			return words.away({ name: dayOff.person, from: date(dayOff.span.from), to: date(dayOff.span.to), note: dayOff.span.note });
		case 'closed':
			return words.closed({ party: dayOff.party, from: date(dayOff.span.from), to: date(dayOff.span.to), note: dayOff.span.note });
		case 'weekend':
			return words.weekend({ date: date(dayOff.date), party: dayOff.party });
	}
}
