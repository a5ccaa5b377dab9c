/** Bumps a plan's `keyVersion` in its frontmatter text, changing nothing else in the file. */
import { isMap, isScalar, Pair, parseDocument, Scalar, type YAMLMap } from 'yaml';
import { checkPlanSource } from './check/index.ts';
import { joinFrontmatterText, splitFrontmatterText } from './feedback/merge/frontmatter-text.ts';
import { printKeepingLayout } from './feedback/merge/keep-layout.ts';
import { formatProblem, quoteValue } from './problems.ts';

/** The plan text with the next key version, or why the plan cannot be rotated. */
export type RotateKeyResult = { ok: true; source: string; from: number; to: number } | { ok: false; reason: string };

// A new `keyVersion` goes after the first of these keys the plan has, where the schema lists it.
const INSERT_AFTER = ['path', 'access', 'status'];

/**
 * Returns `source` with `keyVersion` raised by one (written as `keyVersion: 2` when the plan had
 * none, since the schema's default is 1). Comments, key order, quoting and the MDX body stay byte
 * for byte; the result is checked like `npm run check`, and any error means no result.
 */
export function rotatePlanKey(source: string, file: string): RotateKeyResult {
	const parts = splitFrontmatterText(source);
	if (parts === undefined) return { ok: false, reason: `${file} has no "---" frontmatter, so it has no keyVersion to change. Run npm run check and fix it first.` };
	const doc = parseDocument(parts.yaml, { uniqueKeys: true });
	if (doc.errors.length > 0 || !isMap(doc.contents)) {
		return { ok: false, reason: `${file} has frontmatter that is not valid YAML. Run npm run check and fix it first.` };
	}
	// Loosened from the parsed-node type so a new, unparsed pair can be added.
	const map = doc.contents as YAMLMap;
	const pair = map.items.find((item) => isScalar(item.key) && item.key.value === 'keyVersion');
	let from = 1;
	if (pair === undefined) {
		const index = INSERT_AFTER.map((key) => map.items.findIndex((item) => isScalar(item.key) && item.key.value === key)).find((found) => found !== -1);
		const added = new Pair(new Scalar('keyVersion'), new Scalar(2));
		if (index === undefined) map.items.push(added);
		else map.items.splice(index + 1, 0, added);
	} else {
		const value = isScalar(pair.value) ? pair.value.value : (doc.toJS() as Record<string, unknown>).keyVersion;
		if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
			return { ok: false, reason: `${file}: keyVersion ${quoteValue(value)} is not a whole number from 1. Fix it by hand, then rotate again.` };
		}
		from = value;
		// Changing the scalar in place keeps a comment written after it.
		(pair.value as Scalar).value = value + 1;
	}
	const next = joinFrontmatterText(parts, printKeepingLayout(parts.yaml, doc));
	const errors = checkPlanSource(file, next).problems.filter((problem) => problem.severity === 'error');
	if (errors.length > 0) {
		const lines = errors.map((problem) => `  ${formatProblem(problem).replace(/\n/g, '\n  ')}`);
		return { ok: false, reason: `${file} has errors, so its key was not rotated. Fix them (npm run check lists them) and rotate again:\n${lines.join('\n')}` };
	}
	return { ok: true, source: next, from, to: from + 1 };
}
