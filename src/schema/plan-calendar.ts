import { z } from 'astro/zod';
import { IsoDateSchema } from './date.ts';

/** A day of the week, as written in `workdays`. */
export const WeekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** A span of days, both ends included, with a note people can read. */
export const DateSpanSchema = z.strictObject({
	/** First day of the span. */
	from: IsoDateSchema,
	/** Last day of the span (the same as `from` for one day). */
	to: IsoDateSchema,
	/** Why, e.g. "year-end freeze" or "travelling to the Jakarta office". */
	note: z.string().min(1).optional(),
});

/** When one side of the deal works: a country's public holidays, its working week and closed periods. */
export const WorkingCalendarSchema = z.strictObject({
	/** ISO 3166 country code whose public holidays count, e.g. "ID" or "SG". */
	country: z
		.string()
		.regex(/^[A-Za-z]{2}$/, { error: 'must be a two-letter ISO 3166 country code, like "ID" or "SG"' })
		.transform((value) => value.toUpperCase()),
	/** Region code for regional holidays, e.g. "BY" for Bavaria in "DE". */
	region: z.string().min(1).optional(),
	/** The days the side works; Monday to Friday unless given. */
	workdays: z.array(WeekdaySchema).min(1).default(['mon', 'tue', 'wed', 'thu', 'fri']),
	/** Periods the side does not work on the deal: a year-end freeze, a budget cycle. */
	closed: z.array(DateSpanSchema).default([]),
});

/** A person's time away, e.g. travel or leave. */
export const AwaySchema = DateSpanSchema;

export type Weekday = z.infer<typeof WeekdaySchema>;
export type DateSpan = z.infer<typeof DateSpanSchema>;
export type WorkingCalendarSpec = z.infer<typeof WorkingCalendarSchema>;
