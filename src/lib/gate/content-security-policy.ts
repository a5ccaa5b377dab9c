/**
 * The Content-Security-Policy every published page carries as a `<meta http-equiv>` tag, so it
 * holds on any static host. It is the second wall behind the plan-body sanitiser: even markup
 * that got through could not run script, load from or send to another site, or re-point links.
 * Headers a meta tag cannot carry (frame-ancestors and friends) are in docs/deploy.md and
 * public/_headers.
 */
import { escapeHtml } from './escape-html.ts';

/** What the policy depends on. */
export interface ContentSecurityPolicyInput {
	/** The feedback relay's endpoint, when the site has one: the only other origin pages may talk to. */
	relayUrl?: string;
}

/**
 * The policy as one header value. Why each source is there:
 * - scripts only from the site's own files (the gate loader and Pagefind's runtime): no inline
 *   script, no event-handler attributes, no `javascript:` URLs, no eval; `'wasm-unsafe-eval'`
 *   only lets Pagefind compile its WebAssembly search engine, it does not allow eval.
 * - styles `'unsafe-inline'`: the pages position timeline bars and progress fills, carry the
 *   deal's brand colours and Mermaid's diagram styles inline, all inside the encrypted payload;
 *   hashing them into the public shell would publish a fingerprint of deal data (a progress
 *   percentage is one of 101 hashes). Styles cannot run code, and with images, fonts and
 *   connections limited to the site an injected style has nowhere to send anything.
 * - images from the site, `data:` (logos are inlined) and `blob:`; fonts from the site.
 * - connections to the site and the relay, and to `blob:` URLs the page made itself (a calendar
 *   link's decrypted file, which a browser may fetch again to save or share it); forms may post only to the relay (no form of the
 *   site posts natively, and a native post to the site itself would put a password in a URL).
 */
export function buildContentSecurityPolicy({ relayUrl }: ContentSecurityPolicyInput = {}): string {
	const relay = relayUrl === undefined ? undefined : new URL(relayUrl).origin;
	const directives: [string, ...string[]][] = [
		['default-src', "'none'"],
		['script-src', "'self'", "'wasm-unsafe-eval'"],
		['style-src', "'self'", "'unsafe-inline'"],
		['img-src', "'self'", 'data:', 'blob:'],
		['font-src', "'self'"],
		['connect-src', "'self'", 'blob:', ...(relay ? [relay] : [])],
		['form-action', ...((relay ? [relay] : ["'none'"]) as [string])],
		['base-uri', "'none'"],
		['object-src', "'none'"],
		['frame-src', "'none'"],
		['worker-src', "'none'"],
		['manifest-src', "'self'"],
	];
	return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The `<meta http-equiv="Content-Security-Policy">` tag for `policy`. */
export function renderContentSecurityPolicyMeta(policy: string): string {
	return `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`;
}

const CHARSET = /<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i;
const HEAD = /<head(\s[^>]*)?>/i;
const HTML = /<html(\s[^>]*)?>/i;
const DOCTYPE = /<!doctype[^>]*>/i;
const EXISTING = /<meta\s+http-equiv=["']?content-security-policy["']?[^>]*>/gi;

/**
 * `html` with `policy` as a meta tag at the top of its head, right after the charset, so it
 * governs every tag that loads something; an older policy tag is replaced. A page without a head
 * (a file someone put in public/) gets it first thing: the HTML parser opens the head for it.
 */
export function addContentSecurityPolicy(html: string, policy: string): string {
	const meta = renderContentSecurityPolicyMeta(policy);
	const page = html.replace(EXISTING, '');
	for (const anchor of [CHARSET, HEAD, HTML, DOCTYPE]) {
		const found = anchor.exec(page);
		if (found) return `${page.slice(0, found.index + found[0].length)}${meta}${page.slice(found.index + found[0].length)}`;
	}
	return `${meta}${page}`;
}
