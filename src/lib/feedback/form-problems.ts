/** Turns the feedback schema's issues into sentences that start with the field's label, for the relay and the merge. */
import type { z } from 'astro/zod';
import type { FormField } from './form-fields.ts';

/** One problem with a form field: the field's id and a sentence saying what is wrong. */
export interface FormProblem {
	id: string;
	message: string;
}

function quoteShortValue(value: unknown): string {
	return typeof value === 'string' && value.length <= 60 && !value.includes('\n') ? ` ${JSON.stringify(value)}` : '';
}

/**
 * Describes one zod issue on the form `values` (paths relative to the form), naming fields by their
 * labels in the issue template, e.g. `Date "2026-02-30" is not a real calendar date; ...`.
 */
export function describeFormIssue(issue: z.core.$ZodIssue, values: Record<string, unknown>, fields: readonly FormField[]): FormProblem[] {
	const labelOf = (id: PropertyKey) => fields.find((field) => field.id === id)?.label ?? String(id);
	if (issue.code === 'unrecognized_keys') {
		return issue.keys.map((key) => ({ id: key, message: `${labelOf(key)} is not used when kind is "${String(values.kind)}"; leave it empty.` }));
	}
	const id = String(issue.path[0] ?? '');
	return [{ id, message: `${labelOf(id)}${quoteShortValue(values[id])} ${issue.message}.` }];
}
