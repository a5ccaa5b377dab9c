/** How a deal's buyers send feedback: the relay, a prefilled email or a prefilled GitHub issue, and the links for each. */
import type { FeedbackEmailSettings } from './email/compose-email.ts';
import { buildFeedbackEmailLink } from './email/email-link.ts';
import type { FormField } from './form-fields.ts';
import { FEEDBACK_CLIENT_MESSAGE_KEYS, type FeedbackClientMessages, type FeedbackLabels } from './form-labels.ts';
import { buildGitHubIssueLink, isRepositoryName, type FeedbackLinkValues } from './links.ts';
import type { FeedbackPageConfig } from './page-config.ts';

/** How a form sends: through the relay, or by opening a prefilled email or GitHub issue. */
export type FeedbackChannel = 'relay' | 'email' | 'github';

/** Everything the components need to draw the feedback forms of one deal page. */
export interface FeedbackSetup {
	/** The deal's route id (`Astro.params.deal`). */
	routeId: string;
	slug: string;
	/** How the forms send; the other channels become alternative links. */
	primary: FeedbackChannel;
	/** The relay's address and the deal's token, which names and signs the deal (src/relay/feedback-token.ts). */
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
