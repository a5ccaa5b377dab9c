/**
 * What the feedback forms on a deal's site need, shared by the build (components) and the browser
 * (src/client/feedback): which channel sends, what each kind of form asks, the relay's JSON in and out.
 */
import type { FeedbackKind } from '../../schema/feedback-form.ts';
import type { FeedbackEmailSettings } from './email/compose-email.ts';
import { buildFeedbackEmailLink } from './email/email-link.ts';
import type { FormField } from './form-fields.ts';
import { buildGitHubIssueLink, isRepositoryName, type FeedbackLinkValues } from './links.ts';

/** The controls shown on each open action, in order. */
export const ACTION_FEEDBACK_KINDS = ['done', 'new-date', 'comment'] as const satisfies readonly FeedbackKind[];

/** The controls shown once for the plan as a whole, in order. */
export const PLAN_FEEDBACK_KINDS = ['new-action', 'new-risk'] as const satisfies readonly FeedbackKind[];

/** Whether a form asks for a field, and whether it must be filled in. */
export type FieldNeed = 'required' | 'optional' | 'absent';

/** The fields each kind of form shows besides `from` (always required); mirrors FeedbackFormSchema, kept short for phones. */
export const FEEDBACK_FORM_FIELDS: Record<FeedbackKind, { date: FieldNeed; message: FieldNeed }> = {
	done: { date: 'absent', message: 'optional' },
	'new-date': { date: 'required', message: 'optional' },
	comment: { date: 'absent', message: 'required' },
	'new-action': { date: 'absent', message: 'required' },
	'new-risk': { date: 'absent', message: 'required' },
};

/** The longest name accepted in the form; a name, not a letter. */
export const FROM_MAX_LENGTH = 200;

/** How a form sends: through the relay, or by opening a prefilled email or GitHub issue. */
export type FeedbackChannel = 'relay' | 'email' | 'github';

/** The words of the feedback forms, from the `feedback` group of the i18n catalogues. */
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

/** The page-wide settings the browser reads from the JSON element `[data-mapsite-feedback-config]`. */
export interface FeedbackPageConfig {
	/** The plan slug, the `deal` field of a GitHub issue or email (the relay maps its route id to it). */
	slug: string;
	repository?: string;
	contact?: string;
	/** The issue form's fields in template order. */
	fields: FormField[];
	/** How to write the feedback email (words, plan title, the deal's signing key); present when `contact` is. */
	email?: FeedbackEmailSettings;
	messages: FeedbackClientMessages;
}

/** Everything the components need to draw the feedback forms of one deal page. */
export interface FeedbackSetup {
	/** The deal's route id (`Astro.params.deal`), the `deal` the relay checks the token against. */
	routeId: string;
	slug: string;
	/** How the forms send; the other channels become alternative links. */
	primary: FeedbackChannel;
	relay?: { url: string; token: string };
	repository?: string;
	contact?: string;
	labels: FeedbackLabels;
	config: FeedbackPageConfig;
}

/** What the build knows about feedback for a deal; `tokens` are keyed by plan slug. */
export interface FeedbackSetupInput {
	settings: { relayUrl: string | undefined; repository: string | undefined; tokens: Record<string, string> };
	routeId: string;
	slug: string;
	/** The seller's contact email (`plan.seller.contact`). */
	contact: string | undefined;
	fields: FormField[];
	labels: FeedbackLabels & FeedbackClientMessages;
	/** How to write the feedback email; without it the deal offers no email. */
	email?: FeedbackEmailSettings;
}

/**
 * Works out how a deal's buyers can send feedback: the relay when it is configured and the deal has a
 * token, else an email to the seller, else a GitHub issue. Undefined when there is no way at all, so no
 * form is drawn that could not be sent.
 */
export function createFeedbackSetup({ settings, routeId, slug, contact: contactInput, fields, labels, email }: FeedbackSetupInput): FeedbackSetup | undefined {
	const contact = email ? contactInput : undefined;
	const token = settings.tokens[slug];
	const relay = settings.relayUrl !== undefined && token !== undefined ? { url: settings.relayUrl, token } : undefined;
	const repository = settings.repository !== undefined && isRepositoryName(settings.repository) ? settings.repository : undefined;
	const primary: FeedbackChannel | undefined = relay ? 'relay' : contact ? 'email' : repository ? 'github' : undefined;
	if (primary === undefined) return undefined;
	const messages = Object.fromEntries(FEEDBACK_CLIENT_MESSAGE_KEYS.map((key) => [key, labels[key]])) as unknown as FeedbackClientMessages;
	return {
		routeId,
		slug,
		primary,
		...(relay && { relay }),
		...(repository && { repository }),
		...(contact && { contact }),
		labels,
		config: { slug, ...(repository && { repository }), ...(contact && { contact, email }), fields, messages },
	};
}

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

/** The channels offered as links besides the primary one: all of them under a relay (shown when it fails). */
export function listAlternativeChannels(setup: Pick<FeedbackSetup, 'primary' | 'repository' | 'contact'>): ('email' | 'github')[] {
	const channels: ('email' | 'github')[] = [];
	if (setup.contact && setup.primary !== 'email') channels.push('email');
	if (setup.repository && setup.primary !== 'github') channels.push('github');
	return channels;
}

/**
 * The prefilled email and GitHub links for the values typed so far; a channel without its setting is left out.
 * `actionTitle` is the action's title as the page shows it, and `today` the buyer's day, for the email.
 */
export async function buildFeedbackLinks(
	config: Pick<FeedbackPageConfig, 'repository' | 'contact' | 'email'>,
	input: { values: FeedbackLinkValues; actionTitle?: string; today: string },
): Promise<{ email?: string; github?: string }> {
	const email = config.contact && config.email ? await buildFeedbackEmailLink(config.contact, config.email, input) : undefined;
	const github = config.repository ? buildGitHubIssueLink(config.repository, input.values) : undefined;
	return { ...(email && { email }), ...(github && { github }) };
}

/** The JSON the relay accepts (src/relay/feedback-request.ts): the envelope and only the fields given. */
export interface RelayPost {
	deal: string;
	token: string;
	form: { kind: string; action?: string; date?: string; message?: string; from?: string };
}

/** Builds the relay post for the deal's route id and token; empty fields are left out, as the relay reads them as "not given". */
export function buildRelayPost(routeId: string, token: string, values: Omit<FeedbackLinkValues, 'deal'>): RelayPost {
	const form: RelayPost['form'] = { kind: values.kind };
	for (const id of ['action', 'date', 'message', 'from'] as const) {
		const value = values[id]?.trim();
		if (value) form[id] = value;
	}
	return { deal: routeId, token, form };
}

/** What the relay's answer means for the buyer; `problems` are the relay's own sentences for a 400. */
export type RelayOutcome =
	| { state: 'sent'; issue?: number }
	| { state: 'invalid'; problems: string[] }
	| { state: 'refused' | 'too-large' | 'too-many' | 'failed' };

/** Reads the relay's status and JSON body (undefined when it had none) into an outcome. */
export function readRelayAnswer(status: number, data: unknown): RelayOutcome {
	const body = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
	if (status === 201 || status === 200) return typeof body.issue === 'number' ? { state: 'sent', issue: body.issue } : { state: 'sent' };
	if (status === 400) {
		const problems = Array.isArray(body.problems)
			? body.problems.flatMap((problem) => {
					const message = (problem as { message?: unknown } | null)?.message;
					return typeof message === 'string' && message !== '' ? [message] : [];
				})
			: [];
		return { state: 'invalid', problems };
	}
	if (status === 403) return { state: 'refused' };
	if (status === 413) return { state: 'too-large' };
	if (status === 429) return { state: 'too-many' };
	return { state: 'failed' };
}

/** The message for an outcome other than success. */
export function describeRelayFailure(outcome: Exclude<RelayOutcome, { state: 'sent' }> | { state: 'network' }, messages: FeedbackClientMessages): string {
	const byState = {
		invalid: messages.invalid,
		refused: messages.refused,
		'too-large': messages.tooLarge,
		'too-many': messages.tooMany,
		failed: messages.failed,
		network: messages.network,
	};
	return byState[outcome.state];
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
