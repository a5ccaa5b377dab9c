/** Step 6: a signed test post proving the relay holds the build's MAP_RELAY_SECRET; it files nothing. */
import { parseRelaySecret } from '../../relay/feedback-token.ts';
import { createRelayCheck, isRelayCheckAnswered, isWrongSecretAnswer } from '../../lib/feedback/relay-check.ts';
import type { SetupContext, StepResult } from './context.ts';

const NAME = 'Relay';
/** Long enough for a cold-started function, short enough that a dead address does not stall the check. */
const RELAY_TIMEOUT_MS = 15_000;

/** Posts the set-up check to MAPSITE_RELAY_URL and checks the relay's proof. */
export async function checkRelay({ env, fetch }: Pick<SetupContext, 'env' | 'fetch'>): Promise<StepResult> {
	const url = env.MAPSITE_RELAY_URL?.trim();
	if (!url) return { name: NAME, isOk: true, summary: 'none set up (MAPSITE_RELAY_URL is empty); buyers send feedback by email or GitHub issue.', todo: [] };
	const parsed = parseRelaySecret(env.MAP_RELAY_SECRET?.trim() ?? '');
	if (!parsed.ok) return { name: NAME, isOk: false, summary: 'not checked: the build has no usable MAP_RELAY_SECRET.', todo: ['Fix MAP_RELAY_SECRET (step 1).'] };
	const request = await createRelayCheck(parsed.secret);
	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(request),
			signal: AbortSignal.timeout(RELAY_TIMEOUT_MS),
		});
	} catch (error) {
		const reason = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
		return { name: NAME, isOk: false, summary: `${url} could not be reached (${reason}).`, todo: ['Check MAPSITE_RELAY_URL and that the relay is deployed and running.'] };
	}
	const data: unknown = await response.json().catch(() => undefined);
	if (response.status === 200 && (await isRelayCheckAnswered(parsed.secret, request, data))) {
		return { name: NAME, isOk: true, summary: `${url} answered the signed check: it shares the build's MAP_RELAY_SECRET.`, todo: [] };
	}
	// A 200 with a proof that does not verify comes from a relay signing with another secret, as does its own 403.
	if (response.status === 200 || (response.status === 403 && isWrongSecretAnswer(data))) {
		return {
			name: NAME,
			isOk: false,
			summary: `${url} holds another MAP_RELAY_SECRET than this build, so it would refuse every buyer's feedback.`,
			todo: ['Set the same MAP_RELAY_SECRET in the relay\'s settings and in the repository secret, redeploy the relay, then run this again.'],
		};
	}
	return {
		name: NAME,
		isOk: false,
		summary: `${url} answered ${response.status} to the set-up check: it is not a mapsite relay, or one too old to know the check.`,
		todo: ['Deploy the relay from this repository (see "Buyer feedback in ten steps" in the README), then run this again.'],
	};
}
