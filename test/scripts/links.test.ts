/** `npm run links`: addresses and share links from the same derivation as the build; writes nothing. */
import { mkdtemp, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildShareFragment, deriveContentKey, deriveDealPathId } from '../../src/lib/crypto/index.ts';
import { SHARE_LINK_WARNING } from '../../src/lib/deal-address.ts';
import { createPlanSource } from '../../src/lib/new-plan.ts';
import { runScript } from './run-script.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SITE_SECRET = 'L'.repeat(43);
const SITE_URL = 'https://plans.example.test';
const secret = Buffer.from(SITE_SECRET, 'base64url');

let work = '';
let env: Record<string, string | undefined> = {};
const links = (args: string[], extra: Record<string, string | undefined> = {}) => runScript('links.ts', args, ROOT, { ...env, ...extra });

beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'mapsite-links-'));
	await mkdir(join(work, 'plans'));
	for (const slug of ['acme', 'beta-labs']) {
		await writeFile(join(work, 'plans', `${slug}.mdx`), createPlanSource({ slug, buyer: slug === 'acme' ? 'Acme Corp' : 'Beta Labs', seller: 'Tidewell Data', today: '2026-12-02' }));
	}
	await writeFile(join(work, 'secrets.json'), JSON.stringify({ siteSecret: SITE_SECRET, passwords: {} }));
	// Only what the test sets: a developer's own MAP_* or MAPSITE_* variables must not count.
	env = Object.fromEntries(Object.keys(process.env).filter((name) => name.startsWith('MAP_') || name.startsWith('MAPSITE_')).map((name) => [name, undefined]));
	Object.assign(env, { MAPSITE_PLANS: join(work, 'plans'), MAPSITE_SECRETS: join(work, 'secrets.json'), MAPSITE_SITE_URL: SITE_URL });
});

describe('npm run links', () => {
	test('prints every deal’s address as the build derives it, then its share link and the warning', async () => {
		const result = links([]);
		expect(result.status, result.stderr).toBe(0);
		for (const slug of ['acme', 'beta-labs']) {
			const address = `${SITE_URL}/${await deriveDealPathId(secret, slug)}/`;
			const share = address + buildShareFragment(await deriveContentKey(secret, slug, 1));
			expect(result.stdout).toMatch(new RegExp(`^  ${slug}\\s+${address}$`, 'm'));
			expect(result.stdout).toMatch(new RegExp(`^  ${slug}\\s+${share.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
		}
		expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(SHARE_LINK_WARNING);
	});

	test('prints one deal when named', () => {
		const result = links(['beta-labs']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('beta-labs');
		expect(result.stdout).not.toContain('acme');
	});

	test('--summary prints a Markdown table of addresses and never a share link', async () => {
		const result = links(['--summary']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`| acme | gated | ${SITE_URL}/${await deriveDealPathId(secret, 'acme')}/ |`);
		expect(result.stdout).not.toContain('#k=');
		expect(result.stdout).not.toContain('Warning');
	});

	test('names an unknown deal, suggests the closest and lists the known ones', () => {
		const result = links(['acmee']);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('No plan "acmee" in');
		expect(result.stderr).toContain('Did you mean "acme"? Known plans: acme, beta-labs.');
		expect(result.stdout).toBe('');
	});

	test('says which variables to set when the site secret and the site URL are missing, both at once', () => {
		const result = links([], { MAPSITE_SECRETS: join(work, 'none.json'), MAPSITE_SITE_URL: undefined });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('No site secret, so the addresses cannot be derived');
		expect(result.stderr).toContain('Set MAP_SITE_SECRET');
		expect(result.stderr).toContain('Set MAPSITE_SITE_URL');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	test('writes no file', async () => {
		expect((await readdir(work)).sort()).toEqual(['plans', 'secrets.json']);
	});
});
