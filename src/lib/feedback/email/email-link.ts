/** The `mailto:` link that opens the buyer's email app with the feedback email written out. */
import type { FeedbackLinkValues } from '../links.ts';
import { composeFeedbackEmail, type FeedbackEmailSettings } from './compose-email.ts';

/** The longest `mailto:` link written: some mail clients (Outlook on Windows) drop links past about 2,000 characters. */
export const MAILTO_LINK_LIMIT = 2000;

const ELLIPSIS = '…';

// RFC 6068: percent-encode everything outside the unreserved set, and write line breaks as CRLF.
function encodeMailtoText(text: string): string {
	return encodeURIComponent(text.replace(/\n/g, '\r\n'));
}

/** Whether `contact` is one email address: a comma, semicolon or space would add recipients. */
export function isSingleAddress(contact: string): boolean {
	return /^[^\s,;@]+@[^\s,;@]+$/.test(contact);
}

/**
 * A `mailto:` link to `contact` carrying the feedback email, or undefined when `contact` is not one address.
 * A long message is shortened (whole characters and an ellipsis, in the sentences and the signed block alike)
 * so the link fits mail clients' limits.
 */
export async function buildFeedbackEmailLink(
	contact: string,
	settings: FeedbackEmailSettings,
	input: { values: FeedbackLinkValues; actionTitle?: string; today: string },
): Promise<string | undefined> {
	if (!isSingleAddress(contact)) return undefined;
	// Percent-encoded so `?`, `#` or `%` in an address cannot start headers or a fragment.
	const address = encodeURIComponent(contact).replace('%40', '@');
	const write = async (message: string | undefined) => {
		const email = await composeFeedbackEmail(settings, { ...input, values: { ...input.values, message } });
		return `mailto:${address}?subject=${encodeMailtoText(email.subject)}&body=${encodeMailtoText(email.body)}`;
	};
	const whole = await write(input.values.message);
	const message = [...(input.values.message?.trim() ?? '')];
	if (whole.length <= MAILTO_LINK_LIMIT || message.length === 0) return whole;
	// The message is in the sentences and (base64) in the block, so the fit is searched rather than computed.
	let [fits, tooLong] = [0, message.length];
	let best = await write(ELLIPSIS);
	while (tooLong - fits > 1) {
		const middle = Math.floor((fits + tooLong) / 2);
		const link = await write(message.slice(0, middle).join('').trimEnd() + ELLIPSIS);
		if (link.length <= MAILTO_LINK_LIMIT) [fits, best] = [middle, link];
		else tooLong = middle;
	}
	return best;
}
