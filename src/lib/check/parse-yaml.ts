/** Parses frontmatter YAML while keeping enough position data to name a line for any field. */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/** A path into the frontmatter, e.g. `['actions', 4, 'owner']`. */
export type FieldPath = readonly (string | number)[];

/** Finds the file line of a field, or of its nearest written parent when the field is missing. */
export type LocateLine = (path: FieldPath, options?: { atKey?: boolean }) => number | undefined;

/** Parsed frontmatter data and a way to find lines in it. */
export interface ParsedYaml {
	data: unknown;
	locate: LocateLine;
}

/** A YAML syntax error, with the file line and the parser's reason. */
export interface YamlFailure {
	reason: string;
	line?: number;
}

/** Parses `yaml`; `lineOffset` is the number of file lines before it. */
export function parseYaml(yaml: string, lineOffset: number): ParsedYaml | YamlFailure {
	const lineCounter = new LineCounter();
	const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
	if (doc.errors.length > 0) {
		const error = doc.errors[0];
		const line = lineCounter.linePos(error.pos[0]).line + lineOffset;
		return { reason: describeYamlError(error.message), line };
	}
	const lineAt = (offset: number): number => lineCounter.linePos(offset).line + lineOffset;
	return { data: doc.toJS(), locate: (path, options) => locateInDocument(doc, path, lineAt, options?.atKey ?? false) };
}

/** Whether {@link parseYaml} failed. */
export function isYamlFailure(result: ParsedYaml | YamlFailure): result is YamlFailure {
	return 'reason' in result;
}

// The parser's messages carry a code frame and "at line" noise that the problem line already gives.
function describeYamlError(message: string): string {
	const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
	return first.endsWith('.') ? first : `${first}.`;
}

function locateInDocument(
	doc: Document,
	path: FieldPath,
	lineAt: (offset: number) => number,
	atKey: boolean,
): number | undefined {
	for (let depth = path.length; depth >= 0; depth--) {
		const prefix = path.slice(0, depth);
		if (atKey && depth === path.length && depth > 0) {
			const parent = depth === 1 ? doc.contents : doc.getIn(prefix.slice(0, -1), true);
			if (isMap(parent)) {
				const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === prefix[depth - 1]);
				const range = isScalar(pair?.key) ? pair.key.range : undefined;
				if (range) return lineAt(range[0]);
			}
			continue;
		}
		const node = depth === 0 ? doc.contents : doc.getIn(prefix, true);
		const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
		if (range) return lineAt(range[0]);
	}
	return undefined;
}
