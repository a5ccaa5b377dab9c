import { z } from 'astro/zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD (so 2026-02-30 is not). */
export function isRealIsoDate(value: string): boolean {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const [, y, m, d] = match.map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date as `YYYY-MM-DD`. YAML loaders that turn dates into `Date` objects are
 * normalised back to the string, so every date in a plan has one type everywhere.
 */
export const IsoDateSchema = z.preprocess(
	(value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
	z
		.string({ error: 'must be a date written as YYYY-MM-DD, for example 2026-05-17' })
		.refine((value) => ISO_DATE.test(value), {
			error: 'must be a date written as YYYY-MM-DD, for example 2026-05-17',
		})
		.refine((value) => !ISO_DATE.test(value) || isRealIsoDate(value), {
			error: 'is not a real calendar date; check the day and the month',
		}),
);

/** A date in a plan, always `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDateSchema>;
