/** Where the site sends buyer feedback, read from the environment at build time. */
import { createFeedbackToken, parseRelaySecret, type FeedbackTokenDeal } from '../relay/feedback-token.ts';

/** What the deal pages need to offer feedback; tokens are keyed by plan slug and end up only inside encrypted pages. */
export interface FeedbackSettings {
	/** The relay's endpoint (`npm run relay` or a deployed function); without it the site offers prefilled links. */
	relayUrl: string | undefined;
	/** `owner/name` of the plans repository, for the prefilled GitHub issue link. */
	repository: string | undefined;
	/** Feedback token per plan slug; empty without a relay. */
	tokens: Record<string, string>;
}

/**
 * Reads `MAPSITE_RELAY_URL`, `MAP_RELAY_SECRET` and `MAPSITE_FEEDBACK_REPO` (default `GITHUB_REPOSITORY`).
 * A relay URL without its secret is a mistake the build names rather than a silently dead form.
 */
export async function readFeedbackSettings(
	env: Readonly<Record<string, string | undefined>>,
	deals: readonly FeedbackTokenDeal[],
): Promise<FeedbackSettings> {
	const relayUrl = env.MAPSITE_RELAY_URL?.trim() || undefined;
	const repository = env.MAPSITE_FEEDBACK_REPO?.trim() || env.GITHUB_REPOSITORY?.trim() || undefined;
	if (repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
		throw new Error(`MAPSITE_FEEDBACK_REPO ${JSON.stringify(repository)} is not owner/name, for example acme/plans.`);
	}
	if (relayUrl === undefined) return { relayUrl, repository, tokens: {} };
	if (!URL.canParse(relayUrl) || !/^https?:$/.test(new URL(relayUrl).protocol)) {
		throw new Error(`MAPSITE_RELAY_URL ${JSON.stringify(relayUrl)} is not an http(s) URL, for example https://feedback.example.com/.`);
	}
	const secretText = env.MAP_RELAY_SECRET?.trim();
	if (!secretText) {
		throw new Error('MAPSITE_RELAY_URL is set but MAP_RELAY_SECRET is not: set it to the relay\'s secret so each deal page can carry its feedback token.');
	}
	const parsed = parseRelaySecret(secretText);
	if (!parsed.ok) throw new Error(parsed.problem);
	const tokens: Record<string, string> = {};
	for (const deal of deals) {
		try {
			tokens[deal.slug] = await createFeedbackToken(parsed.secret, deal);
		} catch (error) {
			// Such a deal's buyers still get the email and GitHub links; the build says why the relay is not offered.
			console.warn(`plans/${deal.slug}.mdx: no relay feedback for this deal. ${(error as Error).message}`);
		}
	}
	return { relayUrl, repository, tokens };
}
