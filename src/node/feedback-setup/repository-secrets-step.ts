/** Step 2: the Actions secrets and variables the deploy workflow passes to the build, by name. */
import { listActionsSecretNames, listActionsVariables } from '../../github/repository-settings.ts';
import { hasRelay } from './build-settings-step.ts';
import type { SetupContext, StepResult } from './context.ts';
import { describeSettingsError } from './github-problem.ts';

const NAME = 'Repository secrets';
const WHERE = 'Settings → Secrets and variables → Actions';

/** Checks that MAP_SITE_SECRET (and with a relay MAP_RELAY_SECRET and MAPSITE_RELAY_URL) exist for .github/workflows/deploy.yml. */
export async function checkRepositorySecrets({ env, github }: Pick<SetupContext, 'env' | 'github'>): Promise<StepResult> {
	if (github === undefined) return { name: NAME, isOk: false, summary: 'not checked: no GitHub access.', todo: ['Set GITHUB_TOKEN and GITHUB_REPOSITORY (step 1).'] };
	let secrets: string[];
	let variables: Map<string, string>;
	try {
		secrets = await listActionsSecretNames(github.octokit, github.repo);
		variables = await listActionsVariables(github.octokit, github.repo);
	} catch (error) {
		return { name: NAME, isOk: false, summary: 'could not be read.', todo: [describeSettingsError(error, github.repo, 'the Actions secrets and variables', 'Secrets: read and Variables: read')] };
	}
	const isRelayUsed = hasRelay(env) || variables.has('MAPSITE_RELAY_URL');
	const todo: string[] = [];
	const needSecret = (name: string, why: string) => {
		if (!secrets.includes(name)) todo.push(`Add the secret ${name} under ${WHERE} → Secrets: ${why}`);
	};
	needSecret('MAP_SITE_SECRET', 'the same value as your local MAP_SITE_SECRET (or "siteSecret" in mapsite.secrets.json).');
	if (isRelayUsed) {
		needSecret('MAP_RELAY_SECRET', 'the same value as the relay\'s MAP_RELAY_SECRET, so pages carry tokens the relay accepts.');
		if (!variables.get('MAPSITE_RELAY_URL')?.trim()) {
			todo.push(`Add the variable MAPSITE_RELAY_URL under ${WHERE} → Variables: the relay's address${env.MAPSITE_RELAY_URL ? ` (${env.MAPSITE_RELAY_URL.trim()})` : ''}.`);
		}
	}
	const names = ['MAP_SITE_SECRET', ...(isRelayUsed ? ['MAP_RELAY_SECRET', 'MAPSITE_RELAY_URL'] : [])];
	return { name: NAME, isOk: todo.length === 0, summary: todo.length === 0 ? `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} set for the deploy workflow.` : `${todo.length} missing.`, todo };
}
