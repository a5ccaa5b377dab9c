/** Which feedback controls a deal page shows, and which fields each kind of form asks for, read off the schema. */
import { FeedbackFieldsSchema, type FeedbackKind } from '../../schema/feedback-form.ts';

/** The controls shown on each open action, in order. */
export const ACTION_FEEDBACK_KINDS = ['done', 'new-date', 'comment'] as const satisfies readonly FeedbackKind[];

/** The controls shown once for the plan as a whole, in order. */
export const PLAN_FEEDBACK_KINDS = ['new-action', 'new-risk'] as const satisfies readonly FeedbackKind[];

/** Whether a form asks for a field, and whether it must be filled in. */
export type FieldNeed = 'required' | 'optional' | 'absent';

/** The longest name accepted in the form; a name, not a letter. */
export const FROM_MAX_LENGTH = 200;

// Optional dates the schema accepts but the page leaves out, to keep the forms short on phones: the
// GitHub form still offers them. Everything else about which field a kind has comes from the schema.
const DATES_LEFT_OUT: readonly FeedbackKind[] = ['done', 'new-action', 'new-risk'];

function readNeed(kind: FeedbackKind, field: 'date' | 'message'): FieldNeed {
	const option = FeedbackFieldsSchema.options.find((candidate) => candidate.shape.kind.value === kind)!;
	const schema = (option.shape as Partial<Record<'date' | 'message', { safeParse(value: unknown): { success: boolean } }>>)[field];
	if (schema === undefined) return 'absent';
	if (!schema.safeParse(undefined).success) return 'required';
	return field === 'date' && DATES_LEFT_OUT.includes(kind) ? 'absent' : 'optional';
}

/** The fields each kind of form shows besides `from` (always required). */
export const FEEDBACK_FORM_FIELDS = Object.fromEntries(
	FeedbackFieldsSchema.options.map((option) => {
		const kind = option.shape.kind.value;
		return [kind, { date: readNeed(kind, 'date'), message: readNeed(kind, 'message') }];
	}),
) as Record<FeedbackKind, { date: FieldNeed; message: FieldNeed }>;
