/** Checks of what a rep typed, each failure saying what to type instead. */
import { isRealIsoDate } from '../../schema/date.ts';
import { findClosestName, listNames } from '../check/closest-name.ts';

/** A problem with `--name value` (or an argument), or nothing when the date is real. */
export function checkDate(label: string, value: string): string | undefined {
	if (isRealIsoDate(value)) return undefined;
	return `${label} "${value}" is not a real date written as YYYY-MM-DD. Type it like 2026-11-20.`;
}

/**
 * A problem when `id` is not one of `known`, suggesting the closest and listing the others;
 * `what` names the kind ("action", "person"), `retype` gives the command with a suggestion in place.
 */
export function checkKnownId(what: string, id: string, known: readonly string[], retype?: (suggestion: string) => string): string | undefined {
	if (known.includes(id)) return undefined;
	const closest = suggestId(id, known);
	const list = known.length > 0 ? `Known ${what} ids: ${listNames(known)}.` : `The plan has no ${what} yet.`;
	if (closest === undefined) return `No ${what} "${id}" in the plan. ${list}`;
	const command = retype ? ` Type: ${retype(closest)}` : '';
	return `No ${what} "${id}" in the plan; did you mean "${closest}"?${command}\n    ${list}`;
}

/** A problem when a required option is missing. */
export function requireOption(value: string | undefined, option: string, example: string): string | undefined {
	if (value !== undefined && value.trim() !== '') return undefined;
	return `${option} is missing. Add it, like: ${example}`;
}

/**
 * The known id a rep most likely meant: the closest spelling, else the first that starts with
 * what was typed ("northwind" for "northwind-data-platform"), else the first that contains it.
 */
export function suggestId(typed: string, known: readonly string[]): string | undefined {
	const lower = typed.toLowerCase();
	return findClosestName(typed, known) ?? known.find((id) => id.startsWith(lower)) ?? (lower.length >= 3 ? known.find((id) => id.includes(lower)) : undefined);
}
