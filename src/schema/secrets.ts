import { z } from 'astro/zod';

/** The git-ignored `mapsite.secrets.json`: per-deal passwords and the site secret. */
export const SecretsFileSchema = z.looseObject({
	/** Base64url secret (at least 32 bytes) that derives deal content keys and URL ids. */
	siteSecret: z
		.string()
		.regex(/^[A-Za-z0-9_-]{43,}$/, { error: 'must be at least 32 random bytes written as base64url' })
		.optional(),
	/** Site password by plan slug. */
	passwords: z
		.record(z.string(), z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }), {
			error: 'must be an object of "<slug>": "<password>" pairs',
		})
		.default({}),
});

/** A parsed secrets file. */
export type SecretsFile = z.infer<typeof SecretsFileSchema>;
