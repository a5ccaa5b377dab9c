/** Step 4: the repository variable naming whose feedback issues the merge applies. */
import { listActionsVariables } from '../../github/repository-settings.ts';
import { parseTrustedAuthors } from '../../lib/feedback/merge/plan-merge.ts';
import { hasRelay } from './build-settings-step.ts';
import { TRUSTED_VARIABLE, type SetupContext, type StepResult } from './context.ts';
import { describeSettingsError } from './github-problem.ts';

const NAME = 'Trusted users';
// GitHub logins: letters, digits and single hyphens; apps post as "name[bot]".
const LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}(\[bot\])?$/i;

/** Checks MAP_FEEDBACK_TRUSTED: needed under a relay (its bot opens the issues), optional without one. */
export async function checkTrustedUsers({ env, github }: Pick<SetupContext, 'env' | 'github'>): Promise<StepResult> {
	if (github === undefined) return { name: NAME, isOk: false, summary: 'not checked: no GitHub access.', todo: ['Set GITHUB_TOKEN and GITHUB_REPOSITORY (step 1).'] };
	let value: string | undefined;
	try {
		value = (await listActionsVariables(github.octokit, github.repo)).get(TRUSTED_VARIABLE);
	} catch (error) {
		return { name: NAME, isOk: false, summary: 'could not be read.', todo: [describeSettingsError(error, github.repo, 'the Actions variables', 'Variables: read')] };
	}
	const logins = [...parseTrustedAuthors(value)];
	const where = `the variable ${TRUSTED_VARIABLE} under Settings → Secrets and variables → Actions → Variables`;
	const wrong = logins.filter((login) => !LOGIN.test(login));
	if (wrong.length > 0) {
		return { name: NAME, isOk: false, summary: `${TRUSTED_VARIABLE} has ${wrong.map((login) => JSON.stringify(login)).join(', ')}, which ${wrong.length === 1 ? 'is not a GitHub login' : 'are not GitHub logins'}.`, todo: [`Fix ${where}: logins separated by commas, e.g. acme-relay-bot, sam-rep.`] };
	}
	if (logins.length > 0) return { name: NAME, isOk: true, summary: `${TRUSTED_VARIABLE} lists ${logins.join(', ')}; their feedback issues are applied.`, todo: [] };
	if (!hasRelay(env)) {
		return { name: NAME, isOk: true, summary: `${TRUSTED_VARIABLE} is not set; without a relay that is fine: label an issue feedback-trusted to have it applied.`, todo: [] };
	}
	return {
		name: NAME,
		isOk: false,
		summary: `${TRUSTED_VARIABLE} is not set, so issues the relay opens are left alone by the merge.`,
		todo: [`Add ${where}, set to the login of the account whose token the relay uses (e.g. acme-relay-bot).`],
	};
}
