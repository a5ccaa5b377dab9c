/**
 * The feedback email a buyer sends when there is no relay: a few sentences for the rep in the plan's
 * language ("Marcus Lee marked “Return redlines” done."), then the signed block that
 * `npm run feedback -- --from-email` applies. Pure apart from WebCrypto, so the browser writes it as the buyer types.
 */
import type { FeedbackKind } from '../../../schema/feedback-form.ts';
import type { FeedbackEmailPayload } from '../../../schema/feedback-email.ts';
import { FEEDBACK_EMAIL_VERSION } from './email-version.ts';
import { formatDate } from '../../../i18n/format.ts';
import type { Locale } from '../../../i18n/locale.ts';
import type { Messages } from '../../../i18n/messages/en.ts';
import { normaliseLineEndings, stripInvisibleCharacters } from '../clean-text.ts';
import type { FeedbackLinkValues } from '../links.ts';
import { writeEmailBlock } from './email-block.ts';

/** The sentences of the email, from the `feedbackEmail` group of the plan's catalogue. */
export type FeedbackEmailWords = Messages['feedbackEmail'];

/** What a deal page knows for writing its feedback emails; travels to the browser inside the (encrypted) page. */
export interface FeedbackEmailSettings {
	/** The deal's email key (base64url); without one (a preview build) the email has no block. */
	key?: string;
	/** The deal's keyVersion, written into the block. */
	keyVersion: number;
	locale: Locale;
	planTitle: string;
	/** Each control's label ("Mark done"), for the subject. */
	controls: Record<FeedbackKind, string>;
	words: FeedbackEmailWords;
}

/** One email: its subject and plain-text body (LF line breaks). */
export interface FeedbackEmail {
	subject: string;
	body: string;
}

// A lone surrogate would make encodeURIComponent throw; hostile or broken text must still give an email.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A value as it goes into the email: no invisible or bidi characters, LF endings, one line unless it is the message. */
export function cleanEmailValue(value: string | undefined, isMultiline = false): string {
	if (value === undefined) return '';
	const text = stripInvisibleCharacters(normaliseLineEndings(value)).replace(LONE_SURROGATE, '\uFFFD').trim();
	return isMultiline ? text : text.replace(/\s*\n\s*/g, ' ');
}

/** Fills `{name}` places in one pass, so a value that itself contains `{from}` stays as typed. */
function fill(template: string, values: Readonly<Record<string, string | boolean>>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => { const value = values[name]; return typeof value === 'string' ? value : whole; });
}

// A note that repeats the block's first line would make the email unreadable by the rep's tool.
function defuseMarkers(text: string): string {
	return text.replace(/(BEGIN|END)(\s+)MAPSITE(\s+)FEEDBACK/gi, '$1$2MAPSITE-FEEDBACK');
}

function describe(words: FeedbackEmailWords, kind: string, parts: { from: string; action: string; date: string; hasAction: boolean }): string {
	switch (kind) {
		case 'done':
			return fill(words.done, parts);
		case 'new-date':
			return fill(words.newDate, parts);
		case 'comment':
			return fill(parts.hasAction ? words.comment : words.planComment, parts);
		case 'new-action':
			return fill(parts.date ? words.newActionBy : words.newAction, parts);
		default:
			return fill(parts.date ? words.newRiskBy : words.newRisk, parts);
	}
}

/**
 * Writes the email for the values typed so far. `actionTitle` is the action's title as the page shows it;
 * `today` is the buyer's day (`YYYY-MM-DD`), recorded in the block as the day of the feedback.
 */
export async function composeFeedbackEmail(
	settings: FeedbackEmailSettings,
	input: { values: FeedbackLinkValues; actionTitle?: string; today: string },
): Promise<FeedbackEmail> {
	const { words, locale } = settings;
	const form: Record<string, string> = {};
	for (const id of ['kind', 'action', 'date', 'message', 'from'] as const) {
		const value = cleanEmailValue(input.values[id], id === 'message');
		if (value !== '') form[id] = value;
	}
	const actionTitle = cleanEmailValue(input.actionTitle) || form.action || '';
	const date = form.date && /^\d{4}-\d{2}-\d{2}$/.test(form.date) ? formatDate(form.date, locale, 'long') : (form.date ?? '');
	const control = settings.controls[form.kind as FeedbackKind] ?? form.kind ?? '';
	// A dash, not a colon: the subject already has one after "Plan feedback".
	const subject = fill(words.subject, { what: form.action ? `${control} – ${actionTitle}` : control });

	const lines = [words.greeting, '', describe(words, form.kind ?? '', { from: form.from || '…', action: actionTitle, date, hasAction: Boolean(form.action) })];
	if (form.message) lines.push('', words.messageLabel, defuseMarkers(form.message));
	lines.push('', fill(words.planLine, { plan: cleanEmailValue(settings.planTitle) }));
	if (settings.key !== undefined) {
		const payload: FeedbackEmailPayload = { v: FEEDBACK_EMAIL_VERSION, deal: input.values.deal, key: settings.keyVersion, on: input.today, form };
		lines.push('', words.keepBlock, '', await writeEmailBlock(payload, settings.key));
	}
	return { subject, body: `${lines.join('\n')}\n` };
}
