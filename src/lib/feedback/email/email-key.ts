/**
 * The per-deal key that signs feedback emails. It is derived from the site secret, so the rep (who has
 * that secret to build) can check an email offline, and from the slug and keyVersion, so a block signed
 * for one deal fails on another and `rotate-key` retires every older email along with the old links.
 */
import { decodeBase64Url, encodeBase64Url, encodeUtf8, toBufferSource } from '../../crypto/encoding.ts';

/** HMAC-SHA256 tag length in bytes. */
const TAG_BYTES = 32;

async function hmac(key: Uint8Array, text: string): Promise<Uint8Array<ArrayBuffer>> {
	const imported = await crypto.subtle.importKey('raw', toBufferSource(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	return new Uint8Array(await crypto.subtle.sign('HMAC', imported, encodeUtf8(text)));
}

/** The deal's email key as base64url: HMAC-SHA256(siteSecret, 'feedback-email:' + slug + ':' + keyVersion). */
export async function deriveFeedbackEmailKey(siteSecret: Uint8Array, slug: string, keyVersion: number): Promise<string> {
	if (siteSecret.length < 32) throw new RangeError(`The site secret must be at least 32 bytes, got ${siteSecret.length}.`);
	if (!Number.isSafeInteger(keyVersion) || keyVersion < 1) throw new RangeError(`keyVersion must be a whole number from 1, got ${keyVersion}.`);
	return encodeBase64Url(await hmac(siteSecret, `feedback-email:${slug}:${keyVersion}`));
}

/** The tag of a block's encoded payload, base64url. The domain prefix keeps it apart from every other HMAC of the key. */
export async function signEmailPayload(emailKey: string, encodedPayload: string): Promise<string> {
	return encodeBase64Url(await hmac(decodeBase64Url(emailKey), `mapsite-feedback-email:${encodedPayload}`));
}

/** Whether `tag` is the tag of `encodedPayload` under `emailKey`, compared in constant time by HMAC verify. */
export async function verifyEmailPayload(emailKey: string, encodedPayload: string, tag: string): Promise<boolean> {
	let mac: Uint8Array<ArrayBuffer>;
	try {
		mac = decodeBase64Url(tag);
	} catch {
		return false;
	}
	if (mac.length !== TAG_BYTES) return false;
	const key = await crypto.subtle.importKey('raw', toBufferSource(decodeBase64Url(emailKey)), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
	return crypto.subtle.verify('HMAC', key, mac, encodeUtf8(`mapsite-feedback-email:${encodedPayload}`));
}
