/** Reads (and, for labels, writes) the repository settings buyer feedback depends on, through Octokit. */
import type { Octokit } from '@octokit/rest';
import type { RepoRef } from './feedback-issues.ts';

/** A label as the set-up check needs it. */
export interface LabelSpec {
	name: string;
	/** Six hex digits, no `#`. */
	color: string;
	description: string;
}

/** The names of every label in the repository. */
export async function listLabelNames(octokit: Octokit, { owner, repo }: RepoRef): Promise<string[]> {
	const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { owner, repo, per_page: 100 });
	return labels.map((label) => label.name);
}

/** Creates one label. */
export async function createLabel(octokit: Octokit, { owner, repo }: RepoRef, label: LabelSpec): Promise<void> {
	await octokit.rest.issues.createLabel({ owner, repo, name: label.name, color: label.color, description: label.description });
}

/** The names of the repository's Actions secrets (GitHub never returns their values). */
export async function listActionsSecretNames(octokit: Octokit, { owner, repo }: RepoRef): Promise<string[]> {
	const secrets = await octokit.paginate(octokit.rest.actions.listRepoSecrets, { owner, repo, per_page: 100 });
	return secrets.map((secret) => secret.name);
}

/** The repository's Actions variables, name to value. */
export async function listActionsVariables(octokit: Octokit, { owner, repo }: RepoRef): Promise<Map<string, string>> {
	const variables = await octokit.paginate(octokit.rest.actions.listRepoVariables, { owner, repo, per_page: 30 });
	return new Map(variables.map((variable) => [variable.name, variable.value]));
}

/** Whether Actions run in the repository, and whether workflows may open pull requests with GITHUB_TOKEN. */
export interface WorkflowSettings {
	isActionsEnabled: boolean;
	/** `read` or `write`: what GITHUB_TOKEN may do in a workflow that does not say. */
	defaultPermissions: string;
	canCreatePullRequests: boolean;
}

/** Reads Settings → Actions → General for the repository. */
export async function getWorkflowSettings(octokit: Octokit, { owner, repo }: RepoRef): Promise<WorkflowSettings> {
	const actions = await octokit.rest.actions.getGithubActionsPermissionsRepository({ owner, repo });
	const workflow = await octokit.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository({ owner, repo });
	return {
		isActionsEnabled: actions.data.enabled,
		defaultPermissions: workflow.data.default_workflow_permissions,
		canCreatePullRequests: workflow.data.can_approve_pull_request_reviews,
	};
}
