/** The relay's one link to GitHub: creates an issue with an Octokit instance the caller sets up. */

import type { Octokit } from '@octokit/rest';
import type { CreatedIssue, IssueInput } from './handler.ts';

/** Where issues go, and the client that creates them. */
export interface GitHubIssueCreatorOptions {
	octokit: Octokit;
	owner: string;
	repo: string;
}

/** Returns a `createIssue` for the relay that files issues in `owner/repo`; GitHub's errors are passed through. */
export function createGitHubIssueCreator({ octokit, owner, repo }: GitHubIssueCreatorOptions): (input: IssueInput) => Promise<CreatedIssue> {
	return async ({ title, body, labels }) => {
		const { data } = await octokit.rest.issues.create({ owner, repo, title, body, labels });
		return { number: data.number, url: data.html_url };
	};
}
