/** `npm run check`'s password step: the same strength floor as the build, for the passwords this machine has. */
import { join, resolve } from 'node:path';
import type { CheckedPlan } from '../lib/check/index.ts';
import { toWeakPasswordProblems } from '../lib/password-floor.ts';
import type { Problem } from '../lib/problems.ts';
import { resolvePasswords } from '../lib/secrets.ts';
import { checkDealPasswords } from './password-check.ts';
import { readSecretsFile, resolveSiteSecret, SECRETS_FILE } from './secrets-file.ts';

/**
 * A problem per gated plan whose password (from `MAP_PASSWORD_...` or the secrets file) is below
 * the floor; a missing password is the build's to report, and an unreadable secrets file is one problem.
 */
export async function findPasswordProblems(plans: readonly CheckedPlan[], env: NodeJS.ProcessEnv, root: string): Promise<Problem[]> {
	const secretsPath = env.MAPSITE_SECRETS || SECRETS_FILE;
	let secrets;
	let siteSecret: Uint8Array | undefined;
	try {
		secrets = await readSecretsFile(resolve(root, secretsPath));
		siteSecret = resolveSiteSecret(env, secrets);
	} catch (error) {
		// The message starts with the file's path, which the problem line already names.
		const message = (error as Error).message.replace(resolve(root, secretsPath), '').trim();
		return [{ file: secretsPath, path: '', message, severity: 'error', code: 'secrets-file' }];
	}
	const gated = plans.filter((checked) => checked.plan?.access === 'gated');
	const { passwords, origins } = resolvePasswords(gated.map((checked) => checked.slug), env, secrets);
	const cacheFile = join(root, '.mapsite', 'cache', 'password-floor.json');
	return toWeakPasswordProblems(await checkDealPasswords({ plans: gated, passwords, origins, secretsPath, cacheFile, siteSecret }));
}
