/** Turns zod issues into problems a rep can act on: path, quoted value, what is wrong, what to do. */
import type { z } from 'astro/zod';
import { quoteValue, type Problem } from '../problems.ts';
import { findClosestName, listNames } from './closest-name.ts';
import { formatFieldPath, getValueAt } from './field-path.ts';
import type { FieldPath, LocateLine } from './parse-yaml.ts';
import { listKnownFields } from './schema-shape.ts';

type Issue = z.core.$ZodIssue;

/** One problem per zod issue (unknown keys give one per key), in the order zod found them. */
export function describeSchemaIssues(
	file: string,
	schema: z.ZodType,
	data: unknown,
	issues: readonly Issue[],
	locate: LocateLine,
): Problem[] {
	return issues.flatMap((issue) => describeIssue(file, schema, data, flattenUnion(issue), locate));
}

// A union reports every branch's failure; the branch with the fewest issues is the one the rep meant.
function flattenUnion(issue: Issue): Issue {
	if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
	const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0];
	const inner = closest[0];
	return inner ? flattenUnion({ ...inner, path: [...issue.path, ...inner.path] } as Issue) : issue;
}

function describeIssue(file: string, schema: z.ZodType, data: unknown, issue: Issue, locate: LocateLine): Problem[] {
	const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
	const value = getValueAt(data, path);
	const base = { file, path: formatFieldPath(path, data), severity: 'error' as const };

	if (issue.code === 'unrecognized_keys') {
		const known = listKnownFields(schema, path);
		return issue.keys.map((key) => {
			const keyPath = [...path, key];
			const closest = findClosestName(key, known);
			return {
				...base,
				path: formatFieldPath(keyPath, data),
				line: locate(keyPath, { atKey: true }),
				code: 'field-unknown',
				message: closest ? `is not a known field; did you mean "${closest}"?` : 'is not a known field.',
				hint: known.length > 0 ? `Known fields here: ${known.join(', ')}.` : 'Remove it.',
			};
		});
	}

	const line = locate(path);
	if (value === undefined && (issue.code === 'invalid_type' || (issue.code === 'custom' && isMissing(data, path)))) {
		const field = path.at(-1);
		return [
			{
				...base,
				line,
				code: 'field-required',
				message: 'is required.',
				hint: typeof field === 'string' ? `Add "${field}:" here.` : 'Add the missing entry.',
			},
		];
	}

	if (issue.code === 'invalid_value') {
		const allowed = issue.values.map(String);
		const closest = typeof value === 'string' ? findClosestName(value, allowed) : undefined;
		return [
			{
				...base,
				line,
				code: 'value-not-allowed',
				message: `must be one of: ${allowed.join(', ')}. Received: ${quoteValue(value)}.`,
				hint: closest ? `Did you mean "${closest}"?` : `Pick one of the listed values.`,
			},
		];
	}

	const message = describeRule(issue);
	const isDate = /YYYY-MM-DD|calendar date/.test(message);
	return [
		{
			...base,
			line,
			code: isDate ? 'date-invalid' : issue.code === 'invalid_type' ? 'type-wrong' : 'value-invalid',
			message: `${quoteValue(value)} ${message}.`,
			hint: hintFor(issue, isDate, value),
		},
	];
}

function isMissing(data: unknown, path: FieldPath): boolean {
	return getValueAt(data, path) === undefined;
}

// The schema's own messages are written for reps ("must be a hex colour ..."); zod's defaults are not.
function describeRule(issue: Issue): string {
	const own = issue.message.replace(/\.$/, '');
	if (!/^(Invalid|Too (small|big)|Expected|Unrecognized)/.test(own)) return own;
	switch (issue.code) {
		case 'invalid_type':
			return `must be ${describeType(issue.expected)}`;
		case 'too_small':
			if (issue.origin === 'array') return `must have at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
			if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters long`;
			return `must be at least ${issue.minimum}`;
		case 'too_big':
			if (issue.origin === 'array') return `must have at most ${issue.maximum} entries`;
			if (issue.origin === 'string') return `must be at most ${issue.maximum} characters long`;
			return `must be at most ${issue.maximum}`;
		case 'invalid_format':
			return `is not a valid ${issue.format}`;
		default:
			return 'is not valid here';
	}
}

function describeType(expected: string): string {
	switch (expected) {
		case 'int':
			return 'a whole number';
		case 'array':
			return 'a list';
		case 'object':
			return 'a group of fields';
		default:
			return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
	}
}

function hintFor(issue: Issue, isDate: boolean, value: unknown): string {
	if (isDate) return 'Write the date as YYYY-MM-DD, for example 2026-05-17.';
	if (issue.code === 'invalid_type' && issue.expected === 'array') return 'Write it as a list, one "- " entry per line.';
	if (issue.code === 'invalid_type' && issue.expected === 'string' && value === null) {
		// The usual cause: an unquoted colour such as `primary: #0b5fff`, where `#` starts a comment.
		return 'YAML read nothing here. If you wrote a colour like #0b5fff, quote it: "#0b5fff", because an unquoted # starts a comment.';
	}
	if (issue.code === 'invalid_type' && issue.expected === 'string') return 'Put the text in double quotes if YAML reads it as something else.';
	if (issue.code === 'too_small' && issue.origin === 'array') return 'Add at least one entry.';
	if (issue.code === 'too_small' && issue.origin === 'string') return 'Fill it in or remove the field.';
	if (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int')) return 'Write a plain number without quotes.';
	if (issue.code === 'invalid_format' && issue.message.includes('lower-case') && typeof value === 'string') {
		const suggestion = value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
		if (suggestion) return `Try "${suggestion}", and use the same spelling wherever it is referred to.`;
	}
	if (issue.code === 'invalid_format' && issue.format === 'email') return 'Write a full address such as "ann@northwind.example".';
	if (issue.message.includes('hex colour')) return 'Write the colour as # and six hex digits, such as #0b5fff.';
	return 'Change the value so it meets the rule above.';
}
