/**
 * The one relay every entry point serves (relay/cloudflare, relay/netlify, relay/vercel, `npm run relay`):
 * settings from environment variables, issues and key versions through Octokit, the host's client address.
 */

import { Octokit } from '@octokit/rest';
import { createForwardedAddressReader, type ClientAddressReader } from './client-address.ts';
import { createGitHubIssueCreator } from './github-issue-creator.ts';
import { createGitHubKeyVersionReader } from './github-key-versions.ts';
import { createRelayHandler } from './handler.ts';
import { cacheKeyVersions } from './key-version-cache.ts';
import { readRelayConfig, type RelayConfig } from './relay-config.ts';

/** What an entry point knows about its host. */
export interface RelayHost {
	/** The YAML text of `.github/ISSUE_TEMPLATE/plan-feedback.yml`. */
	template: string;
	/** How the host reports the client's address when MAP_RELAY_TRUST_PROXY is not set. */
	getClientAddress: ClientAddressReader;
	/** Where problems the operator must fix are written; console.error by default. */
	log?: (line: string) => void;
}

/** A relay's handler, or the problems that keep it from starting. */
export type EnvRelay = { ok: true; handler: (request: Request) => Promise<Response>; config: RelayConfig } | { ok: false; problems: string[] };

const QUIET = { debug() {}, info() {}, warn() {}, error() {} };

/** Builds the relay from `env`; logs retired variables once, and any failure to file an issue as it happens. */
export function createRelayFromEnv(env: Readonly<Record<string, string | undefined>>, host: RelayHost): EnvRelay {
	const log = host.log ?? ((line: string) => console.error(line));
	const result = readRelayConfig(env);
	if (!result.ok) return result;
	const { config, notices } = result;
	for (const notice of notices) log(notice);
	const octokit = new Octokit({ auth: config.githubToken, baseUrl: config.githubApiUrl, log: QUIET });
	const repository = { octokit, owner: config.owner, repo: config.repo };
	const handler = createRelayHandler({
		relaySecret: config.relaySecret,
		template: host.template,
		createIssue: createGitHubIssueCreator(repository),
		readKeyVersion: cacheKeyVersions(createGitHubKeyVersionReader({ ...repository, plansDir: config.plansDir }), Date.now),
		allowedOrigins: config.allowedOrigins,
		// Forwarded headers are only as honest as the proxies that set them, so they count only when configured.
		getClientAddress: config.trustedHops > 0 ? createForwardedAddressReader(config.trustedHops) : host.getClientAddress,
		onError: (error) => log(`Could not file feedback: ${describeError(error)}`),
	});
	return { ok: true, handler, config };
}

function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

/**
 * A handler for hosts that build the relay on their first request (Workers, Netlify, Vercel): set up once,
 * or, when the settings are wrong, answer 503 to every post and log why, never showing the settings to buyers.
 */
export function createLazyRelay(readEnv: () => Readonly<Record<string, string | undefined>>, readHost: () => RelayHost | Promise<RelayHost>) {
	let relay: Promise<EnvRelay> | undefined;
	return async (request: Request): Promise<Response> => {
		relay ??= Promise.resolve(readHost()).then((host) => {
			const built = createRelayFromEnv(readEnv(), host);
			if (!built.ok) (host.log ?? console.error)(`The feedback relay cannot start:\n${built.problems.map((problem) => `  ${problem}`).join('\n')}`);
			return built;
		});
		const built = await relay;
		if (built.ok) return built.handler(request);
		return new Response(JSON.stringify({ error: 'The feedback relay is not set up yet, so nothing was saved; tell the seller.' }), {
			status: 503,
			headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
		});
	};
}
