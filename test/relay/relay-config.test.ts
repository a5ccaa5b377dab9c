import { describe, expect, test } from 'vitest';
import { readRelayConfig } from '../../src/relay/relay-config.ts';

const SECRET = Buffer.alloc(32, 1).toString('base64url');
const VALID = { MAP_RELAY_SECRET: SECRET, GITHUB_TOKEN: 'ghp_x', GITHUB_REPOSITORY: 'acme/plans', MAP_DEAL_IDS: 'k3v9q2xw7m4tp8ra=northwind, contoso' };

describe('readRelayConfig', () => {
	test('reads the variables, with the GitHub API URL and port defaulted', () => {
		expect(readRelayConfig(VALID)).toEqual({
			ok: true,
			config: {
				relaySecret: new Uint8Array(32).fill(1),
				githubToken: 'ghp_x',
				owner: 'acme',
				repo: 'plans',
				githubApiUrl: 'https://api.github.com',
				dealIds: new Map([
					['k3v9q2xw7m4tp8ra', 'northwind'],
					['contoso', 'contoso'],
				]),
				allowedOrigins: [],
				port: 8787,
			},
		});
	});

	test('lists every missing variable at once', () => {
		expect(readRelayConfig({})).toMatchInlineSnapshot(`
			{
			  "ok": false,
			  "problems": [
			    "MAP_RELAY_SECRET is not set; set it to at least 32 random bytes written as base64url, the same secret the build uses for feedback tokens.",
			    "GITHUB_TOKEN is not set; use a token that may create issues in the plans repository.",
			    "GITHUB_REPOSITORY is not set; write it as owner/repo, for example acme/plans.",
			    "MAP_DEAL_IDS is not set; list the deal ids that may send feedback, separated by commas.",
			  ],
			}
		`);
	});

	test.each([
		[{ MAP_RELAY_SECRET: 'c2hvcnQ' }, 'MAP_RELAY_SECRET is 5 bytes; it must be at least 32.'],
		[{ MAP_RELAY_SECRET: 'not base64!' }, 'MAP_RELAY_SECRET is not base64url (letters, digits, "-" and "_" only).'],
		[{ GITHUB_REPOSITORY: 'plans' }, 'GITHUB_REPOSITORY "plans" is not owner/repo, for example acme/plans.'],
		[{ GITHUB_API_URL: 'ftp://x' }, 'GITHUB_API_URL "ftp://x" is not an http(s) URL.'],
		[{ MAP_DEAL_IDS: 'a,=b' }, 'MAP_DEAL_IDS entry "=b" is not "id" or "id=slug".'],
		[{ MAP_RELAY_ALLOWED_ORIGINS: 'https://plans.example.com/deals' }, 'MAP_RELAY_ALLOWED_ORIGINS entry "https://plans.example.com/deals" is not an origin like https://plans.example.com.'],
		[{ PORT: 'http' }, 'PORT "http" is not a port number (0-65535).'],
	])('refuses %j', (change, problem) => {
		expect(readRelayConfig({ ...VALID, ...change })).toEqual({ ok: false, problems: [problem] });
	});
});
