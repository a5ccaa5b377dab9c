import { describe, expect, test } from 'vitest';
import { readRelayConfig } from '../../src/relay/relay-config.ts';

const SECRET = Buffer.alloc(32, 1).toString('base64url');
const VALID = { MAP_RELAY_SECRET: SECRET, GITHUB_TOKEN: 'ghp_x', GITHUB_REPOSITORY: 'acme/plans' };

describe('readRelayConfig', () => {
	test('needs only the secret, a token and the repository; the rest has defaults', () => {
		expect(readRelayConfig(VALID)).toEqual({
			ok: true,
			config: {
				relaySecret: new Uint8Array(32).fill(1),
				githubToken: 'ghp_x',
				owner: 'acme',
				repo: 'plans',
				githubApiUrl: 'https://api.github.com',
				plansDir: 'plans',
				allowedOrigins: [],
				trustedHops: 0,
				port: 8787,
			},
			notices: [],
		});
	});

	test('reads the optional variables', () => {
		const result = readRelayConfig({
			...VALID,
			GITHUB_API_URL: 'http://127.0.0.1:9999',
			MAPSITE_PLANS: './deals/',
			MAP_RELAY_ALLOWED_ORIGINS: 'https://plans.example.com, https://acme.github.io',
			MAP_RELAY_TRUST_PROXY: '2',
			PORT: '0',
		});
		expect(result.ok && result.config).toMatchObject({
			githubApiUrl: 'http://127.0.0.1:9999',
			plansDir: 'deals',
			allowedOrigins: ['https://plans.example.com', 'https://acme.github.io'],
			trustedHops: 2,
			port: 0,
		});
	});

	test('reads MAP_DEAL_IDS from an older set-up only to say, in one line, that it is no longer needed', () => {
		const result = readRelayConfig({ ...VALID, MAP_DEAL_IDS: 'k3v9q2xw7m4tp8ra=northwind, contoso' });
		expect(result.ok && result.notices).toMatchInlineSnapshot(`
			[
			  "MAP_DEAL_IDS is no longer read: each page's feedback token names and signs its deal, so the relay needs no deal list. You can delete it.",
			]
		`);
		expect(result.ok && Object.keys(result.config)).not.toContain('dealIds');
	});

	test('lists every missing variable at once', () => {
		expect(readRelayConfig({})).toMatchInlineSnapshot(`
			{
			  "ok": false,
			  "problems": [
			    "MAP_RELAY_SECRET is not set; set it to at least 32 random bytes written as base64url, the same secret the build uses for feedback tokens.",
			    "GITHUB_TOKEN is not set; use a token that may create issues and read contents in the plans repository.",
			    "GITHUB_REPOSITORY is not set; write it as owner/repo, for example acme/plans.",
			  ],
			}
		`);
	});

	test.each([
		[{ MAP_RELAY_SECRET: 'c2hvcnQ' }, 'MAP_RELAY_SECRET is 5 bytes; it must be at least 32.'],
		[{ MAP_RELAY_SECRET: 'not base64!' }, 'MAP_RELAY_SECRET is not base64url (letters, digits, "-" and "_" only).'],
		[{ GITHUB_REPOSITORY: 'plans' }, 'GITHUB_REPOSITORY "plans" is not owner/repo, for example acme/plans.'],
		[{ GITHUB_API_URL: 'ftp://x' }, 'GITHUB_API_URL "ftp://x" is not an http(s) URL.'],
		[{ MAPSITE_PLANS: '../secrets' }, 'MAPSITE_PLANS "../secrets" is not a folder inside the repository, for example plans.'],
		[{ MAP_RELAY_ALLOWED_ORIGINS: 'https://plans.example.com/deals' }, 'MAP_RELAY_ALLOWED_ORIGINS entry "https://plans.example.com/deals" is not an origin like https://plans.example.com.'],
		[
			{ MAP_RELAY_TRUST_PROXY: 'yes' },
			'MAP_RELAY_TRUST_PROXY "yes" is not a number of proxies from 0 to 10; set it to how many proxies in front of the relay append to X-Forwarded-For (usually 1), or leave it unset.',
		],
		[{ PORT: 'http' }, 'PORT "http" is not a port number (0-65535).'],
	])('refuses %j', (change, problem) => {
		expect(readRelayConfig({ ...VALID, ...change })).toEqual({ ok: false, problems: [problem] });
	});
});
