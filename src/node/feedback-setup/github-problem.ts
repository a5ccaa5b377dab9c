/** Says what a failed GitHub settings request means for the set-up, naming the permission the token lacks. */
import { describeGitHubError } from '../../github/errors.ts';
import type { RepoRef } from '../../github/feedback-issues.ts';

/** One instruction for an Octokit error while reading `what`, which needs `permission` on a fine-grained token. */
export function describeSettingsError(error: unknown, repo: RepoRef, what: string, permission: string, action: 'show' | 'change' = 'show'): string {
	const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 0;
	if (status === 403 || status === 404) {
		return `GitHub did not let the token ${action} ${what} of ${repo.owner}/${repo.repo} (${status}): give GITHUB_TOKEN the "${permission}" permission (fine-grained token), or use a token of a repository admin, then run this again.`;
	}
	return describeGitHubError(error, repo);
}
