/**
 * The feedback relay: a plain `fetch(Request) => Promise<Response>` handler that turns a buyer's feedback
 * post into a GitHub issue. It imports no server or GitHub client, so it runs unchanged on Node, Workers,
 * Netlify and Vercel (see relay/ for each entry point).
 */

import type { FeedbackForm } from '../schema/feedback-form.ts';
import type { RelayProblem } from '../schema/feedback-relay.ts';
import { decodeUtf8 } from '../lib/crypto/encoding.ts';
import { readFormFields } from '../lib/feedback/form-fields.ts';
import { renderFeedbackIssueBody } from '../lib/feedback/render-issue.ts';
import type { ClientAddressReader } from './client-address.ts';
import { RELAY_SECRET_MIN_BYTES, verifyFeedbackToken } from './feedback-token.ts';
import type { KeyVersionReader } from './github-key-versions.ts';
import { readBodyWithLimit } from './read-body.ts';
import { readRelayPost } from './read-relay-post.ts';
import { answerRelayCheck, isRelayCheck } from '../lib/feedback/relay-check.ts';
import { createFixedWindowLimiter, type RateLimit } from './rate-limit.ts';

/** What the relay asks GitHub (or anything else) to create. */
export interface IssueInput {
	title: string;
	body: string;
	labels: string[];
}

/** The issue that was created. */
export interface CreatedIssue {
	number: number;
	url: string;
}

/** How a relay is set up; everything with side effects is passed in. */
export interface RelayOptions {
	/** The secret that feedback tokens are signed with (at least 32 bytes), the same the build uses. */
	relaySecret: Uint8Array;
	/** The YAML text of `.github/ISSUE_TEMPLATE/plan-feedback.yml`, which fixes the issue body's fields. */
	template: string;
	/** Creates the issue; throws when it cannot. */
	createIssue: (input: IssueInput) => Promise<CreatedIssue>;
	/** The deal's current key version (from its plan in the repository); a token of any other version is revoked. */
	readKeyVersion: KeyVersionReader;
	/** The client's address for the per-address limits; each host's entry point knows which header to trust. */
	getClientAddress: ClientAddressReader;
	/**
	 * Limits: `perDeal` and `perAddress` count feedback that passed every check; `failuresPerAddress` counts posts
	 * refused for a bad token, form or captcha, so nobody holding a share link can use up the buyer's quota.
	 */
	rateLimit?: { perDeal?: RateLimit; perAddress?: RateLimit; failuresPerAddress?: RateLimit; maxKeys?: number; now?: () => number };
	/** The largest body accepted, in bytes (default 16 KB). */
	maxBodyBytes?: number;
	/** Checks a captcha answer (Turnstile, hCaptcha...); when given, every post must carry one that passes. */
	verifyCaptcha?: (token: string, address: string) => Promise<boolean>;
	/** Origins allowed to post from a browser (e.g. `https://plans.example.com`); none when left out. */
	allowedOrigins?: readonly string[];
	/** Told about failures the buyer cannot fix (GitHub refusing the issue, bugs), for the operator's log. */
	onError?: (error: unknown) => void;
}

/** 16 KB: a full form at the 4000-character limit in multi-byte text, with room for the envelope. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** Limits for a relay that serves a few dozen deals: a buyer never posts feedback this fast, nor fails this often. */
export const DEFAULT_RATE_LIMITS = {
	perDeal: { limit: 20, windowMs: 60 * 60 * 1000 },
	perAddress: { limit: 30, windowMs: 10 * 60 * 1000 },
	failuresPerAddress: { limit: 20, windowMs: 10 * 60 * 1000 },
} as const satisfies Record<string, RateLimit>;

const ISSUE_LABELS = ['plan-feedback'];

const INVALID_LINK = 'This feedback link is not valid; open the plan again and use its feedback form.';

/** Writes the issue title from fixed parts only, so no buyer text reaches notification subjects. */
export function writeIssueTitle(form: FeedbackForm): string {
	return `[feedback] ${form.kind} ${form.deal}`;
}

/** Creates the relay's request handler; throws at once on options that could never work. */
export function createRelayHandler(options: RelayOptions): (request: Request) => Promise<Response> {
	if (options.relaySecret.length < RELAY_SECRET_MIN_BYTES) {
		throw new RangeError(`The relay secret must be at least ${RELAY_SECRET_MIN_BYTES} bytes, got ${options.relaySecret.length}.`);
	}
	const fields = readFormFields(options.template);
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimit };
	const now = options.rateLimit?.now ?? Date.now;
	const perDeal = createFixedWindowLimiter(limits.perDeal, now, limits.maxKeys);
	const perAddress = createFixedWindowLimiter(limits.perAddress, now, limits.maxKeys);
	const failures = createFixedWindowLimiter(limits.failuresPerAddress, now, limits.maxKeys);
	const allowedOrigins = new Set(options.allowedOrigins ?? []);
	const reportError = options.onError ?? (() => {});

	function corsHeaders(request: Request): Record<string, string> {
		const origin = request.headers.get('origin');
		if (origin === null || !allowedOrigins.has(origin)) return allowedOrigins.size > 0 ? { vary: 'Origin' } : {};
		return { 'access-control-allow-origin': origin, vary: 'Origin' };
	}

	function reply(request: Request, status: number, data: unknown, headers: Record<string, string> = {}): Response {
		return new Response(JSON.stringify(data), {
			status,
			headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...corsHeaders(request), ...headers },
		});
	}

	function refuse(request: Request, status: number, error: string, problems?: RelayProblem[]): Response {
		return reply(request, status, problems === undefined ? { error } : { error, problems });
	}

	function tooMany(request: Request, retryAfterSeconds: number): Response {
		return reply(
			request,
			429,
			{ error: `Too much feedback from here in a short time; try again in ${retryAfterSeconds} seconds.` },
			{ 'retry-after': String(retryAfterSeconds) },
		);
	}

	function answerPreflight(request: Request): Response {
		const origin = request.headers.get('origin');
		if (origin === null || !allowedOrigins.has(origin)) {
			return new Response(null, { status: 403, headers: { allow: 'POST, OPTIONS', ...corsHeaders(request) } });
		}
		return new Response(null, {
			status: 204,
			headers: {
				allow: 'POST, OPTIONS',
				'access-control-allow-methods': 'POST, OPTIONS',
				'access-control-allow-headers': 'Content-Type',
				'access-control-max-age': '86400',
				...corsHeaders(request),
			},
		});
	}

	/** Checks everything about a post that the sender controls; a refusal here is charged to the sender's failures. */
	async function checkPost(
		request: Request,
		address: string,
	): Promise<{ ok: true; form: FeedbackForm } | { ok: false; response: Response; isSendersFault: boolean }> {
		const fail = (status: number, error: string, problems?: RelayProblem[]) => ({
			ok: false as const,
			response: refuse(request, status, error, problems),
			isSendersFault: true,
		});
		const body = await readBodyWithLimit(request, maxBodyBytes);
		if (body.isTooLarge) return fail(413, `The feedback is larger than ${Math.floor(maxBodyBytes / 1024)} KB; shorten the message.`);
		let data: unknown;
		try {
			data = JSON.parse(decodeUtf8(body.bytes));
		} catch {
			return fail(400, 'The body is not valid JSON.', [{ field: '', message: 'The body must be UTF-8 JSON.' }]);
		}
		if (isRelayCheck(data)) {
			// `npm run setup-feedback` proving both sides share the secret: it files nothing and costs no
			// quota; a check signed with another secret counts as the sender's failure.
			const answer = await answerRelayCheck(options.relaySecret, data);
			return { ok: false, response: reply(request, answer.status, answer.body), isSendersFault: answer.status !== 200 };
		}
		const reading = readRelayPost(data, fields);
		if (!reading.ok) return reading.isBadToken ? fail(403, INVALID_LINK) : fail(400, 'The feedback form has problems.', reading.problems);
		const { token, form, captcha } = reading.post;
		if (!(await verifyFeedbackToken(options.relaySecret, token))) return fail(403, INVALID_LINK);
		// Read only for a genuine token, so GitHub is asked about real deals alone.
		let keyVersion: number | undefined;
		try {
			keyVersion = await options.readKeyVersion(token.slug);
		} catch (error) {
			reportError(error);
			return { ...fail(502, 'The relay could not check this feedback link with GitHub, so nothing was saved; try again in a few minutes.'), isSendersFault: false };
		}
		if (keyVersion !== token.keyVersion) return fail(403, INVALID_LINK);
		if (options.verifyCaptcha !== undefined) {
			const isHuman = captcha !== undefined && (await options.verifyCaptcha(captcha, address).catch(() => false));
			if (!isHuman) return fail(403, 'The captcha was not solved; solve it and send again.');
		}
		return { ok: true, form: { ...form, deal: token.slug } };
	}

	async function handlePost(request: Request): Promise<Response> {
		const origin = request.headers.get('origin');
		// Browsers always send Origin on a cross-site POST; refusing unknown ones stops other sites posting for a visitor.
		if (origin !== null && !allowedOrigins.has(origin)) {
			return refuse(request, 403, 'Feedback is not accepted from this site.');
		}
		// Addresses are client-influenced text; a long one would only waste limiter memory.
		const address = options.getClientAddress(request).slice(0, 100);
		const addressKey = `address:${address}`;
		const failureState = failures.check(addressKey);
		if (!failureState.isAllowed) return tooMany(request, failureState.retryAfterSeconds);
		const addressState = perAddress.check(addressKey);
		if (!addressState.isAllowed) return tooMany(request, addressState.retryAfterSeconds);

		const checked = await checkPost(request, address);
		if (!checked.ok) {
			if (checked.isSendersFault) failures.take(addressKey);
			return checked.response;
		}
		// Only feedback that passed every check is charged to the deal and the address.
		const dealState = perDeal.take(`deal:${checked.form.deal}`);
		if (!dealState.isAllowed) return tooMany(request, dealState.retryAfterSeconds);
		const addressTaken = perAddress.take(addressKey);
		if (!addressTaken.isAllowed) return tooMany(request, addressTaken.retryAfterSeconds);

		let issue: CreatedIssue;
		try {
			issue = await options.createIssue({
				title: writeIssueTitle(checked.form),
				body: renderFeedbackIssueBody(checked.form, options.template),
				labels: ISSUE_LABELS,
			});
		} catch (error) {
			reportError(error);
			return refuse(request, 502, 'GitHub did not accept the feedback issue, so nothing was saved; try again in a few minutes.');
		}
		return reply(request, 201, { issue: issue.number, url: issue.url });
	}

	return async (request) => {
		try {
			if (request.method === 'OPTIONS') return answerPreflight(request);
			if (request.method !== 'POST') {
				return reply(request, 405, { error: `${request.method} is not supported; post the feedback form as JSON.` }, { allow: 'POST, OPTIONS' });
			}
			return await handlePost(request);
		} catch (error) {
			reportError(error);
			return refuse(request, 500, 'The relay failed unexpectedly; nothing was saved.');
		}
	};
}
