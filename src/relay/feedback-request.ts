/** Checks a relay post's JSON: the envelope ({deal, token, form, captcha?}) and the feedback form inside it. */

import type { z } from 'astro/zod';
import { FeedbackFormSchema, type FeedbackForm } from '../schema/feedback-form.ts';
import type { FormField } from '../lib/feedback/form-fields.ts';

/** One thing wrong with a post: the field it concerns (`form.kind`, `token`...) and a sentence saying what. */
export interface RequestProblem {
	field: string;
	message: string;
}

/** The envelope of a post, before the deal and token are checked. */
export interface FeedbackEnvelope {
	deal: string;
	token: string;
	form: Record<string, unknown>;
	captcha?: string;
}

/** The fields a buyer fills in; `deal` is not one of them because the relay takes it from the checked envelope. */
const FORM_KEYS = ['kind', 'action', 'date', 'message', 'from'];
const ENVELOPE_KEYS = ['deal', 'token', 'form', 'captcha'];

// Long identifiers are never valid, so capping them keeps the token check and the error text small.
const ENVELOPE_TEXT_LIMIT = 200;

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkText(value: unknown, field: string, isRequired: boolean): RequestProblem[] {
	if (value === undefined) return isRequired ? [{ field, message: `${field} is required.` }] : [];
	if (typeof value !== 'string' || value === '') return [{ field, message: `${field} must be a non-empty string.` }];
	if (value.length > ENVELOPE_TEXT_LIMIT) {
		return [{ field, message: `${field} is ${value.length} characters long; the limit is ${ENVELOPE_TEXT_LIMIT}.` }];
	}
	return [];
}

/** Reads the envelope of a parsed JSON post, or lists every problem with it, including unknown form fields. */
export function readFeedbackEnvelope(data: unknown): { ok: true; envelope: FeedbackEnvelope } | { ok: false; problems: RequestProblem[] } {
	if (!isPlainObject(data)) {
		return { ok: false, problems: [{ field: '', message: 'The body must be a JSON object like {"deal", "token", "form"}.' }] };
	}
	const problems: RequestProblem[] = [
		...Object.keys(data)
			.filter((key) => !ENVELOPE_KEYS.includes(key))
			.map((key) => ({ field: key, message: `${key} is not used; send only ${ENVELOPE_KEYS.join(', ')}.` })),
		...checkText(data.deal, 'deal', true),
		...checkText(data.token, 'token', true),
		...checkText(data.captcha, 'captcha', false),
	];
	if (data.form === undefined) {
		problems.push({ field: 'form', message: 'form is required.' });
	} else if (!isPlainObject(data.form)) {
		problems.push({ field: 'form', message: 'form must be an object of the feedback fields.' });
	} else {
		for (const key of Object.keys(data.form).filter((key) => !FORM_KEYS.includes(key))) {
			problems.push({ field: `form.${key}`, message: `form.${key} is not a field of the feedback form; its fields are ${FORM_KEYS.join(', ')}.` });
		}
	}
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, envelope: data as unknown as FeedbackEnvelope };
}

function quoteShortValue(value: unknown): string {
	return typeof value === 'string' && value.length <= 60 && !value.includes('\n') ? ` ${JSON.stringify(value)}` : '';
}

function describeIssue(issue: z.core.$ZodIssue, values: Record<string, unknown>, fields: FormField[]): RequestProblem[] {
	const labelOf = (id: PropertyKey) => fields.find((field) => field.id === id)?.label ?? String(id);
	if (issue.code === 'unrecognized_keys') {
		return issue.keys.map((key) => ({
			field: `form.${key}`,
			message: `${labelOf(key)} is not used when kind is "${String(values.kind)}"; leave it out.`,
		}));
	}
	const id = String(issue.path[0] ?? '');
	return [{ field: `form.${id}`, message: `${labelOf(id)}${quoteShortValue(values[id])} ${issue.message}.` }];
}

/** Checks the buyer's fields with FeedbackFormSchema for the deal `slug`; every problem is listed, in plain words. */
export function checkFeedbackForm(
	form: Record<string, unknown>,
	slug: string,
	fields: FormField[],
): { ok: true; form: FeedbackForm } | { ok: false; problems: RequestProblem[] } {
	const values: Record<string, unknown> = { deal: slug };
	for (const key of FORM_KEYS) {
		// An empty field means "not given", as it does in the GitHub form.
		if (form[key] !== undefined && form[key] !== '') values[key] = form[key];
	}
	const result = FeedbackFormSchema.safeParse(values);
	if (result.success) return { ok: true, form: result.data };
	return { ok: false, problems: result.error.issues.flatMap((issue) => describeIssue(issue, values, fields)) };
}
