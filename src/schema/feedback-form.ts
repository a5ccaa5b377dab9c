import { z } from 'astro/zod';
import { IsoDateSchema } from './date.ts';
import { IdSchema } from './plan.ts';

/** The longest text a feedback field may hold, so one issue cannot bloat a plan. */
export const FEEDBACK_TEXT_LIMIT = 4000;

/** The kinds of feedback a buyer can send, in the order the form lists them. */
export const FEEDBACK_KINDS = ['done', 'new-date', 'comment', 'new-action', 'new-risk'] as const;

// Messages end a sentence that starts with the field's label, e.g. `Action is required when kind is "done"`.
const ALWAYS = 'is required';

function requiredWhen(kind: string): string {
	return `is required when kind is "${kind}"`;
}

function missing(message: string): (issue: { input: unknown }) => string | undefined {
	return (issue) => (issue.input === undefined ? message : undefined);
}

function textSchema(required: string) {
	return z
		.string({ error: missing(required) })
		.trim()
		.min(1, { error: required })
		.max(FEEDBACK_TEXT_LIMIT, {
			error: (issue) => `is ${String(issue.input).length} characters long; the limit is ${FEEDBACK_TEXT_LIMIT}`,
		});
}

function idSchema(required: string) {
	return z.string({ error: missing(required) }).pipe(IdSchema);
}

// IsoDateSchema also accepts Date objects from YAML; a form value is always text, so its checks are reused on a string.
function dateSchema(required: string) {
	return z.string({ error: missing(required) }).superRefine((value, context) => {
		for (const issue of IsoDateSchema.safeParse(value).error?.issues ?? []) {
			context.addIssue({ code: 'custom', message: issue.message });
		}
	});
}

/** The person's name as they gave it: one line, so it cannot carry a hidden second field. */
function fromSchema() {
	return textSchema(ALWAYS).regex(/^[^\n]*$/, { error: 'must be on one line' });
}

/** An action marked done; `date` is the day it was done when not the day of the issue. */
const DONE_FIELDS = {
	kind: z.literal('done'),
	action: idSchema(requiredWhen('done')),
	date: dateSchema(requiredWhen('done')).optional(),
	message: textSchema(requiredWhen('done')).optional(),
	from: fromSchema(),
};

/** A new due date proposed for an action; `message` is the reason. */
const NEW_DATE_FIELDS = {
	kind: z.literal('new-date'),
	action: idSchema(requiredWhen('new-date')),
	date: dateSchema(requiredWhen('new-date')),
	message: textSchema(requiredWhen('new-date')).optional(),
	from: fromSchema(),
};

/** A comment on one action, or on the plan as a whole when `action` is absent. */
const COMMENT_FIELDS = {
	kind: z.literal('comment'),
	action: idSchema(requiredWhen('comment')).optional(),
	message: textSchema(requiredWhen('comment')),
	from: fromSchema(),
};

/** A suggested action, with the date the buyer would like it done by, if any. */
const NEW_ACTION_FIELDS = {
	kind: z.literal('new-action'),
	date: dateSchema(requiredWhen('new-action')).optional(),
	message: textSchema(requiredWhen('new-action')),
	from: fromSchema(),
};

/** A risk the buyer sees, with a date it matters by, if any. */
const NEW_RISK_FIELDS = {
	kind: z.literal('new-risk'),
	date: dateSchema(requiredWhen('new-risk')).optional(),
	message: textSchema(requiredWhen('new-risk')),
	from: fromSchema(),
};

const KIND_ERROR = {
	error: (issue: { input: unknown }) => {
		const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
		return kind === undefined ? 'is required' : `must be one of ${FEEDBACK_KINDS.join(', ')}`;
	},
};

// Listed first, as in the issue form, so problems come out in the form's order.
/** The deal a form is about: its plan slug, written by the GitHub form or by the relay from the checked token. */
const DEAL_FIELD = { deal: idSchema(ALWAYS) };

/**
 * What the buyer fills in, without the deal: the `form` of a relay post (src/schema/feedback-relay.ts),
 * where the deal comes from the signed token instead.
 */
export const FeedbackFieldsSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject(DONE_FIELDS),
		z.strictObject(NEW_DATE_FIELDS),
		z.strictObject(COMMENT_FIELDS),
		z.strictObject(NEW_ACTION_FIELDS),
		z.strictObject(NEW_RISK_FIELDS),
	],
	KIND_ERROR,
);

/** One submitted plan-feedback form, parsed and checked; which fields apply depends on `kind`. */
export const FeedbackFormSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({ ...DEAL_FIELD, ...DONE_FIELDS }),
		z.strictObject({ ...DEAL_FIELD, ...NEW_DATE_FIELDS }),
		z.strictObject({ ...DEAL_FIELD, ...COMMENT_FIELDS }),
		z.strictObject({ ...DEAL_FIELD, ...NEW_ACTION_FIELDS }),
		z.strictObject({ ...DEAL_FIELD, ...NEW_RISK_FIELDS }),
	],
	KIND_ERROR,
);

/** The buyer's fields of a form, before the deal is added. */
export type FeedbackFields = z.infer<typeof FeedbackFieldsSchema>;

/** A parsed, checked plan-feedback form. */
export type FeedbackForm = z.infer<typeof FeedbackFormSchema>;

/** What buyers can send. */
export type FeedbackKind = FeedbackForm['kind'];
