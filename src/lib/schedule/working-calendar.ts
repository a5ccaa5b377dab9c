/**
 * Which days one side of a deal, or one person, can finish work on: the side's working week,
 * its country's public holidays and its closed periods, and the person's time away.
 */
import type { DateSpan, Weekday, WorkingCalendarSpec } from '../../schema/plan-calendar.ts';
import { toDayNumber } from '../dates.ts';

/** A public holiday on one day. */
export interface Holiday {
	/** `YYYY-MM-DD`. */
	date: string;
	/** The holiday's name, in the plan's language where the source has it. */
	name: string;
}

/** Public holidays of a country (and region) in one year, named in `language` where possible. */
export type HolidaySource = (country: string, region: string | undefined, year: number, language: string) => readonly Holiday[];

/** Why a day is not a working day. */
export type DayOff =
	| { kind: 'weekend'; date: string; weekday: Weekday; party: string }
	| { kind: 'holiday'; date: string; name: string; country: string }
	| { kind: 'closed'; date: string; span: DateSpan; party: string }
	| { kind: 'away'; date: string; span: DateSpan; person: string };

/** The days one side can work on. */
export interface WorkingCalendar {
	/** Whether work can finish on `date`. */
	isWorkingDay(date: string): boolean;
	/** Why `date` is not a working day; `undefined` when it is one. */
	explainDayOff(date: string): DayOff | undefined;
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The weekday of a `YYYY-MM-DD` date. */
export function getWeekday(date: string): Weekday {
	// Day 0 (1970-01-01) was a Thursday.
	return WEEKDAYS[(((toDayNumber(date) + 4) % 7) + 7) % 7]!;
}

/** Every day is a working day: a side without a `calendar` keeps counting calendar days. */
export const EVERY_DAY: WorkingCalendar = { isWorkingDay: () => true, explainDayOff: () => undefined };

/**
 * The working calendar of a side from its `calendar` field; {@link EVERY_DAY} without one.
 * Holidays come from `holidays`, asked once per year; answers are remembered per day. `party`
 * names the side in explanations ("Acme is closed ...").
 */
export function createWorkingCalendar(spec: WorkingCalendarSpec | undefined, holidays: HolidaySource, language: string, party = ''): WorkingCalendar {
	if (spec === undefined) return EVERY_DAY;
	// A plan the schema rejected is still checked; its calendar may lack the defaults.
	const workdays = new Set(spec.workdays ?? ['mon', 'tue', 'wed', 'thu', 'fri']);
	const closed = spec.closed ?? [];
	const country = String(spec.country ?? '').toUpperCase();
	const holidaysByYear = new Map<number, Map<string, string>>();
	const holidayOn = (date: string): string | undefined => {
		const year = Number(date.slice(0, 4));
		let byDate = holidaysByYear.get(year);
		if (byDate === undefined) {
			byDate = new Map();
			// A day with two holidays keeps the first name the source gives.
			for (const holiday of country ? holidays(country, spec.region, year, language) : []) if (!byDate.has(holiday.date)) byDate.set(holiday.date, holiday.name);
			holidaysByYear.set(year, byDate);
		}
		return byDate.get(date);
	};
	const answers = new Map<string, DayOff | null>();
	const explainDayOff = (date: string): DayOff | undefined => {
		let answer = answers.get(date);
		if (answer === undefined) {
			answer = findDayOff(date) ?? null;
			answers.set(date, answer);
		}
		return answer ?? undefined;
	};
	// A named reason beats "weekend": a closed period or holiday says more to the reader.
	const findDayOff = (date: string): DayOff | undefined => {
		const span = closed.find((closed) => closed.from <= date && date <= closed.to);
		if (span) return { kind: 'closed', date, span, party };
		const name = holidayOn(date);
		if (name !== undefined) return { kind: 'holiday', date, name, country };
		const weekday = getWeekday(date);
		if (!workdays.has(weekday)) return { kind: 'weekend', date, weekday, party };
		return undefined;
	};
	return { isWorkingDay: (date) => explainDayOff(date) === undefined, explainDayOff };
}

/** A side's calendar narrowed by one person's time away. */
export function withTimeAway(calendar: WorkingCalendar, person: string, away: readonly DateSpan[]): WorkingCalendar {
	if (away.length === 0) return calendar;
	const explainDayOff = (date: string): DayOff | undefined => {
		const span = away.find((entry) => entry.from <= date && date <= entry.to);
		return span ? { kind: 'away', date, span, person } : calendar.explainDayOff(date);
	};
	return { isWorkingDay: (date) => explainDayOff(date) === undefined, explainDayOff };
}
