/** The date the build treats as today: `MAP_TODAY` for reproducible builds, else the clock. */
import { isRealIsoDate } from '../schema/date.ts';
import { formatUtcDate } from '../lib/dates.ts';

/** Thrown when `MAP_TODAY` is set to something that is not a real `YYYY-MM-DD` date. */
export class InvalidTodayError extends Error {}

/** `MAP_TODAY` when set (checked), otherwise today's UTC date. */
export function resolveToday(env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
	const value = env.MAP_TODAY?.trim();
	if (!value) return formatUtcDate(now);
	if (!isRealIsoDate(value)) {
		throw new InvalidTodayError(
			`MAP_TODAY "${value}" is not a real date written as YYYY-MM-DD.\n    Set it like MAP_TODAY=2026-11-23, or unset it to use today's date.`,
		);
	}
	return value;
}
