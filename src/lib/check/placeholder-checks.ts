/** Finds template placeholders (`[[…]]`, see src/lib/placeholders.ts) a rep has not replaced yet. */
import { findPlaceholderTexts } from '../placeholders.ts';
import type { Problem } from '../problems.ts';
import { formatFieldPath, getValueAt } from './field-path.ts';
import { isYamlFailure, parseYaml, type FieldPath } from './parse-yaml.ts';
import { isFrontmatterFailure, splitFrontmatter } from './split-frontmatter.ts';

/** The code of a placeholder problem; the build treats it as blocking, `npm run check` as a warning. */
export const PLACEHOLDER_CODE = 'placeholder';

const HINT = 'Replace the text in [[…]] with the real content; `npm run build` refuses to publish a plan that still has placeholders.';
/** The hint for a stand-in person: rename the id too, so owners and attendees read as people. */
function describePersonHint(id: unknown): string {
	const current = typeof id === 'string' ? `"${id}"` : 'the id';
	return `Write the real person's name, and rename ${current} to match it (Priya Shah is "priya-shah") wherever it is used: owner, attendees.`;
}

/**
 * One warning per placeholder left in a plan file, naming the line, the field (or `body` for the
 * page text) and the placeholder. Reads the YAML only when the file holds a placeholder at all,
 * so checking a finished plan costs one string search.
 */
export function findPlaceholders(file: string, source: string): Problem[] {
	if (!source.includes('[[') || findPlaceholderTexts(source).length === 0) return [];
	const frontmatter = splitFrontmatter(source);
	if (isFrontmatterFailure(frontmatter)) return scanLines(file, source, 1, '');
	const parsed = parseYaml(frontmatter.yaml, frontmatter.lineOffset);
	const fields = isYamlFailure(parsed)
		? scanLines(file, frontmatter.yaml, frontmatter.lineOffset + 1, '')
		: collectStrings(parsed.data, []).flatMap(({ path, text }) =>
				findPlaceholderTexts(text).map((placeholder) =>
					createPlaceholderProblem(file, path, parsed.locate(path), placeholder, getValueAt(parsed.data, [...path.slice(0, -1), 'id'])),
				),
			);
	return [...fields, ...scanLines(file, frontmatter.body, frontmatter.bodyLine, 'body')];
}

function createPlaceholderProblem(file: string, path: FieldPath | string, line: number | undefined, placeholder: string, siblingId?: unknown): Problem {
	const fieldPath = typeof path === 'string' ? path : formatFieldPath(path);
	const isPersonName = /^stakeholders\[\d+\]\.name$/.test(fieldPath);
	return {
		file,
		path: fieldPath,
		...(line === undefined ? {} : { line }),
		severity: 'warning',
		code: PLACEHOLDER_CODE,
		message: `still holds the placeholder ${JSON.stringify(placeholder)}.`,
		hint: isPersonName ? describePersonHint(siblingId) : HINT,
	};
}

function scanLines(file: string, text: string, firstLine: number, path: string): Problem[] {
	return text
		.split(/\r?\n/)
		.flatMap((line, index) => findPlaceholderTexts(line).map((placeholder) => createPlaceholderProblem(file, path, firstLine + index, placeholder)));
}

function collectStrings(value: unknown, path: (string | number)[]): { path: FieldPath; text: string }[] {
	if (typeof value === 'string') return [{ path, text: value }];
	if (Array.isArray(value)) return value.flatMap((item, index) => collectStrings(item, [...path, index]));
	if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
		return Object.entries(value).flatMap(([key, item]) => collectStrings(item, [...path, key]));
	}
	return [];
}
