/** Field paths as reps read them: `actions[4] (legal-review).dependsOn[0]`. */
import type { FieldPath } from './parse-yaml.ts';

// Lists whose entries carry an `id`; a path into one names the entry by it, not only by position.
const LISTS_WITH_IDS = new Set(['actions', 'milestones', 'stakeholders', 'risks']);

/**
 * Writes a path with dots between names and brackets around indexes. With `data` (the
 * frontmatter as parsed), an entry of a list with ids is named by its id as well, so a rep can
 * find `actions[4] (legal-review)` without counting entries.
 */
export function formatFieldPath(path: FieldPath, data?: unknown): string {
	return path.reduce<string>((text, part, depth) => {
		if (typeof part !== 'number') return text ? `${text}.${part}` : part;
		// Not for the id itself: the message quotes it already.
		const isNamed = depth === 1 && data !== undefined && LISTS_WITH_IDS.has(String(path[0])) && path[2] !== 'id';
		const id = isNamed ? getValueAt(data, [path[0]!, part, 'id']) : undefined;
		return typeof id === 'string' && id !== '' ? `${text}[${part}] (${id})` : `${text}[${part}]`;
	}, '');
}

/** The value found at `path` inside `data`, or `undefined`. */
export function getValueAt(data: unknown, path: FieldPath): unknown {
	let value = data;
	for (const part of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string | number, unknown>)[part];
	}
	return value;
}
