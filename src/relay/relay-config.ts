/** Reads the relay's settings from environment variables (passed in as a plain record), listing every problem at once. */

import { parseRelaySecret, RELAY_SECRET_MIN_BYTES } from './feedback-token.ts';

/** Everything `npm run relay` needs to start. */
export interface RelayConfig {
	relaySecret: Uint8Array;
	githubToken: string;
	owner: string;
	repo: string;
	githubApiUrl: string;
	dealIds: Map<string, string>;
	allowedOrigins: string[];
	port: number;
}

function splitList(text: string | undefined): string[] {
	return (text ?? '')
		.split(',')
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

/** Parses the relay's variables; `MAP_DEAL_IDS` entries are `id` or `id=slug`. Problems name the variable and the fix. */
export function readRelayConfig(env: Readonly<Record<string, string | undefined>>): { ok: true; config: RelayConfig } | { ok: false; problems: string[] } {
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
	if (githubToken === '') problems.push('GITHUB_TOKEN is not set; use a token that may create issues in the plans repository.');

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

	const dealIds = new Map<string, string>();
	for (const entry of splitList(env.MAP_DEAL_IDS)) {
		const [id = '', slug = id] = entry.split('=').map((part) => part.trim());
		if (id === '' || slug === '') problems.push(`MAP_DEAL_IDS entry ${JSON.stringify(entry)} is not "id" or "id=slug".`);
		else dealIds.set(id, slug);
	}
	if (dealIds.size === 0 && !problems.some((problem) => problem.startsWith('MAP_DEAL_IDS'))) {
		problems.push('MAP_DEAL_IDS is not set; list the deal ids that may send feedback, separated by commas.');
	}

	const allowedOrigins = splitList(env.MAP_RELAY_ALLOWED_ORIGINS);
	for (const origin of allowedOrigins) {
		if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
			problems.push(`MAP_RELAY_ALLOWED_ORIGINS entry ${JSON.stringify(origin)} is not an origin like https://plans.example.com.`);
		}
	}

	const portText = env.PORT?.trim() || '8787';
	const port = Number(portText);
	if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT ${JSON.stringify(portText)} is not a port number (0-65535).`);

	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, config: { relaySecret, githubToken, owner, repo, githubApiUrl, dealIds, allowedOrigins, port } };
}
