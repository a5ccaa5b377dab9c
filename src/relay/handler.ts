/**
 * The feedback relay: a plain `fetch(Request) => Promise<Response>` handler that turns a buyer's feedback
 * post into a GitHub issue. It imports no server or GitHub client, so it runs unchanged on Node, Workers and the like.
 */

import type { FeedbackForm } from '../schema/feedback-form.ts';
import { decodeUtf8 } from '../lib/crypto/encoding.ts';
import { readFormFields } from '../lib/feedback/form-fields.ts';
import { renderFeedbackIssueBody } from '../lib/feedback/render-issue.ts';
import { checkFeedbackForm, readFeedbackEnvelope, type RequestProblem } from './feedback-request.ts';
import { RELAY_SECRET_MIN_BYTES, verifyFeedbackToken } from './feedback-token.ts';
import { readBodyWithLimit } from './read-body.ts';
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
	/** The secret that feedback tokens are derived from (at least 32 bytes). */
	relaySecret: Uint8Array;
	/** Known deal ids: a set (the id is the slug) or a map from deal id to plan slug. */
	dealIds: ReadonlySet<string> | ReadonlyMap<string, string>;
	/** The YAML text of `.github/ISSUE_TEMPLATE/plan-feedback.yml`, which fixes the issue body's fields. */
	template: string;
	/** Creates the issue; throws when it cannot. */
	createIssue: (input: IssueInput) => Promise<CreatedIssue>;
	/** Request limits per deal and per client address; `now` returns milliseconds. */
	rateLimit?: { perDeal?: RateLimit; perAddress?: RateLimit; now?: () => number };
	/** The largest body accepted, in bytes (default 16 KB). */
	maxBodyBytes?: number;
	/** Checks a captcha answer (Turnstile, hCaptcha...); when given, every post must carry one that passes. */
	verifyCaptcha?: (token: string, address: string) => Promise<boolean>;
	/** Origins allowed to post from a browser (e.g. `https://plans.example.com`); none when left out. */
	allowedOrigins?: readonly string[];
	/** The client's address for rate limiting; by default CF-Connecting-IP, then the first X-Forwarded-For entry. */
	getClientAddress?: (request: Request) => string;
	/** Told about failures the buyer cannot fix (GitHub refusing the issue, bugs), for the operator's log. */
	onError?: (error: unknown) => void;
}

/** 16 KB: a full form at the 4000-character limit in multi-byte text, with room for the envelope. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** Limits for a relay that serves a few dozen deals: a buyer never posts feedback this fast. */
export const DEFAULT_RATE_LIMITS = {
	perDeal: { limit: 20, windowMs: 60 * 60 * 1000 },
	perAddress: { limit: 30, windowMs: 10 * 60 * 1000 },
} as const satisfies Record<string, RateLimit>;

const ISSUE_LABELS = ['plan-feedback'];

/** Reads the client address a proxy or CDN put in the headers: CF-Connecting-IP, then X-Forwarded-For, else 'unknown'. */
export function getForwardedClientAddress(request: Request): string {
	const cloudflare = request.headers.get('cf-connecting-ip')?.trim();
	if (cloudflare) return cloudflare;
	const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
	return forwarded || 'unknown';
}

/** Writes the issue title from fixed parts only, so no buyer text reaches notification subjects. */
export function writeIssueTitle(form: FeedbackForm): string {
	return `[feedback] ${form.kind} ${form.deal}`;
}

function lookUpSlug(dealIds: RelayOptions['dealIds'], dealId: string): string | undefined {
	if (dealIds instanceof Map) return dealIds.get(dealId);
	return dealIds.has(dealId) ? dealId : undefined;
}

/** Creates the relay's request handler; throws at once on options that could never work. */
export function createRelayHandler(options: RelayOptions): (request: Request) => Promise<Response> {
	if (options.relaySecret.length < RELAY_SECRET_MIN_BYTES) {
		throw new RangeError(`The relay secret must be at least ${RELAY_SECRET_MIN_BYTES} bytes, got ${options.relaySecret.length}.`);
	}
	const fields = readFormFields(options.template);
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	const now = options.rateLimit?.now ?? Date.now;
	const perDeal = createFixedWindowLimiter(options.rateLimit?.perDeal ?? DEFAULT_RATE_LIMITS.perDeal, now);
	const perAddress = createFixedWindowLimiter(options.rateLimit?.perAddress ?? DEFAULT_RATE_LIMITS.perAddress, now);
	const getClientAddress = options.getClientAddress ?? getForwardedClientAddress;
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

	function refuse(request: Request, status: number, error: string, problems?: RequestProblem[]): Response {
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

	async function handlePost(request: Request): Promise<Response> {
		const origin = request.headers.get('origin');
		// Browsers always send Origin on a cross-site POST; refusing unknown ones stops other sites posting for a visitor.
		if (origin !== null && !allowedOrigins.has(origin)) {
			return refuse(request, 403, 'Feedback is not accepted from this site.');
		}
		const address = getClientAddress(request);
		const addressDecision = perAddress.take(`address:${address}`);
		if (!addressDecision.isAllowed) return tooMany(request, addressDecision.retryAfterSeconds);

		const body = await readBodyWithLimit(request, maxBodyBytes);
		if (body.isTooLarge) return refuse(request, 413, `The feedback is larger than ${Math.floor(maxBodyBytes / 1024)} KB; shorten the message.`);
		let data: unknown;
		try {
			data = JSON.parse(decodeUtf8(body.bytes));
		} catch {
			return refuse(request, 400, 'The body is not valid JSON.', [{ field: '', message: 'The body must be UTF-8 JSON.' }]);
		}
		const envelope = readFeedbackEnvelope(data);
		if (!envelope.ok) return refuse(request, 400, 'The feedback could not be read.', envelope.problems);
		const { deal, token, form, captcha } = envelope.envelope;

		const slug = lookUpSlug(options.dealIds, deal);
		// One answer for an unknown deal and a wrong token, so the relay does not confirm which deal ids exist.
		if (slug === undefined || !(await verifyFeedbackToken(options.relaySecret, deal, token))) {
			return refuse(request, 403, 'This feedback link is not valid; open the plan again and use its feedback form.');
		}

		const checked = checkFeedbackForm(form, slug, fields);
		if (!checked.ok) return refuse(request, 400, 'The feedback form has problems.', checked.problems);

		const dealDecision = perDeal.take(`deal:${deal}`);
		if (!dealDecision.isAllowed) return tooMany(request, dealDecision.retryAfterSeconds);

		if (options.verifyCaptcha !== undefined) {
			const isHuman = captcha !== undefined && (await options.verifyCaptcha(captcha, address).catch(() => false));
			if (!isHuman) return refuse(request, 403, 'The captcha was not solved; solve it and send again.');
		}

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
