/** The words of a deal page's feedback forms, from the `feedback` group of the i18n catalogues. */
import type { FeedbackKind } from '../../schema/feedback-form.ts';

/** The words drawn into the forms at build time. */
export interface FeedbackLabels {
	markDone: string;
	proposeNewDate: string;
	comment: string;
	suggestAction: string;
	flagRisk: string;
	whatHappensNext: string;
	whatHappensNextBody: string;
	from: string;
	newDate: string;
	message: string;
	messageOptional: string;
	send: string;
	sendByEmail: string;
	sendOnGitHub: string;
	otherWays: string;
	emailLink: string;
	githubLink: string;
	/** The accessible name of an action's form, e.g. "Mark done: Security review". */
	formFor: (parts: { control: string; action: string }) => string;
}

/** What the browser says while and after sending; plain strings, because they travel as JSON inside the page. */
export interface FeedbackClientMessages {
	sending: string;
	sent: string;
	emailOpened: string;
	githubOpened: string;
	invalid: string;
	refused: string;
	tooLarge: string;
	tooMany: string;
	failed: string;
	network: string;
}

/** The keys of {@link FeedbackClientMessages}, for picking them out of a catalogue. */
export const FEEDBACK_CLIENT_MESSAGE_KEYS = [
	'sending',
	'sent',
	'emailOpened',
	'githubOpened',
	'invalid',
	'refused',
	'tooLarge',
	'tooMany',
	'failed',
	'network',
] as const satisfies readonly (keyof FeedbackClientMessages)[];

/** The summary label of each kind of form. */
export function getFeedbackControlLabel(labels: FeedbackLabels, kind: FeedbackKind): string {
	const byKind: Record<FeedbackKind, string> = {
		done: labels.markDone,
		'new-date': labels.proposeNewDate,
		comment: labels.comment,
		'new-action': labels.suggestAction,
		'new-risk': labels.flagRisk,
	};
	return byKind[kind];
}
