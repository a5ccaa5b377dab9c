/**
 * `npm run relay`: serves the feedback relay with node:http, filing each buyer's feedback as a GitHub issue.
 * Set MAP_RELAY_SECRET, GITHUB_TOKEN and GITHUB_REPOSITORY; optionally GITHUB_API_URL, MAPSITE_PLANS,
 * MAP_RELAY_ALLOWED_ORIGINS, MAP_RELAY_TRUST_PROXY (how many proxies in front set X-Forwarded-For) and PORT.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createNodeListener, getSocketAddress } from '../src/relay/node-adapter.ts';
import { createRelayFromEnv } from '../src/relay/relay-from-env.ts';

const TEMPLATE_URL = new URL('../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url);

async function main(): Promise<number> {
	const relay = createRelayFromEnv(process.env, { template: await readFile(TEMPLATE_URL, 'utf8'), getClientAddress: getSocketAddress });
	if (!relay.ok) {
		console.error(`The feedback relay cannot start:\n${relay.problems.map((problem) => `  ${problem}`).join('\n')}`);
		return 1;
	}
	const { config } = relay;
	const server = createServer(createNodeListener(relay.handler));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, resolve);
	});
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : config.port;
	console.log(`Feedback relay for ${config.owner}/${config.repo} listening on http://localhost:${port}`);
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
