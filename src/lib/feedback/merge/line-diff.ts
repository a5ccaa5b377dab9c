/** A line-level diff: which lines two texts share, and the runs that differ. */

/** A run of lines in `before` (from `start` up to, not including, `end`) replaced by `lines`. */
export interface Hunk {
	start: number;
	end: number;
	lines: string[];
}

/**
 * Pairs the lines of `before` and `after` that a longest common subsequence keeps; the result maps
 * each index of `before` to its index in `after`, or -1 when the line is not kept.
 */
export function matchLines(before: readonly string[], after: readonly string[]): number[] {
	const matches = new Array<number>(before.length).fill(-1);
	// Shared head and tail are matched first, so the quadratic table only covers the part that changed.
	let head = 0;
	while (head < before.length && head < after.length && before[head] === after[head]) {
		matches[head] = head;
		head++;
	}
	let tail = 0;
	while (
		tail < before.length - head &&
		tail < after.length - head &&
		before[before.length - 1 - tail] === after[after.length - 1 - tail]
	) {
		matches[before.length - 1 - tail] = after.length - 1 - tail;
		tail++;
	}
	const rows = before.length - head - tail;
	const columns = after.length - head - tail;
	const table = new Int32Array((rows + 1) * (columns + 1));
	const at = (row: number, column: number) => row * (columns + 1) + column;
	for (let row = rows - 1; row >= 0; row--) {
		for (let column = columns - 1; column >= 0; column--) {
			table[at(row, column)] =
				before[head + row] === after[head + column]
					? table[at(row + 1, column + 1)]! + 1
					: Math.max(table[at(row + 1, column)]!, table[at(row, column + 1)]!);
		}
	}
	let row = 0;
	let column = 0;
	while (row < rows && column < columns) {
		if (before[head + row] === after[head + column]) {
			matches[head + row] = head + column;
			row++;
			column++;
		} else if (table[at(row + 1, column)]! >= table[at(row, column + 1)]!) {
			row++;
		} else {
			column++;
		}
	}
	return matches;
}

/** The runs of `before` that must change to give `after`, in order. */
export function findHunks(before: readonly string[], after: readonly string[]): Hunk[] {
	const matches = matchLines(before, after);
	const hunks: Hunk[] = [];
	let row = 0;
	let column = 0;
	while (row < before.length || column < after.length) {
		if (row < before.length && matches[row] === column) {
			row++;
			column++;
			continue;
		}
		const start = row;
		while (row < before.length && matches[row] === -1) row++;
		const nextColumn = row < before.length ? matches[row]! : after.length;
		hunks.push({ start, end: row, lines: after.slice(column, nextColumn) });
		column = nextColumn;
	}
	return hunks;
}
