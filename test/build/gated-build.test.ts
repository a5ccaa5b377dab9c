/**
 * Builds the bundled example plans once with test secrets and checks what a stranger with the
 * URLs could fetch: neutral shells and ciphertext, nothing else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkPlanSources } from '../../src/lib/check/index.ts';
import { decryptFile, deriveContentKey, importContentKey, buildFileAad, decodeUtf8, deriveDealPathId } from '../../src/lib/crypto/index.ts';
import { collectSentinels, findLeaks } from '../../src/lib/leak-scan.ts';
import { parseGateManifest } from '../../src/lib/gate/manifest.ts';
import { loadPlans } from '../../src/node/load-plans.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const SITE_SECRET = 'x'.repeat(43);
const SLUGS = ['northwind-data-platform', 'harbor-lightweight', 'meridian-closed-won', 'sinar-pangan-gudang'];
const PASSWORDS = Object.fromEntries(SLUGS.map((slug) => [`MAP_PASSWORD_${slug.toUpperCase().replace(/-/g, '_')}`, `${slug} brass lantern 47`]));

function runBuild(dist: string, env: Record<string, string | undefined>) {
	// No secrets file may leak into the test: only what the test passes counts.
	const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAP_')));
	return spawnSync(process.execPath, [ASTRO, 'build'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...base, MAP_TODAY: '2026-11-23', MAPSITE_SITE_URL: 'https://plans.example.test', MAPSITE_DIST: dist, MAPSITE_SECRETS: join(dist, '..', 'none.json'), ...env },
	});
}

function readManifest(shell: string) {
	return parseGateManifest(/<script type="application\/json" id="mapsite-gate">([^<]*)<\/script>/.exec(shell)![1]);
}

async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

describe('a gated build', () => {
	let dist = '';
	let output = '';
	let buildPid = 0;
	beforeAll(async () => {
		dist = join(await mkdtemp(join(tmpdir(), 'mapsite-build-')), 'dist');
		const result = runBuild(dist, { MAP_SITE_SECRET: SITE_SECRET, ...PASSWORDS });
		output = result.stdout + result.stderr;
		buildPid = result.pid;
		expect(result.status, output).toBe(0);
	});

	test('publishes every page of every deal as a shell plus an encrypted payload under an unguessable id', async () => {
		const files = await listFiles(dist);
		for (const slug of SLUGS) {
			const id = await deriveDealPathId(Buffer.from(SITE_SECRET, 'base64url'), slug);
			expect(files).toContain(`${id}/index.html`);
			expect(files).toContain(`${id}/index.html.enc`);
			expect(files.some((file) => file.includes(slug))).toBe(false);
		}
	});

	test('leaves no text of any plan readable anywhere in the published site', async () => {
		const { plans } = checkPlanSources(await loadPlans(join(ROOT, 'plans'), ROOT));
		const sentinels = plans.flatMap((checked) => collectSentinels(checked.slug, checked.plan!, checked.body));
		expect(sentinels.length).toBeGreaterThan(100);
		const paths = await listFiles(dist);
		const files = await Promise.all(paths.map(async (path) => ({ path, bytes: new Uint8Array(await readFile(join(dist, path))) })));
		expect(await findLeaks(files, sentinels, SLUGS)).toEqual([]);
	});

	test('encrypts the real content: the payload opens with the deal key and holds the plan', async () => {
		const secret = Buffer.from(SITE_SECRET, 'base64url');
		const id = await deriveDealPathId(secret, 'northwind-data-platform');
		const key = await importContentKey(await deriveContentKey(secret, 'northwind-data-platform', 1));
		const payload = new Uint8Array(await readFile(join(dist, id, 'index.html.enc')));
		const { buildId } = readManifest(await readFile(join(dist, id, 'index.html'), 'utf8'));
		const html = decodeUtf8(await decryptFile(key, payload, buildFileAad(id, buildId, 'index.html.enc')));
		expect(html).toContain('Northwind Freight');
		expect(html).toMatch(/^<mapsite-content/);
	});

	test('removes its plaintext staging folder after publishing', async () => {
		// Only this build's folder: other builds may be running at the same time.
		expect(buildPid).toBeGreaterThan(0);
		expect(existsSync(join(ROOT, '.mapsite', `stage-${buildPid}`))).toBe(false);
	});
});

describe('a build without passwords', () => {
	test('stops before rendering, names every variable to set, and writes nothing', async () => {
		const dist = join(await mkdtemp(join(tmpdir(), 'mapsite-build-')), 'dist');
		const result = runBuild(dist, { MAP_SITE_SECRET: SITE_SECRET, MAP_PASSWORD_HARBOR_LIGHTWEIGHT: 'only-one' });
		expect(result.status).not.toBe(0);
		const text = result.stdout + result.stderr;
		expect(text).toContain('3 gated plans have no password, so nothing was built');
		expect(text).toContain('MAP_PASSWORD_NORTHWIND_DATA_PLATFORM');
		expect(text).toContain('MAP_PASSWORD_MERIDIAN_CLOSED_WON');
		expect(text).toContain('MAP_PASSWORD_SINAR_PANGAN_GUDANG');
		expect(existsSync(dist)).toBe(false);
	});
});

describe('a build with weak passwords', () => {
	test('stops before rendering, names each weak password\'s variable and how to make a good one, and writes nothing', async () => {
		const dist = join(await mkdtemp(join(tmpdir(), 'mapsite-build-')), 'dist');
		const result = runBuild(dist, { ...PASSWORDS, MAP_SITE_SECRET: SITE_SECRET, MAP_PASSWORD_HARBOR_LIGHTWEIGHT: 'h', MAP_PASSWORD_MERIDIAN_CLOSED_WON: 'password1234' });
		expect(result.status).not.toBe(0);
		const text = result.stdout + result.stderr;
		expect(text).toContain('2 gated plans have passwords that could be guessed, so nothing was built:');
		expect(text).toContain('plans/harbor-lightweight.mdx: MAP_PASSWORD_HARBOR_LIGHTWEIGHT is too easy to guess: it is 1 character long');
		expect(text).toContain('plans/meridian-closed-won.mdx: MAP_PASSWORD_MERIDIAN_CLOSED_WON is too easy to guess: it scores');
		expect(text).toContain('openssl rand -base64 18');
		expect(text).not.toContain('password1234');
		expect(text).not.toMatch(/\n\s+at /);
		expect(existsSync(dist)).toBe(false);
	});
});
