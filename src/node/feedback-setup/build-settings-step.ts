/** Step 1: the secrets and variables the build and the relay read here, as they read them. */
import { resolveSiteSecret } from '../secrets-file.ts';
import { readFeedbackSettings } from '../feedback-settings.ts';
import type { SetupContext, StepResult } from './context.ts';

/** Whether this environment sets a relay up (MAPSITE_RELAY_URL); without one, feedback comes by email or GitHub issue. */
export function hasRelay(env: SetupContext['env']): boolean {
	return Boolean(env.MAPSITE_RELAY_URL?.trim());
}

/** Checks MAP_SITE_SECRET (or the secrets file), MAPSITE_RELAY_URL with MAP_RELAY_SECRET, and GitHub access. */
export async function checkBuildSettings({ env, secretsFile, secretsPath }: Pick<SetupContext, 'env' | 'secretsFile' | 'secretsPath'>): Promise<StepResult> {
	const todo: string[] = [];
	const found: string[] = [];
	try {
		if (resolveSiteSecret(env as NodeJS.ProcessEnv, secretsFile) === undefined) {
			todo.push(`Set MAP_SITE_SECRET, or add "siteSecret" to ${secretsPath} (npm run new writes one): the build derives deal addresses, keys and email signatures from it.`);
		} else {
			found.push('site secret');
		}
	} catch (error) {
		const problem = (error as Error).message.replace(/\.$/, '');
		todo.push(`The site secret cannot be used (${problem}): it must be at least 32 random bytes written as base64url. Generate one with: node -e "console.log(crypto.randomBytes(32).toString('base64url'))"`);
	}
	try {
		const settings = await readFeedbackSettings(env, []);
		if (settings.relayUrl) found.push(`relay ${settings.relayUrl} with its secret`);
		else found.push('no relay (feedback comes by email or GitHub issue)');
	} catch (error) {
		todo.push((error as Error).message);
	}
	if (!env.GITHUB_TOKEN?.trim()) todo.push('Set GITHUB_TOKEN to a token that may read the repository\'s settings (the steps below need it).');
	const repository = env.MAPSITE_FEEDBACK_REPO?.trim() || env.GITHUB_REPOSITORY?.trim();
	if (!repository) todo.push('Set GITHUB_REPOSITORY to the plans repository as owner/name, for example acme/plans.');
	else found.push(`repository ${repository}`);
	return {
		name: 'Build settings',
		isOk: todo.length === 0,
		summary: todo.length === 0 ? `found ${found.join(', ')}.` : `${todo.length} missing or wrong.`,
		todo,
	};
}
