/**
 * Reads a pasted feedback email back into a checked form: finds the signed block, checks its tag with
 * the deal's email key (derived from the site secret, so this works offline), then checks the fields
 * with FeedbackFormSchema exactly as an issue's are. Any doubt means nothing is applied.
 */
import { FeedbackFormSchema, type FeedbackForm } from '../../../schema/feedback-form.ts';
import { FEEDBACK_EMAIL_VERSION, FeedbackEmailPayloadSchema } from '../../../schema/feedback-email.ts';
import { cleanEmailValue } from './compose-email.ts';
import { findEmailBlock } from './email-block.ts';
import { deriveFeedbackEmailKey, verifyEmailPayload } from './email-key.ts';

/** A plan the email may be for: its slug, file and current keyVersion. */
export interface EmailPlan {
	slug: string;
	file: string;
	keyVersion: number;
}

/** The applied email's identity: an id (from its tag) so it is applied once, and the day it was written. */
export interface FeedbackEmailRef {
	emailId: string;
	createdAt: string;
}

/** The form and where it goes, or every reason the email is refused. */
export type ReadEmailResult = { ok: true; form: FeedbackForm; plan: EmailPlan; ref: FeedbackEmailRef } | { ok: false; problems: string[] };

/** 128 bits of the tag: enough to tell emails apart, short enough to keep in the plan. */
const EMAIL_ID_LENGTH = 22;

function quote(value: unknown): string {
	const text = String(value);
	return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** Reads `text` (a whole email as pasted, quoted or wrapped) for one of `plans`, checking its signature with `siteSecret`. */
export async function readFeedbackEmail(text: string, options: { plans: readonly EmailPlan[]; siteSecret: Uint8Array }): Promise<ReadEmailResult> {
	const found = findEmailBlock(text);
	if (!found.ok) return { ok: false, problems: [found.problem] };
	const version = (found.data as { v?: unknown } | null)?.v;
	if (version !== FEEDBACK_EMAIL_VERSION) {
		return { ok: false, problems: [`The block is format ${quote(version)}; this version of mapsite reads format ${FEEDBACK_EMAIL_VERSION}. Update mapsite, or apply the feedback by hand.`] };
	}
	const payload = FeedbackEmailPayloadSchema.safeParse(found.data);
	if (!payload.success) {
		const fields = payload.error.issues.map((issue) => issue.path.join('.') || '(top level)');
		return { ok: false, problems: [`The block's content is not a feedback email (${fields.join(', ')}); it was changed or not written by mapsite. Nothing was applied.`] };
	}
	const { deal, key, on, form } = payload.data;
	const plan = options.plans.find((candidate) => candidate.slug === deal);
	if (plan === undefined) {
		const known = options.plans.map((candidate) => candidate.slug).join(', ') || 'none';
		return { ok: false, problems: [`The email is for the deal ${quote(deal)}, which has no plan here (plans: ${known}). Is it for another site, or run with --plans <dir>?`] };
	}
	const isGenuine = await verifyEmailPayload(await deriveFeedbackEmailKey(options.siteSecret, deal, key), found.encodedPayload, found.tag);
	if (!isGenuine) {
		return {
			ok: false,
			problems: [
				`The block's signature does not match ${plan.file}: the block was edited after the site wrote it, or it comes from another site (another site secret). Nothing was applied; if you trust the sender, ask them to send it again from the plan's site.`,
			],
		};
	}
	if (key !== plan.keyVersion) {
		return {
			ok: false,
			problems: [`The email was written on a page with keyVersion ${key}, but ${plan.file} is at keyVersion ${plan.keyVersion}: the deal's key was rotated since, which revokes older links and emails. Nothing was applied; apply it by hand if you trust it.`],
		};
	}
	const values: Record<string, string> = { deal };
	for (const [name, value] of Object.entries(form)) values[name] = cleanEmailValue(value, name === 'message');
	const checked = FeedbackFormSchema.safeParse(values);
	if (!checked.success) {
		const problems = checked.error.issues.map((issue) =>
			issue.code === 'unrecognized_keys' ? `The fields ${issue.keys.join(', ')} are not used for "${values.kind}".` : `${String(issue.path[0] ?? 'form')} ${quote(values[String(issue.path[0])] ?? '')} ${issue.message}.`,
		);
		return { ok: false, problems };
	}
	return { ok: true, form: checked.data, plan, ref: { emailId: found.tag.slice(0, EMAIL_ID_LENGTH), createdAt: on } };
}
