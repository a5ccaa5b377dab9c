/**
 * `npm run setup-feedback [-- --create-labels]`: checks, in order, everything buyer feedback needs (build
 * settings, repository secrets, labels, trusted users, workflow permission, the relay) and says what is missing.
 * Reads the same variables as the build: MAP_SITE_SECRET (or mapsite.secrets.json), MAPSITE_RELAY_URL,
 * MAP_RELAY_SECRET, GITHUB_TOKEN, GITHUB_REPOSITORY (or MAPSITE_FEEDBACK_REPO), GITHUB_API_URL.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Octokit } from '@octokit/rest';
import type { SetupContext } from '../src/node/feedback-setup/context.ts';
import { formatStepResult, runFeedbackSetup } from '../src/node/feedback-setup/run-setup.ts';
import { readSecretsFile, SECRETS_FILE } from '../src/node/secrets-file.ts';

async function main(): Promise<number> {
	const { values } = parseArgs({ options: { 'create-labels': { type: 'boolean', default: false } } });
	const env = process.env;
	const secretsPath = env.MAPSITE_SECRETS ?? join(process.cwd(), SECRETS_FILE);
	const token = env.GITHUB_TOKEN?.trim();
	const [owner = '', repo = '', ...rest] = (env.MAPSITE_FEEDBACK_REPO?.trim() || env.GITHUB_REPOSITORY?.trim() || '').split('/');
	const hasRepo = owner !== '' && repo !== '' && rest.length === 0;
	const context: SetupContext = {
		env,
		secretsFile: await readSecretsFile(secretsPath),
		secretsPath,
		github:
			token && hasRepo
				? {
						octokit: new Octokit({ auth: token, baseUrl: env.GITHUB_API_URL || 'https://api.github.com', log: { debug() {}, info() {}, warn() {}, error() {} } }),
						repo: { owner, repo },
					}
				: undefined,
		createLabels: values['create-labels'],
		fetch: globalThis.fetch,
	};
	const results = await runFeedbackSetup(context);
	console.log(results.map(formatStepResult).join('\n'));
	const failing = results.filter((result) => !result.isOk).length;
	console.log(
		failing === 0
			? '\nFeedback is set up. Rebuild and publish the site so its pages carry the current settings.'
			: `\n${failing} of ${results.length} checks need attention; fix them in order and run npm run setup-feedback again. Nothing was changed${values['create-labels'] ? ' except the labels listed as created' : ''}.`,
	);
	return failing === 0 ? 0 : 1;
}

main().then(
	(code) => {
		if (code !== 0) process.exitCode = code;
	},
	(error: unknown) => {
		console.error(`The feedback set-up check stopped: ${(error as Error).message ?? String(error)}`);
		process.exitCode = 1;
	},
);
