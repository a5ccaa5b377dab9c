/** Step 3: the labels feedback issues carry; created when asked (`--create-labels`). */
import { createLabel, listLabelNames } from '../../github/repository-settings.ts';
import { FEEDBACK_LABELS, type SetupContext, type StepResult } from './context.ts';
import { describeSettingsError } from './github-problem.ts';

const NAME = 'Labels';

/** Checks plan-feedback, needs-rep and feedback-trusted; with `createLabels`, creates the missing ones. */
export async function checkLabels({ github, createLabels: isCreating }: Pick<SetupContext, 'github' | 'createLabels'>): Promise<StepResult> {
	if (github === undefined) return { name: NAME, isOk: false, summary: 'not checked: no GitHub access.', todo: ['Set GITHUB_TOKEN and GITHUB_REPOSITORY (step 1).'] };
	let existing: string[];
	try {
		existing = await listLabelNames(github.octokit, github.repo);
	} catch (error) {
		return { name: NAME, isOk: false, summary: 'could not be read.', todo: [describeSettingsError(error, github.repo, 'the labels', 'Issues: read')] };
	}
	// GitHub matches label names without regard to case, so "Plan-Feedback" already serves.
	const have = new Set(existing.map((name) => name.toLowerCase()));
	const missing = FEEDBACK_LABELS.filter((label) => !have.has(label.name));
	if (missing.length === 0) return { name: NAME, isOk: true, summary: `${FEEDBACK_LABELS.map((label) => label.name).join(', ')} exist.`, todo: [] };
	const names = missing.map((label) => label.name).join(', ');
	if (!isCreating) {
		return {
			name: NAME,
			isOk: false,
			summary: `${names} ${missing.length === 1 ? 'is' : 'are'} missing; without plan-feedback, issues from the form are not found by the merge.`,
			todo: ['Run npm run setup-feedback -- --create-labels, or add them under Issues → Labels → New label.'],
		};
	}
	const created: string[] = [];
	for (const label of missing) {
		try {
			await createLabel(github.octokit, github.repo, label);
			created.push(label.name);
		} catch (error) {
			const left = missing.filter((other) => !created.includes(other.name)).map((other) => other.name).join(', ');
			return {
				name: NAME,
				isOk: false,
				summary: created.length > 0 ? `created ${created.join(', ')}; ${left} not created.` : `${left} not created.`,
				todo: [describeSettingsError(error, github.repo, 'the labels', 'Issues: read and write', 'change')],
			};
		}
	}
	return { name: NAME, isOk: true, summary: `created ${created.join(', ')}.`, todo: [] };
}
