import { parseTemplate } from '@github/issue-parser';

/** The field ids the plan-feedback form must have, in the order the code expects to find them. */
export const FEEDBACK_FIELD_IDS = ['deal', 'kind', 'action', 'date', 'message', 'from'] as const;

/** One id of a plan-feedback form field. */
export type FeedbackFieldId = (typeof FEEDBACK_FIELD_IDS)[number];

/** A field of the form as the issue shows it: `### {label}` above the value. */
export interface FormField {
	id: FeedbackFieldId;
	label: string;
}

/** Reads the fields of the plan-feedback template in template order; throws if the template does not match the code. */
export function readFormFields(template: string): FormField[] {
	const fields = Object.entries(parseTemplate(template)).map(([id, field]) => ({ id, label: field.label }));
	const ids = fields.map((field) => field.id);
	const isExpected =
		ids.length === FEEDBACK_FIELD_IDS.length && FEEDBACK_FIELD_IDS.every((id) => ids.includes(id));
	// A template edited out of step with the parser is a bug in the repository, not a bad issue.
	if (!isExpected) {
		throw new Error(
			`The plan-feedback template must have exactly the fields ${FEEDBACK_FIELD_IDS.join(', ')}; it has ${ids.join(', ')}.`,
		);
	}
	return fields as FormField[];
}
