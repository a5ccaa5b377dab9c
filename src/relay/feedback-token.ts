/**
 * The feedback token a deal page carries (only inside its encrypted content): it names the deal's route id,
 * slug and key version and signs them with the relay secret, so the relay needs no list of deals, and
 * `rotate-key` (a new key version) revokes every token made before it.
 */

import { FeedbackTokenSchema, type FeedbackTokenClaims } from '../schema/feedback-relay.ts';
import { decodeBase64Url, encodeBase64Url, encodeUtf8, toBufferSource } from '../lib/crypto/encoding.ts';

/** The shortest relay secret accepted: 256 bits, the size of the HMAC-SHA256 key block's useful strength. */
export const RELAY_SECRET_MIN_BYTES = 32;

/** Reads `MAP_RELAY_SECRET` (base64url, at least RELAY_SECRET_MIN_BYTES), or says what is wrong with it. */
export function parseRelaySecret(text: string): { ok: true; secret: Uint8Array<ArrayBuffer> } | { ok: false; problem: string } {
	let secret: Uint8Array<ArrayBuffer>;
	try {
		secret = decodeBase64Url(text);
	} catch {
		return { ok: false, problem: 'MAP_RELAY_SECRET is not base64url (letters, digits, "-" and "_" only).' };
	}
	if (secret.length < RELAY_SECRET_MIN_BYTES) return { ok: false, problem: `MAP_RELAY_SECRET is ${secret.length} bytes; it must be at least ${RELAY_SECRET_MIN_BYTES}.` };
	return { ok: true, secret };
}

/** The deal a token is made for. */
export type FeedbackTokenDeal = Omit<FeedbackTokenClaims, 'mac'>;

/** HMAC-SHA256 output length; a MAC of any other length cannot be valid. */
const MAC_BYTES = 32;

// Versioned and newline-separated: ids hold no newline, so no two deals sign the same text.
function writeSignedText({ routeId, slug, keyVersion }: FeedbackTokenDeal): Uint8Array<ArrayBuffer> {
	return encodeUtf8(`mapsite feedback token v2\n${routeId}\n${slug}\n${keyVersion}`);
}

async function importRelayKey(relaySecret: Uint8Array, usage: 'sign' | 'verify'): Promise<CryptoKey> {
	if (relaySecret.length < RELAY_SECRET_MIN_BYTES) {
		throw new RangeError(`The relay secret must be at least ${RELAY_SECRET_MIN_BYTES} bytes, got ${relaySecret.length}.`);
	}
	return crypto.subtle.importKey('raw', toBufferSource(relaySecret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/**
 * Creates the token for a deal: `<routeId>.<slug>.<keyVersion>.<base64url HMAC-SHA256>`. Throws a RangeError
 * for a deal that cannot have one (an id that is not lower-case letters, digits and dashes, or a bad version).
 */
export async function createFeedbackToken(relaySecret: Uint8Array, deal: FeedbackTokenDeal): Promise<string> {
	const key = await importRelayKey(relaySecret, 'sign');
	const mac = encodeBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', key, writeSignedText(deal))));
	const token = `${deal.routeId}.${deal.slug}.${deal.keyVersion}.${mac}`;
	const parsed = FeedbackTokenSchema.safeParse(token);
	// A token the relay could not read back would make a form that always fails, so it is refused here.
	if (!parsed.success || parsed.data.routeId !== deal.routeId || parsed.data.slug !== deal.slug || parsed.data.keyVersion !== deal.keyVersion) {
		throw new RangeError(
			`No feedback token can be made for route id ${JSON.stringify(deal.routeId)}, slug ${JSON.stringify(deal.slug)} and key version ${deal.keyVersion}: ids must be lower-case letters, digits and dashes (at most 100), the version a whole number from 1.`,
		);
	}
	return token;
}

/** Whether `claims` were signed with `relaySecret`; compared in constant time by WebCrypto's HMAC verify. */
export async function verifyFeedbackToken(relaySecret: Uint8Array, claims: FeedbackTokenClaims): Promise<boolean> {
	const key = await importRelayKey(relaySecret, 'verify');
	let mac: Uint8Array<ArrayBuffer>;
	try {
		mac = decodeBase64Url(claims.mac);
	} catch {
		return false;
	}
	// The length is public (every valid token has it), so checking it first leaks nothing.
	if (mac.length !== MAC_BYTES) return false;
	return crypto.subtle.verify('HMAC', key, mac, writeSignedText(claims));
}

/** Reads and checks a token: its claims when `relaySecret` signed it, else undefined. */
export async function readFeedbackToken(relaySecret: Uint8Array, token: string): Promise<FeedbackTokenClaims | undefined> {
	const parsed = FeedbackTokenSchema.safeParse(token);
	if (!parsed.success) return undefined;
	return (await verifyFeedbackToken(relaySecret, parsed.data)) ? parsed.data : undefined;
}
