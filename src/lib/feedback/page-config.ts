/** The page-wide feedback settings a deal page carries as JSON for the browser, and reading them back. */
import type { FeedbackEmailSettings } from './email/compose-email.ts';
import type { FormField } from './form-fields.ts';
import { FEEDBACK_CLIENT_MESSAGE_KEYS, type FeedbackClientMessages } from './form-labels.ts';

/** What the browser reads from the JSON element `[data-mapsite-feedback-config]`. */
export interface FeedbackPageConfig {
	/** The plan slug, the `deal` field of a GitHub issue or email (the relay reads it from the token instead). */
	slug: string;
	repository?: string;
	contact?: string;
	/** The issue form's fields in template order. */
	fields: FormField[];
	/** How to write the feedback email (words, plan title, the deal's signing key); present when `contact` is. */
	email?: FeedbackEmailSettings;
	messages: FeedbackClientMessages;
}

/** Reads the page's feedback settings from the text of its JSON element; undefined when they are missing or broken. */
export function readFeedbackPageConfig(text: string | null | undefined): FeedbackPageConfig | undefined {
	if (!text) return undefined;
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (typeof data !== 'object' || data === null) return undefined;
	const config = data as Partial<FeedbackPageConfig>;
	const hasMessages =
		typeof config.messages === 'object' &&
		config.messages !== null &&
		FEEDBACK_CLIENT_MESSAGE_KEYS.every((key) => typeof config.messages![key] === 'string');
	const hasFields = Array.isArray(config.fields) && config.fields.every((field) => typeof field?.id === 'string' && typeof field?.label === 'string');
	if (typeof config.slug !== 'string' || !hasMessages || !hasFields) return undefined;
	return {
		slug: config.slug,
		...(typeof config.repository === 'string' && { repository: config.repository }),
		...(typeof config.contact === 'string' && typeof config.email === 'object' && config.email !== null && { contact: config.contact, email: config.email }),
		fields: config.fields!,
		messages: config.messages!,
	};
}
