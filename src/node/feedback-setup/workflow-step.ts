/** Step 5: Actions may run, and the feedback workflow may open its pull request with GITHUB_TOKEN. */
import { getWorkflowSettings } from '../../github/repository-settings.ts';
import { WORKFLOW_SETTINGS_PATH, type SetupContext, type StepResult } from './context.ts';
import { describeSettingsError } from './github-problem.ts';

const NAME = 'Workflow permission';

/**
 * Checks Settings → Actions → General. The feedback workflow asks for its own write permissions, so the
 * default (read or write) does not matter; opening a pull request with GITHUB_TOKEN needs its own switch.
 */
export async function checkWorkflowPermission({ github }: Pick<SetupContext, 'github'>): Promise<StepResult> {
	if (github === undefined) return { name: NAME, isOk: false, summary: 'not checked: no GitHub access.', todo: ['Set GITHUB_TOKEN and GITHUB_REPOSITORY (step 1).'] };
	let settings;
	try {
		settings = await getWorkflowSettings(github.octokit, github.repo);
	} catch (error) {
		return { name: NAME, isOk: false, summary: 'could not be read.', todo: [describeSettingsError(error, github.repo, 'the Actions settings', 'Administration: read')] };
	}
	const todo: string[] = [];
	if (!settings.isActionsEnabled) todo.push('Turn Actions on: Settings → Actions → General → Actions permissions → "Allow all actions and reusable workflows".');
	if (!settings.canCreatePullRequests) {
		todo.push(`Tick "Allow GitHub Actions to create and approve pull requests" under ${WORKFLOW_SETTINGS_PATH}, then Save; the feedback workflow opens its pull request with GITHUB_TOKEN.`);
	}
	return {
		name: NAME,
		isOk: todo.length === 0,
		summary: todo.length === 0 ? 'Actions run, and workflows may open pull requests.' : settings.isActionsEnabled ? 'workflows may not open pull requests.' : 'Actions are turned off for this repository.',
		todo,
	};
}
