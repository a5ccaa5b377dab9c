/** What the set-up steps share: the settings as the build reads them, GitHub access, and how to reach the relay. */
import type { Octokit } from '@octokit/rest';
import type { RepoRef } from '../../github/feedback-issues.ts';
import type { SecretsFile } from '../../schema/secrets.ts';

/** Everything a step may use; each step takes only the fields it needs (`Pick<SetupContext, ...>`), so tests pass fakes. */
export interface SetupContext {
	/** The environment, as `npm run build` and the relay read it. */
	env: Readonly<Record<string, string | undefined>>;
	/** The parsed `mapsite.secrets.json` (empty when there is none). */
	secretsFile: SecretsFile;
	/** Where the secrets file was read from, for messages. */
	secretsPath: string;
	/** GitHub access: present when GITHUB_TOKEN and the repository are set. */
	github: { octokit: Octokit; repo: RepoRef } | undefined;
	/** Whether to create missing labels (`--create-labels`). */
	createLabels: boolean;
	/** How to reach the relay; `globalThis.fetch` outside tests. */
	fetch: typeof fetch;
}

/** One step's outcome: a line saying what was found and, when it fails, what to do. */
export interface StepResult {
	/** Short name of the piece checked, e.g. "Labels". */
	name: string;
	isOk: boolean;
	/** What was found. */
	summary: string;
	/** What to do, one instruction a line; empty when all is well. */
	todo: string[];
}

/** A step: a small async check over the part of the context it needs. */
export type SetupStep = (context: SetupContext) => Promise<StepResult>;

/** The labels feedback issues need: the form's and the relay's label, and the two the merge and maintainers use. */
export const FEEDBACK_LABELS = [
	{ name: 'plan-feedback', color: '0e8a16', description: 'Buyer feedback on a plan; npm run feedback merges it.' },
	{ name: 'needs-rep', color: 'd93f0b', description: 'Feedback the merge could not apply; a rep has to look at it.' },
	{ name: 'feedback-trusted', color: '1d76db', description: 'A maintainer vouches for this feedback issue; the merge applies it.' },
] as const;

/** The repository variable listing the logins whose feedback issues are applied. */
export const TRUSTED_VARIABLE = 'MAP_FEEDBACK_TRUSTED';

/** The settings path on GitHub for the workflow permission, word for word. */
export const WORKFLOW_SETTINGS_PATH = 'Settings → Actions → General → Workflow permissions';
