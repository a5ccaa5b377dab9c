/** Decides, issue by issue, what the feedback merge does to which plan; no I/O, so a dry run and --apply agree. */
import { getPlanSlug, type PlanSource } from '../../check/index.ts';
import { parseFeedbackIssue } from '../parse-issue.ts';
import { ALREADY_APPLIED, applyFeedback } from './apply-feedback.ts';

/** The label a maintainer puts on an issue to have it applied whoever opened it. */
export const TRUSTED_LABEL = 'feedback-trusted';

/** An open feedback issue as the merge needs it. */
export interface MergeIssue {
	number: number;
	author: string;
	/** `YYYY-MM-DD`. */
	createdAt: string;
	labels: string[];
	body: string;
}

/** What happens to one issue: applied to a plan (with the plan's text after it), already there, refused, or not trusted. */
export type IssueOutcome =
	| { kind: 'applied'; issue: MergeIssue; file: string; summary: string; source: string }
	| { kind: 'already-applied'; issue: MergeIssue; file: string }
	| { kind: 'rejected'; issue: MergeIssue; file?: string; reason: string }
	| { kind: 'untrusted'; issue: MergeIssue };

/** Whether an issue may change a plan: its author is trusted, or a maintainer labelled it trusted. */
export function isTrustedIssue(issue: Pick<MergeIssue, 'author' | 'labels'>, trustedAuthors: ReadonlySet<string>): boolean {
	return trustedAuthors.has(issue.author.toLowerCase()) || issue.labels.includes(TRUSTED_LABEL);
}

/** Reads `MAP_FEEDBACK_TRUSTED`-style text ("relay-bot, ana") into a set of lower-case logins. */
export function parseTrustedAuthors(text: string | undefined): Set<string> {
	return new Set((text ?? '').split(',').map((login) => login.trim().toLowerCase()).filter(Boolean));
}

/**
 * Works out every issue's outcome in number order, applying each accepted one on top of the
 * ones before it; `template` is the plan-feedback issue form's YAML.
 */
export function planFeedbackMerge(input: {
	issues: readonly MergeIssue[];
	plans: readonly PlanSource[];
	template: string;
	trustedAuthors: ReadonlySet<string>;
}): IssueOutcome[] {
	const current = new Map(input.plans.map((plan) => [getPlanSlug(plan.file), { ...plan }]));
	const issues = [...input.issues].sort((a, b) => a.number - b.number);
	return issues.map((issue): IssueOutcome => {
		if (!isTrustedIssue(issue, input.trustedAuthors)) return { kind: 'untrusted', issue };
		const parsed = parseFeedbackIssue(issue.body, input.template);
		if (!parsed.ok) return { kind: 'rejected', issue, reason: `The issue is not a usable feedback form:\n${parsed.problems.map((problem) => `  ${problem}`).join('\n')}` };
		const plan = current.get(parsed.form.deal);
		if (plan === undefined) return { kind: 'rejected', issue, reason: `There is no plan for the deal "${parsed.form.deal}".` };
		const result = applyFeedback(plan.source, parsed.form, issue, { file: plan.file });
		if (!result.ok) {
			return result.reason === ALREADY_APPLIED
				? { kind: 'already-applied', issue, file: plan.file }
				: { kind: 'rejected', issue, file: plan.file, reason: result.reason };
		}
		plan.source = result.source;
		return { kind: 'applied', issue, file: plan.file, summary: result.summary, source: result.source };
	});
}
