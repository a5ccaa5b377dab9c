import type { FeedbackForm } from '../../schema/feedback-form.ts';
import { escapeHashes, normaliseLineEndings, stripInvisibleCharacters } from './clean-text.ts';
import { readFormFields } from './form-fields.ts';
import { makeTextInert } from './inert-text.ts';

/** What GitHub writes for a field left empty. */
const NO_RESPONSE = '_No response_';

/**
 * Writes the issue body GitHub would render for `form` (`### Label`, blank line, value, blank line,
 * per field in template order), with text made safe so no value can open a heading or a field, and inert
 * so none mentions anyone, links anywhere or hides markup (`makeTextInert`, undone by the merge).
 */
export function renderFeedbackIssueBody(form: FeedbackForm, template: string): string {
	const values: Partial<Record<string, string>> = form;
	return readFormFields(template)
		.map(({ id, label }) => {
			const value = values[id];
			const text = value ? escapeHashes(makeTextInert(stripInvisibleCharacters(normaliseLineEndings(value)))) : NO_RESPONSE;
			return `### ${label}\n\n${text}\n\n`;
		})
		.join('');
}
