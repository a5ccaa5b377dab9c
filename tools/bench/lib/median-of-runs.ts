/**
 * Folds several runs of the same measurement into one: the median of every figure, and how far
 * the runs spread around it. One run on a shared 2-core machine can be a third slower than the
 * next, so a ratio is only worth deciding on when it is the middle of several.
 */
import { median } from './format.ts';

/** The lowest and highest value one figure took over the runs. */
export interface Spread {
	min: number;
	max: number;
}

/** The runs folded into one: medians in the same shape as a run, spreads by dotted path. */
export interface RunsSummary<T> {
	/** Every number the median of that number over the runs that have it; anything else from the first run that has it. */
	median: T;
	/** The spread of every number that more than one run measured, keyed like `builds.cold.wallMs`. */
	spread: Record<string, Spread>;
	runs: number;
}

type Plain = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Takes the median of every number found at the same place in each run; see the module comment. */
export function summarizeRuns<T>(runs: readonly T[]): RunsSummary<T> {
	if (runs.length === 0) throw new Error('summarizeRuns needs at least one run.');
	const spread: Record<string, Spread> = {};
	const fold = (values: readonly unknown[], path: string): unknown => {
		const present = values.filter((value) => value !== undefined);
		if (present.length === 0) return undefined;
		if (present.every((value) => typeof value === 'number')) {
			const numbers = present as number[];
			if (numbers.length > 1) spread[path] = { min: Math.min(...numbers), max: Math.max(...numbers) };
			return median(numbers);
		}
		if (present.every(isPlainObject)) {
			const keys = [...new Set(present.flatMap((value) => Object.keys(value)))];
			const folded: Plain = {};
			for (const key of keys) {
				const value = fold(present.map((object) => object[key]), path ? `${path}.${key}` : key);
				if (value !== undefined) folded[key] = value;
			}
			return folded;
		}
		// Text and lists (an error message, notes) are not averaged: the first run's stands.
		return present[0];
	};
	return { median: fold(runs, '') as T, spread, runs: runs.length };
}

/** The spread of one figure as a share of its median, e.g. 0.04 for runs within ±4 %; undefined without a spread. */
export function getRelativeSpread(spread: Spread | undefined, middle: number | undefined): number | undefined {
	if (!spread || middle === undefined || !(middle > 0)) return undefined;
	return (spread.max - spread.min) / 2 / middle;
}
