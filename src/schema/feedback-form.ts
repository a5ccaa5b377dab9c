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
const DoneSchema = z.strictObject({
	kind: z.literal('done'),
	deal: idSchema(ALWAYS),
	action: idSchema(requiredWhen('done')),
	date: dateSchema(requiredWhen('done')).optional(),
	message: textSchema(requiredWhen('done')).optional(),
	from: fromSchema(),
});

/** A new due date proposed for an action; `message` is the reason. */
const NewDateSchema = z.strictObject({
	kind: z.literal('new-date'),
	deal: idSchema(ALWAYS),
	action: idSchema(requiredWhen('new-date')),
	date: dateSchema(requiredWhen('new-date')),
	message: textSchema(requiredWhen('new-date')).optional(),
	from: fromSchema(),
});

/** A comment on one action, or on the plan as a whole when `action` is absent. */
const CommentFormSchema = z.strictObject({
	kind: z.literal('comment'),
	deal: idSchema(ALWAYS),
	action: idSchema(requiredWhen('comment')).optional(),
	message: textSchema(requiredWhen('comment')),
	from: fromSchema(),
});

/** A suggested action, with the date the buyer would like it done by, if any. */
const NewActionSchema = z.strictObject({
	kind: z.literal('new-action'),
	deal: idSchema(ALWAYS),
	date: dateSchema(requiredWhen('new-action')).optional(),
	message: textSchema(requiredWhen('new-action')),
	from: fromSchema(),
});

/** A risk the buyer sees, with a date it matters by, if any. */
const NewRiskSchema = z.strictObject({
	kind: z.literal('new-risk'),
	deal: idSchema(ALWAYS),
	date: dateSchema(requiredWhen('new-risk')).optional(),
	message: textSchema(requiredWhen('new-risk')),
	from: fromSchema(),
});

/** One submitted plan-feedback form, parsed and checked; which fields apply depends on `kind`. */
export const FeedbackFormSchema = z.discriminatedUnion(
	'kind',
	[DoneSchema, NewDateSchema, CommentFormSchema, NewActionSchema, NewRiskSchema],
	{
		error: (issue) => {
			const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
			return kind === undefined ? 'is required' : `must be one of ${FEEDBACK_KINDS.join(', ')}`;
		},
	},
);

/** A parsed, checked plan-feedback form. */
export type FeedbackForm = z.infer<typeof FeedbackFormSchema>;

/** What buyers can send. */
export type FeedbackKind = FeedbackForm['kind'];
