import { z } from 'astro/zod';
import { FEEDBACK_EMAIL_VERSION } from '../lib/feedback/email/email-version.ts';
import { IdSchema } from './plan.ts';

export { FEEDBACK_EMAIL_VERSION };

/**
 * What the signed block at the end of a feedback email holds. The buyer's fields are checked again with
 * FeedbackFormSchema when the email is applied, exactly as an issue's are.
 */
export const FeedbackEmailPayloadSchema = z.strictObject({
	/** Format version, so a later format is refused with a clear message rather than misread. */
	v: z.literal(FEEDBACK_EMAIL_VERSION),
	/** The plan slug the feedback is for; its signing key is derived from it. */
	deal: IdSchema,
	/** The deal's keyVersion when the page was built: `rotate-key` makes older emails invalid. */
	key: z.number().int().min(1),
	/** The buyer's day when the email was written (`YYYY-MM-DD`), used where an issue's opening day would be. */
	on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	/** The form's fields as the buyer filled them in (kind, action, date, message, from). */
	form: z.record(z.string(), z.string()),
});

/** The payload of a feedback email's machine block. */
export type FeedbackEmailPayload = z.infer<typeof FeedbackEmailPayloadSchema>;
