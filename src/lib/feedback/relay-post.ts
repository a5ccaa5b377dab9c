/** The browser's side of the relay's wire format (src/schema/feedback-relay.ts): the post it sends and what the answer means. */
import type { RelayPost } from '../../schema/feedback-relay.ts';
import type { FeedbackClientMessages } from './form-labels.ts';
import type { FeedbackLinkValues } from './links.ts';

/** Builds the relay post from the deal's token and the values typed; empty fields are left out, meaning "not given". */
export function buildRelayPost(token: string, values: Omit<FeedbackLinkValues, 'deal'>): RelayPost {
	const form: Record<string, string> = { kind: values.kind };
	for (const id of ['action', 'date', 'message', 'from'] as const) {
		const value = values[id]?.trim();
		if (value) form[id] = value;
	}
	// The relay checks the fields with the same schema; the page only gathers them.
	return { token, form: form as RelayPost['form'] };
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
