/** Writes an edited YAML document back over its original text, changing only the lines the edit changed. */
import { parseDocument, type Document } from 'yaml';
import { findHunks, matchLines } from './line-diff.ts';

// No folding and `[a, b]` flow lists: the closest the printer gets to how plans are written by hand.
const PRINT_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * The text of `edited`, laid out like `original` wherever the edit did not reach: the printer's
 * output before and after the edit is diffed, and only those changed lines are spliced into the
 * original, so comments, quoting and hand-folded text elsewhere stay byte for byte. When the
 * splice cannot be placed safely, the whole document is printed instead (same data, new layout).
 */
export function printKeepingLayout(original: string, edited: Document): string {
	const text = original.endsWith('\n') ? original : `${original}\n`;
	const printed = edited.toString(PRINT_OPTIONS);
	const baseline = parseDocument(text).toString(PRINT_OPTIONS).split('\n');
	const originalLines = text.split('\n');
	const anchors = matchLines(baseline, originalLines);
	const lines = [...originalLines];
	const hunks = findHunks(baseline, printed.split('\n'));
	// Back to front, so earlier positions in `lines` stay valid.
	for (const hunk of hunks.reverse()) {
		const position = placeHunk(anchors, hunk.start, hunk.end, originalLines.length);
		if (position === undefined) return printed;
		lines.splice(position.at, position.remove, ...hunk.lines);
	}
	const result = lines.join('\n');
	const check = parseDocument(result);
	const isSameData = check.errors.length === 0 && JSON.stringify(check.toJS()) === JSON.stringify(edited.toJS());
	return isSameData ? result : printed;
}

function placeHunk(
	anchors: readonly number[],
	start: number,
	end: number,
	originalLength: number,
): { at: number; remove: number } | undefined {
	if (start < end) {
		for (let index = start; index < end; index++) {
			const anchor = anchors[index]!;
			if (anchor === -1 || (index > start && anchor !== anchors[index - 1]! + 1)) return undefined;
		}
		return { at: anchors[start]!, remove: end - start };
	}
	const previous = start > 0 ? anchors[start - 1]! : -1;
	const next = start < anchors.length ? anchors[start]! : originalLength;
	if (start === 0) return { at: 0, remove: 0 };
	if (previous !== -1 && (next === -1 || next === previous + 1)) return { at: previous + 1, remove: 0 };
	if (next !== -1) return { at: next, remove: 0 };
	return undefined;
}
