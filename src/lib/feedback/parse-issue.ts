import { parseIssue } from '@github/issue-parser';
import { FeedbackFormSchema, type FeedbackForm } from '../../schema/feedback-form.ts';
import { normaliseLineEndings, stripInvisibleCharacters, unescapeHashes } from './clean-text.ts';
import { readFormFields, type FormField } from './form-fields.ts';
import { describeFormIssue } from './form-problems.ts';

/** Issue bodies above this many bytes are refused before any parsing. */
export const FEEDBACK_BODY_LIMIT = 64 * 1024;

/** The outcome of reading a feedback issue: the form, or what is wrong with the issue. */
export type FeedbackParseResult = { ok: true; form: FeedbackForm } | { ok: false; problems: string[] };

const MARKER = '###';

/** Where each `### ` line is and what it says, as `@github/issue-parser` will read it. */
interface Heading {
	line: number;
	key: string;
}

// The parser splits on `###` anywhere and lets a later `### Label` override the real field,
// so the body's structure is checked line by line before the parser ever sees it.
function findStructureProblems(body: string, fields: FormField[]): string[] {
	const labels = new Set(fields.map((field) => field.label));
	const headings: Heading[] = [];
	const strayMarkers: number[] = [];
	let hasTextBeforeFirstHeading = false;
	body.split('\n').forEach((text, index) => {
		if (text.startsWith(MARKER)) {
			// Same key as the parser: spaces after `###` dropped, trailing whitespace trimmed.
			headings.push({ line: index + 1, key: text.slice(MARKER.length).replace(/^ +/, '').trimEnd() });
		} else if (text.includes(MARKER)) {
			strayMarkers.push(index + 1);
		} else if (headings.length === 0 && text.trim() !== '') {
			hasTextBeforeFirstHeading = true;
		}
	});

	if (!headings.some((heading) => labels.has(heading.key))) {
		const expected = fields.map((field) => `"### ${field.label}"`).join(', ');
		return [
			`This issue was not written with the plan-feedback form: it has none of the headings ${expected}. Send feedback through the link on the plan's site.`,
		];
	}

	const problems: string[] = [];
	if (hasTextBeforeFirstHeading) {
		problems.push('There is text before the first "### " heading; only the form\'s fields may appear in the issue.');
	}
	const seen = new Set<string>();
	for (const { line, key } of headings) {
		const heading = JSON.stringify(`### ${key}`);
		if (!labels.has(key)) {
			const names = fields.map((field) => field.label).join(', ');
			problems.push(`Line ${line}: ${heading} is not a field of the plan-feedback form; its fields are ${names}.`);
		} else if (seen.has(key)) {
			problems.push(
				`Line ${line}: ${heading} appears a second time; each field may appear once, and a "### " line inside a value would replace the real field.`,
			);
		}
		seen.add(key);
	}
	for (const line of strayMarkers) {
		problems.push(`Line ${line} contains "###", which would be read as the start of another field; remove it.`);
	}
	return problems;
}

function measureBytes(text: string): number {
	// Any string longer than the limit in UTF-16 units is at least as long in UTF-8 bytes.
	return text.length > FEEDBACK_BODY_LIMIT ? text.length : new TextEncoder().encode(text).length;
}

/**
 * Reads a plan-feedback issue (from GitHub's form or the relay) into a checked form, or lists in plain
 * words why it cannot be used. `template` is the YAML text of `.github/ISSUE_TEMPLATE/plan-feedback.yml`.
 */
export function parseFeedbackIssue(body: string, template: string): FeedbackParseResult {
	const fields = readFormFields(template);
	const bytes = measureBytes(body);
	if (bytes > FEEDBACK_BODY_LIMIT) {
		return {
			ok: false,
			problems: [`The issue body is ${Math.ceil(bytes / 1024)} KB; feedback issues are limited to 64 KB.`],
		};
	}

	const clean = stripInvisibleCharacters(normaliseLineEndings(body));
	const structureProblems = findStructureProblems(clean, fields);
	if (structureProblems.length > 0) return { ok: false, problems: structureProblems };

	// The parser only sees a heading followed by a newline, so the last field needs one too.
	const parsed = parseIssue(`${clean}\n`, template);
	const values: Record<string, string> = {};
	for (const { id } of fields) {
		const value = parsed[id];
		if (typeof value === 'string' && value !== '') values[id] = unescapeHashes(value);
	}

	const result = FeedbackFormSchema.safeParse(values);
	if (result.success) return { ok: true, form: result.data };
	return { ok: false, problems: result.error.issues.flatMap((issue) => describeFormIssue(issue, values, fields).map((problem) => problem.message)) };
}
