/** Field paths as reps read them: `actions[4].dependsOn[0]`. */
import type { FieldPath } from './parse-yaml.ts';

/** Writes a path with dots between names and brackets around indexes. */
export function formatFieldPath(path: FieldPath): string {
	return path.reduce<string>((text, part) => {
		if (typeof part === 'number') return `${text}[${part}]`;
		return text ? `${text}.${part}` : part;
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
