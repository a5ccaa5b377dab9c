/**
 * The set-up check between `npm run setup-feedback` and the relay: each side proves it holds the same relay
 * secret without sending it, and the relay files nothing. Shared by the check (src/node/feedback-setup) and
 * the relay, which answers it before reading a feedback post.
 */
import { RelayCheckAnswerSchema, RelayCheckRequestSchema, type RelayCheckAnswer, type RelayCheckRequest } from '../../schema/relay-check.ts';
import { decodeBase64Url, encodeBase64Url, encodeUtf8, toBufferSource } from '../crypto/encoding.ts';

async function prove(relaySecret: Uint8Array, side: 'request' | 'answer', nonce: string): Promise<string> {
	const key = await crypto.subtle.importKey('raw', toBufferSource(relaySecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	return encodeBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encodeUtf8(`mapsite-relay-check:${side}:${nonce}`))));
}

async function verify(relaySecret: Uint8Array, side: 'request' | 'answer', nonce: string, proof: string): Promise<boolean> {
	const key = await crypto.subtle.importKey('raw', toBufferSource(relaySecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
	return crypto.subtle.verify('HMAC', key, decodeBase64Url(proof), encodeUtf8(`mapsite-relay-check:${side}:${nonce}`));
}

/** What a relay that knows the check says when the proof is not its secret's, told apart from any other 403. */
export const WRONG_SECRET = 'wrong-secret';

/** Whether a 403 answer is a relay saying the check was signed with another secret. */
export function isWrongSecretAnswer(data: unknown): boolean {
	return typeof data === 'object' && data !== null && (data as { check?: unknown }).check === WRONG_SECRET;
}

/** A new check request with a random nonce. */
export async function createRelayCheck(relaySecret: Uint8Array): Promise<RelayCheckRequest> {
	const check = encodeBase64Url(crypto.getRandomValues(new Uint8Array(18)));
	return { check, proof: await prove(relaySecret, 'request', check) };
}

/** Whether a parsed JSON body is a set-up check rather than feedback (it has a `check` field). */
export function isRelayCheck(data: unknown): boolean {
	return typeof data === 'object' && data !== null && 'check' in data;
}

/**
 * The relay's side: 200 and the answer when the request's proof verifies with `relaySecret`, 403 when it
 * does not (another secret), 400 when the body is not a check.
 */
export async function answerRelayCheck(
	relaySecret: Uint8Array,
	data: unknown,
): Promise<{ status: 200; body: RelayCheckAnswer } | { status: 400; body: { error: string } } | { status: 403; body: { error: string; check: typeof WRONG_SECRET } }> {
	const request = RelayCheckRequestSchema.safeParse(data);
	if (!request.success) return { status: 400, body: { error: 'The set-up check is not {"check", "proof"}.' } };
	if (!(await verify(relaySecret, 'request', request.data.check, request.data.proof))) {
		return { status: 403, body: { error: 'The set-up check was signed with another secret than this relay\'s MAP_RELAY_SECRET.', check: WRONG_SECRET } };
	}
	return { status: 200, body: { check: request.data.check, proof: await prove(relaySecret, 'answer', request.data.check) } };
}

/** Whether the relay's answer to `request` proves it holds `relaySecret`. */
export async function isRelayCheckAnswered(relaySecret: Uint8Array, request: RelayCheckRequest, data: unknown): Promise<boolean> {
	const answer = RelayCheckAnswerSchema.safeParse(data);
	if (!answer.success || answer.data.check !== request.check) return false;
	return verify(relaySecret, 'answer', request.check, answer.data.proof);
}
