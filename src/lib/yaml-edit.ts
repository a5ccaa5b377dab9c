/**
 * Small edits of a plan's YAML document that keep it as a person would have written it; shared
 * by the feedback merge and the plan commands.
 */
import { isMap, isScalar, isSeq, Pair, Scalar, YAMLSeq, type Document, type YAMLMap } from 'yaml';

/**
 * Text as a double-quoted scalar, so nothing typed by a person can be read as YAML syntax, a
 * tag, an anchor, a boolean or a number, by this parser or a YAML 1.1 one.
 */
export function quoted(text: string): Scalar {
	const scalar = new Scalar(text);
	scalar.type = Scalar.QUOTE_DOUBLE;
	return scalar;
}

/** Appends `value` to the list at `path`, making the list when it is missing. */
export function appendTo(doc: Document, path: (string | number)[], value: unknown): void {
	// `addIn` would set a missing list to the bare value, so the list is made here.
	const existing = doc.getIn(path, true);
	if (isSeq(existing)) {
		existing.add(value);
		return;
	}
	const list = new YAMLSeq();
	list.add(value);
	doc.setIn(path, list);
}

/** Sets `key`; a new key goes right after `after` when that key exists, where a person would write it. */
export function setAfter(map: YAMLMap, key: string, value: unknown, after?: string): void {
	if (map.has(key) || after === undefined) {
		map.set(key, value);
		return;
	}
	const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === after);
	if (index === -1) map.set(key, value);
	else map.items.splice(index + 1, 0, new Pair(new Scalar(key), value instanceof Scalar ? value : new Scalar(value)));
}

/** Sets the value of an existing scalar in place, which keeps a comment written after it; else sets it. */
export function setScalar(map: YAMLMap, key: string, value: string | number): void {
	const node = map.get(key, true);
	if (isScalar(node)) node.value = value;
	else map.set(key, value);
}

/** The entry of the list `list` whose `id` is `id`, with its position. */
export function findEntryById(doc: Document, list: string, id: string): { entry: YAMLMap; index: number } | undefined {
	const items = doc.get(list);
	if (!isSeq(items)) return undefined;
	const index = items.items.findIndex((item) => isMap(item) && item.get('id') === id);
	return index === -1 ? undefined : { entry: items.items[index] as YAMLMap, index };
}

/** A `[a, b]` list, the way plans write short lists of ids. */
export function flowList(items: readonly string[]): YAMLSeq {
	const list = new YAMLSeq();
	list.flow = true;
	for (const item of items) list.add(item);
	return list;
}
