/**
 * The relay's wire format, the one description of it: the JSON a deal page posts (built by
 * src/client/feedback, checked by src/relay/handler.ts) and the JSON the relay answers.
 */
import { z } from 'astro/zod';
import { FeedbackFieldsSchema } from './feedback-form.ts';

/** The largest key version a token may name; far beyond any real rotation count, small enough to stay exact. */
export const MAX_KEY_VERSION = 999_999_999;

// Route id and slug are ids (no dots), the version is a whole number and the MAC is 32 bytes of base64url,
// so the four parts split on dots without any escaping.
const TOKEN_PATTERN = /^([a-z0-9][a-z0-9-]{0,99})\.([a-z0-9][a-z0-9-]{0,99})\.([1-9][0-9]{0,8})\.([A-Za-z0-9_-]{43})$/;

/** What a feedback token says about the deal it was made for; the relay trusts it only after checking `mac`. */
export interface FeedbackTokenClaims {
	/** The first path segment of the deal's address (its unguessable id, or the plan's `path`). */
	routeId: string;
	/** The plan's slug, the `deal` field of the issue. */
	slug: string;
	/** The plan's `keyVersion` when the page was built; `rotate-key` raises it and so revokes the token. */
	keyVersion: number;
	/** base64url HMAC-SHA256 over the three fields above with the relay secret (src/relay/feedback-token.ts). */
	mac: string;
}

/**
 * A feedback token as a page carries it: `<routeId>.<slug>.<keyVersion>.<mac>`. The relay needs no list of
 * deals: the token names its deal and proves, with the relay secret, that a build made it.
 */
export const FeedbackTokenSchema = z
	.string({ error: 'is required' })
	.regex(TOKEN_PATTERN, { error: 'is not a feedback token; open the plan again and use its feedback form' })
	.transform((token): FeedbackTokenClaims => {
		const [, routeId, slug, keyVersion, mac] = TOKEN_PATTERN.exec(token)!;
		return { routeId: routeId!, slug: slug!, keyVersion: Number(keyVersion), mac: mac! };
	});

/** A form value the buyer left empty means "not given", as it does in GitHub's issue form. */
function dropEmptyFields(value: unknown): unknown {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
	return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== ''));
}

/** The longest captcha answer accepted; Turnstile and hCaptcha answers are a few hundred characters. */
export const CAPTCHA_MAX_LENGTH = 4096;

/** One feedback post to the relay. */
export const RelayPostSchema = z.strictObject({
	/** The deal's feedback token, from the encrypted page. */
	token: FeedbackTokenSchema,
	/** The buyer's fields; the deal comes from the token. */
	form: z.preprocess(dropEmptyFields, FeedbackFieldsSchema),
	/** The captcha widget's answer, when the relay asks for one. */
	captcha: z.string().min(1).max(CAPTCHA_MAX_LENGTH).optional(),
});

/** A relay post as the page writes it. */
export type RelayPost = z.input<typeof RelayPostSchema>;

/** A relay post after checking: the token's claims (not yet verified) and the buyer's fields. */
export type CheckedRelayPost = z.output<typeof RelayPostSchema>;

/** One thing wrong with a post: the field it concerns (`form.date`, `token`...) and a sentence saying what. */
export const RelayProblemSchema = z.strictObject({
	/** Dotted path of the field, empty for the post as a whole. */
	field: z.string(),
	/** A sentence the buyer can act on, starting with the field's label. */
	message: z.string(),
});

/** The relay's answer when it filed the issue (status 201). */
export const RelayAcceptedSchema = z.strictObject({
	/** The number of the issue created. */
	issue: z.number().int().positive(),
	/** Its address on GitHub. */
	url: z.string(),
});

/** The relay's answer when it filed nothing (any status but 201). */
export const RelayRefusedSchema = z.strictObject({
	/** What happened, in one sentence. */
	error: z.string(),
	/** Every problem with the form, for a 400. */
	problems: z.array(RelayProblemSchema).optional(),
});

/** Whatever the relay answers. */
export const RelayAnswerSchema = z.union([RelayAcceptedSchema, RelayRefusedSchema]);

export type RelayProblem = z.infer<typeof RelayProblemSchema>;
export type RelayAccepted = z.infer<typeof RelayAcceptedSchema>;
export type RelayRefused = z.infer<typeof RelayRefusedSchema>;
export type RelayAnswer = z.infer<typeof RelayAnswerSchema>;
