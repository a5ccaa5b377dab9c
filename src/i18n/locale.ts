/** The languages the buyer microsite speaks; the plan schema is the single source of the list. */
import type { Plan } from '../schema/plan.ts';

/** A language a plan can choose with its `locale` field. */
export type Locale = Plan['locale'];

/** Every locale with a message catalogue, English (the source) first. */
export const SUPPORTED_LOCALES = ['en', 'id'] as const satisfies readonly Locale[];

/** True when `value` names a supported locale. */
export function isSupportedLocale(value: string): value is Locale {
	return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
