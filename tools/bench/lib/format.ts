/** Number formatting and ratio maths for the benchmark report; figures are printed, never judged. */

/** `a / b`, or undefined when either is missing or `b` is not positive. */
export function computeRatio(a: number | undefined, b: number | undefined): number | undefined {
	if (a === undefined || b === undefined || !(b > 0) || !Number.isFinite(a)) return undefined;
	return a / b;
}

/** The median of a non-empty list; undefined for an empty one. */
export function median(values: readonly number[]): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `2.41x`, or `n/a`. */
export function formatRatio(ratio: number | undefined): string {
	return ratio === undefined ? 'n/a' : `${ratio.toFixed(2)}x`;
}

/** Milliseconds as `12.3 s` from 10 s up, `845 ms` below, `n/a` when missing. */
export function formatDuration(ms: number | undefined): string {
	if (ms === undefined) return 'n/a';
	if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
	if (ms >= 10) return `${Math.round(ms)} ms`;
	return `${ms.toFixed(1)} ms`;
}

/** Bytes as `1.2 MB`, `34.5 kB` or `512 B` (decimal units, as transfer sizes are quoted). */
export function formatBytes(bytes: number | undefined): string {
	if (bytes === undefined) return 'n/a';
	if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
	if (bytes >= 1000) return `${(bytes / 1000).toFixed(1)} kB`;
	return `${Math.round(bytes)} B`;
}

/** Aligns rows under a header: text columns to the left, the rest to the right. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
	const line = (cells: readonly string[]): string =>
		cells
			.map((cell, column) => (column < leftColumns ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
			.join('  ')
			.trimEnd();
	return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
