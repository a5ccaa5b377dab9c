/**
 * The version of the machine block an emailed feedback carries; a reader refuses any other. Kept
 * apart from the zod schema (src/schema/feedback-email.ts) because the page that writes the email
 * must not bundle zod: it would weigh about 95 kB gzip and trip the pages' Content-Security-Policy
 * (zod probes `new Function`).
 */
export const FEEDBACK_EMAIL_VERSION = 1;
