/** The benchmark's command-line options, checked before anything runs. */

/** Deal counts of a full run: the two sizes issue #7 asks figures for. */
export const DEFAULT_DEAL_COUNTS = [50, 200] as const;
/** The CI smoke test's size. */
export const QUICK_DEAL_COUNTS = [3] as const;

/** Parses `--deals 50,200`; throws a message naming the bad value. */
export function parseDealCounts(text: string): number[] {
	const counts = text.split(',').map((part) => part.trim());
	const bad = counts.filter((part) => !/^[1-9]\d{0,4}$/.test(part));
	if (bad.length > 0 || counts.length === 0) {
		throw new Error(`--deals "${text}" must be whole numbers from 1 to 99999 separated by commas, like --deals 50,200. Received: ${bad.map((part) => `"${part}"`).join(', ')}`);
	}
	return counts.map(Number);
}

/** Parses `--seed`: a whole number from 0 to 2^32 - 1. */
export function parseSeed(text: string): number {
	const value = Number(text);
	if (!/^\d+$/.test(text) || value > 0xffffffff) throw new Error(`--seed "${text}" must be a whole number from 0 to 4294967295.`);
	return value;
}

/** Parses `--runs`: how many times each size is measured, from 1 to 9; the report prints medians. */
export function parseRuns(text: string): number {
	if (!/^[1-9]$/.test(text)) throw new Error(`--runs "${text}" must be a whole number from 1 to 9, like --runs 3.`);
	return Number(text);
}
