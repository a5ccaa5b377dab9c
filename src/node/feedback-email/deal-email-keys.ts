/** The feedback-email signing key of each deal being built, for its pages (inside the encrypted payload). */
import { deriveFeedbackEmailKey } from '../../lib/feedback/email/email-key.ts';

/** Keys by plan slug; none without a site secret (`astro dev` without one), so those emails carry no block. */
export async function deriveDealEmailKeys(
	plans: readonly { slug: string; plan?: { keyVersion: number } | undefined }[],
	siteSecret: Uint8Array | undefined,
): Promise<Record<string, string>> {
	if (siteSecret === undefined || siteSecret.length < 32) return {};
	const entries = await Promise.all(plans.map(async ({ slug, plan }) => [slug, await deriveFeedbackEmailKey(siteSecret, slug, plan?.keyVersion ?? 1)] as const));
	return Object.fromEntries(entries);
}
