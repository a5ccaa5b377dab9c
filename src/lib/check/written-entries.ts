/**
 * The plan's lists as written, before the schema. Checks of ids and references read these, so
 * an action with a bad date still has its owner and dependencies checked, and its id still
 * counts as known to the actions that depend on it.
 */
import { IdSchema } from '../../schema/plan.ts';
import { getValueAt } from './field-path.ts';

/** One entry of a list as written, with its position in the file. */
export interface WrittenEntry {
	index: number;
	fields: Record<string, unknown>;
}

/** The entries of `data[list]` that are groups of fields. */
export function listWrittenEntries(data: unknown, list: string): WrittenEntry[] {
	const value = getValueAt(data, [list]);
	if (!Array.isArray(value)) return [];
	return value.flatMap((fields: unknown, index) =>
		fields !== null && typeof fields === 'object' && !Array.isArray(fields) ? [{ index, fields: fields as Record<string, unknown> }] : [],
	);
}

/** The value of `key` when it is a well-formed id; a malformed one is the schema's to report. */
export function readId(entry: WrittenEntry, key: string): string | undefined {
	const value = entry.fields[key];
	return isId(value) ? value : undefined;
}

/** The well-formed ids in the list at `key`, with their positions in it. */
export function readIdList(entry: WrittenEntry, key: string): { position: number; id: string }[] {
	const value = entry.fields[key];
	if (!Array.isArray(value)) return [];
	return value.flatMap((id: unknown, position) => (isId(id) ? [{ position, id }] : []));
}

/**
 * Every id of the entries of `list`, in file order (duplicates kept). A malformed id counts in
 * the form the schema's message suggests ("Ann" as "ann"), so references already written that
 * way are not reported a second time.
 */
export function listWrittenIds(data: unknown, list: string): string[] {
	return listWrittenEntries(data, list).flatMap((entry) => {
		const id = entry.fields.id;
		if (typeof id !== 'string') return [];
		return IdSchema.safeParse(id).success ? [id] : [id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')].filter(Boolean);
	});
}

function isId(value: unknown): value is string {
	return typeof value === 'string' && IdSchema.safeParse(value).success;
}
