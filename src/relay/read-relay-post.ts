/** Checks a relay post's JSON against RelayPostSchema and words every problem for the buyer. */

import type { z } from 'astro/zod';
import { RelayPostSchema, type CheckedRelayPost, type RelayProblem } from '../schema/feedback-relay.ts';
import type { FormField } from '../lib/feedback/form-fields.ts';
import { describeFormIssue } from '../lib/feedback/form-problems.ts';

/** The post, or why it cannot be used: a token that is not one (refused like a wrong token), or problems to fix. */
export type RelayPostReading =
	| { ok: true; post: CheckedRelayPost }
	| { ok: false; isBadToken: true }
	| { ok: false; isBadToken: false; problems: RelayProblem[] };

const POST_KEYS = Object.keys(RelayPostSchema.shape).join(', ');

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describePostIssue(issue: z.core.$ZodIssue, data: Record<string, unknown>, fields: readonly FormField[]): RelayProblem[] {
	const [first, ...rest] = issue.path;
	if (first === undefined && issue.code === 'unrecognized_keys') {
		return issue.keys.map((key) => ({ field: key, message: `${key} is not used; send only ${POST_KEYS}.` }));
	}
	if (first === 'form' && rest.length === 0 && issue.code !== 'unrecognized_keys') {
		return [{ field: 'form', message: data.form === undefined ? 'form is required.' : 'form must be an object of the feedback fields.' }];
	}
	if (first === 'form') {
		const values = isPlainObject(data.form) ? data.form : {};
		return describeFormIssue({ ...issue, path: rest }, values, fields).map(({ id, message }) => ({ field: `form.${id}`, message }));
	}
	return [{ field: String(first ?? ''), message: `${String(first ?? 'The post')} ${issue.message}.` }];
}

/** Reads a parsed JSON body; `fields` are the issue template's, whose labels name the fields in problems. */
export function readRelayPost(data: unknown, fields: readonly FormField[]): RelayPostReading {
	if (!isPlainObject(data)) {
		return { ok: false, isBadToken: false, problems: [{ field: '', message: `The body must be a JSON object with ${POST_KEYS}.` }] };
	}
	const result = RelayPostSchema.safeParse(data);
	if (result.success) return { ok: true, post: result.data };
	// A missing or malformed token gets the same answer as a forged one: open the plan again.
	if (result.error.issues.some((issue) => issue.path[0] === 'token')) return { ok: false, isBadToken: true };
	return { ok: false, isBadToken: false, problems: result.error.issues.flatMap((issue) => describePostIssue(issue, data, fields)) };
}
