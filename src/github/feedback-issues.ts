/** Reads open plan-feedback issues and answers them (comment, close, label) through Octokit. */
import type { Octokit } from '@octokit/rest';

/** The repository the plans and their feedback issues live in. */
export interface RepoRef {
	owner: string;
	repo: string;
}

/** An open plan-feedback issue, reduced to what the merge needs. */
export interface FeedbackIssue {
	number: number;
	title: string;
	body: string;
	/** The login of the account that opened it (the relay's bot for relayed feedback). */
	author: string;
	/** Day it was opened, `YYYY-MM-DD` in UTC. */
	createdAt: string;
	labels: string[];
}

/** The label GitHub's issue form and the relay put on feedback issues. */
export const FEEDBACK_LABEL = 'plan-feedback';

/** Every open issue labelled plan-feedback, oldest first; pull requests are left out. */
export async function listFeedbackIssues(octokit: Octokit, { owner, repo }: RepoRef): Promise<FeedbackIssue[]> {
	const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
		owner,
		repo,
		state: 'open',
		labels: FEEDBACK_LABEL,
		per_page: 100,
	});
	return items
		.filter((item) => !item.pull_request)
		.map((item) => ({
			number: item.number,
			title: item.title,
			body: item.body ?? '',
			author: item.user?.login ?? '',
			createdAt: item.created_at.slice(0, 10),
			labels: item.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter(Boolean),
		}))
		.sort((a, b) => a.number - b.number);
}

/** The hidden line that marks the merge's comment on an issue; `step` tells apart comments for different outcomes. */
export function createCommentMarker(number: number, step?: string): string {
	return `<!-- mapsite:feedback:${number}${step === undefined ? '' : `:${step}`} -->`;
}

/**
 * Comments `body` on issue `number` with a hidden marker, unless a comment with that marker is
 * already there, so a re-run never posts twice. Returns whether it posted.
 */
export async function commentOnIssue(
	octokit: Octokit,
	{ owner, repo, number, body, step }: RepoRef & { number: number; body: string; step?: string },
): Promise<boolean> {
	const marker = createCommentMarker(number, step);
	const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
	if (comments.some((comment) => comment.body?.includes(marker))) return false;
	await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body: `${body}\n\n${marker}` });
	return true;
}

/** Closes issue `number` as completed. */
export async function closeIssue(octokit: Octokit, { owner, repo, number }: RepoRef & { number: number }): Promise<void> {
	await octokit.rest.issues.update({ owner, repo, issue_number: number, state: 'closed', state_reason: 'completed' });
}

/** Adds `labels` to issue `number`, e.g. `needs-rep` when a person has to look at it. */
export async function labelIssue(
	octokit: Octokit,
	{ owner, repo, number, labels }: RepoRef & { number: number; labels: string[] },
): Promise<void> {
	await octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels });
}
