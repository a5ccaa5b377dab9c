import { z } from 'astro/zod';

// 16 to 48 random bytes as base64url: long enough never to repeat, short enough to cap the work.
const NonceSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);
const ProofSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * The set-up check `npm run setup-feedback` posts to the relay: a fresh nonce and an HMAC of it with the
 * relay secret. A relay that shares the build's secret answers with {@link RelayCheckAnswerSchema}, files
 * nothing and charges no quota.
 */
export const RelayCheckRequestSchema = z.strictObject({
	/** A fresh random nonce, base64url. */
	check: NonceSchema,
	/** base64url HMAC-SHA256(relaySecret, 'mapsite-relay-check:request:' + check). */
	proof: ProofSchema,
});

/** The relay's answer to a check whose proof it verified (status 200). */
export const RelayCheckAnswerSchema = z.strictObject({
	/** The nonce of the request, echoed. */
	check: NonceSchema,
	/** base64url HMAC-SHA256(relaySecret, 'mapsite-relay-check:answer:' + check): proves the relay holds the secret. */
	proof: ProofSchema,
});

export type RelayCheckRequest = z.infer<typeof RelayCheckRequestSchema>;
export type RelayCheckAnswer = z.infer<typeof RelayCheckAnswerSchema>;
