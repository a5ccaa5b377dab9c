/** Reads the relay's settings from environment variables (passed in as a plain record), listing every problem at once. */

import { parseTrustedHops } from './client-address.ts';
import { parseRelaySecret, RELAY_SECRET_MIN_BYTES } from './feedback-token.ts';

/** Everything a relay needs, on any host; no per-deal settings, since each token names and signs its deal. */
export interface RelayConfig {
	relaySecret: Uint8Array;
	githubToken: string;
	owner: string;
	repo: string;
	githubApiUrl: string;
	/** The folder of the plan files in the repository, where the relay reads each deal's current key version. */
	plansDir: string;
	allowedOrigins: string[];
	/** How many proxies in front append to X-Forwarded-For (MAP_RELAY_TRUST_PROXY); 0 trusts none. */
	trustedHops: number;
	/** The port `npm run relay` listens on. */
	port: number;
}

/** What a relay set-up from an older version still carries and no longer needs, each said in one line. */
const RETIRED_VARIABLES: Record<string, string> = {
	MAP_DEAL_IDS: 'MAP_DEAL_IDS is no longer read: each page\'s feedback token names and signs its deal, so the relay needs no deal list. You can delete it.',
};

function splitList(text: string | undefined): string[] {
	return (text ?? '')
		.split(',')
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

/** Parses the relay's variables; problems name the variable and the fix, notices name variables it now ignores. */
export function readRelayConfig(
	env: Readonly<Record<string, string | undefined>>,
): { ok: true; config: RelayConfig; notices: string[] } | { ok: false; problems: string[] } {
	const problems: string[] = [];

	let relaySecret = new Uint8Array(0);
	const secretText = env.MAP_RELAY_SECRET?.trim();
	if (!secretText) {
		problems.push(`MAP_RELAY_SECRET is not set; set it to at least ${RELAY_SECRET_MIN_BYTES} random bytes written as base64url, the same secret the build uses for feedback tokens.`);
	} else {
		const parsed = parseRelaySecret(secretText);
		if (parsed.ok) relaySecret = parsed.secret;
		else problems.push(parsed.problem);
	}

	const githubToken = env.GITHUB_TOKEN?.trim() ?? '';
	if (githubToken === '') problems.push('GITHUB_TOKEN is not set; use a token that may create issues and read contents in the plans repository.');

	const [owner = '', repo = '', ...rest] = (env.GITHUB_REPOSITORY?.trim() ?? '').split('/');
	if (!env.GITHUB_REPOSITORY?.trim()) {
		problems.push('GITHUB_REPOSITORY is not set; write it as owner/repo, for example acme/plans.');
	} else if (owner === '' || repo === '' || rest.length > 0) {
		problems.push(`GITHUB_REPOSITORY ${JSON.stringify(env.GITHUB_REPOSITORY)} is not owner/repo, for example acme/plans.`);
	}

	const githubApiUrl = env.GITHUB_API_URL?.trim() || 'https://api.github.com';
	if (!URL.canParse(githubApiUrl) || !/^https?:$/.test(new URL(githubApiUrl).protocol)) {
		problems.push(`GITHUB_API_URL ${JSON.stringify(githubApiUrl)} is not an http(s) URL.`);
	}

	const plansDir = (env.MAPSITE_PLANS?.trim() || 'plans').replace(/^\.?\/+|\/+$/g, '');
	if (plansDir === '' || plansDir.split('/').includes('..')) {
		problems.push(`MAPSITE_PLANS ${JSON.stringify(env.MAPSITE_PLANS)} is not a folder inside the repository, for example plans.`);
	}

	const allowedOrigins = splitList(env.MAP_RELAY_ALLOWED_ORIGINS);
	for (const origin of allowedOrigins) {
		if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
			problems.push(`MAP_RELAY_ALLOWED_ORIGINS entry ${JSON.stringify(origin)} is not an origin like https://plans.example.com.`);
		}
	}

	const hops = parseTrustedHops(env.MAP_RELAY_TRUST_PROXY);
	if (!hops.ok) problems.push(hops.problem);

	const portText = env.PORT?.trim() || '8787';
	const port = Number(portText);
	if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT ${JSON.stringify(portText)} is not a port number (0-65535).`);

	if (problems.length > 0) return { ok: false, problems };
	const notices = Object.keys(RETIRED_VARIABLES)
		.filter((name) => env[name] !== undefined && env[name] !== '')
		.map((name) => RETIRED_VARIABLES[name]!);
	return {
		ok: true,
		config: { relaySecret, githubToken, owner, repo, githubApiUrl, plansDir, allowedOrigins, trustedHops: hops.ok ? hops.hops : 0, port },
		notices,
	};
}
