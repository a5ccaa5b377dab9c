/**
 * `npm run relay`: serves the feedback relay with node:http, filing each buyer's feedback as a GitHub issue.
 * Set MAP_RELAY_SECRET, GITHUB_TOKEN, GITHUB_REPOSITORY and MAP_DEAL_IDS; optionally GITHUB_API_URL,
 * MAP_RELAY_ALLOWED_ORIGINS, MAP_RELAY_TRUST_PROXY=1 (behind a proxy that sets X-Forwarded-For) and PORT.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { Octokit } from '@octokit/rest';
import { createGitHubIssueCreator } from '../src/relay/github-issue-creator.ts';
import { createRelayHandler, getForwardedClientAddress } from '../src/relay/handler.ts';
import { createNodeListener, getSocketAddress } from '../src/relay/node-adapter.ts';
import { readRelayConfig } from '../src/relay/relay-config.ts';

const TEMPLATE_URL = new URL('../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url);

async function main(): Promise<number> {
	const result = readRelayConfig(process.env);
	if (!result.ok) {
		console.error(`The feedback relay cannot start:\n${result.problems.map((problem) => `  ${problem}`).join('\n')}`);
		return 1;
	}
	const { config } = result;
	const octokit = new Octokit({ auth: config.githubToken, baseUrl: config.githubApiUrl, log: { debug() {}, info() {}, warn() {}, error() {} } });
	const handler = createRelayHandler({
		relaySecret: config.relaySecret,
		dealIds: config.dealIds,
		template: await readFile(TEMPLATE_URL, 'utf8'),
		createIssue: createGitHubIssueCreator({ octokit, owner: config.owner, repo: config.repo }),
		allowedOrigins: config.allowedOrigins,
		// Forwarded headers are only as honest as the proxy that sets them; without one, the socket is the truth.
		getClientAddress: process.env.MAP_RELAY_TRUST_PROXY === '1' ? getForwardedClientAddress : getSocketAddress,
		onError: (error) => console.error(`Could not file feedback: ${(error as Error).message ?? String(error)}`),
	});
	const server = createServer(createNodeListener(handler));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, resolve);
	});
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : config.port;
	console.log(`Feedback relay for ${config.owner}/${config.repo} (${config.dealIds.size} ${config.dealIds.size === 1 ? 'deal' : 'deals'}) listening on http://localhost:${port}`);
	return 0;
}

main().then(
	(code) => {
		if (code !== 0) process.exitCode = code;
	},
	(error: unknown) => {
		const code = (error as NodeJS.ErrnoException).code;
		console.error(code === 'EADDRINUSE' ? 'The port is already in use; set PORT to a free one.' : `The feedback relay stopped: ${(error as Error).message}`);
		process.exitCode = 1;
	},
);
