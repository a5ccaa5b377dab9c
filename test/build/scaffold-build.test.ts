/**
 * The rep's first build: two `npm run new` scaffolds whose placeholders are filled with the
 * template's own words build and publish (the site's own stylesheet shares words such as
 * "decision" with the template), and the build ends with each deal's address, the same one
 * `npm run links` prints.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { deriveDealPathId } from '../../src/lib/crypto/index.ts';
import { createPlanSource } from '../../src/lib/new-plan.ts';
import { findPlaceholderTexts } from '../../src/lib/placeholders.ts';
import { runScript } from '../scripts/run-script.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const SITE_SECRET = 'S'.repeat(43);
const SITE_URL = 'https://plans.example.test';
const TODAY = '2026-12-02';
const DEALS = { acme: 'Acme Corp', 'beta-labs': 'Beta Labs' };

describe('npm run build of fresh scaffolds', () => {
	let work = '';
	let env: Record<string, string> = {};
	let result: { status: number | null; stdout: string; stderr: string };

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'mapsite-scaffold-'));
		await mkdir(join(work, 'plans'));
		for (const [slug, buyer] of Object.entries(DEALS)) {
			// The build refuses placeholders; a rep who keeps the template's wording is the worst case for the scan.
			const scaffold = createPlanSource({ slug, buyer, seller: 'Tidewell Data', today: TODAY });
			const filled = findPlaceholderTexts(scaffold).reduce((text, placeholder) => text.replace(placeholder, placeholder.slice(2, -2)), scaffold);
			await writeFile(join(work, 'plans', `${slug}.mdx`), filled);
		}
		await writeFile(join(work, 'secrets.json'), JSON.stringify({ siteSecret: SITE_SECRET, passwords: { acme: 'acme brass lantern 47', 'beta-labs': 'beta brass lantern 47' } }));
		// Only what the test sets: a developer's own MAP_* or MAPSITE_* variables must not count.
		const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAP_') && !name.startsWith('MAPSITE_'))) as Record<string, string>;
		env = { ...base, MAP_TODAY: TODAY, MAPSITE_PLANS: join(work, 'plans'), MAPSITE_SECRETS: join(work, 'secrets.json'), MAPSITE_SITE_URL: SITE_URL, MAPSITE_DIST: join(work, 'dist') };
		const run = spawnSync(NODE, [join(ROOT, 'scripts/build.ts')], { cwd: ROOT, encoding: 'utf8', env });
		result = { status: run.status, stdout: run.stdout, stderr: run.stderr };
	}, 600_000);

	test('publishes both, with a clean leak scan', () => {
		expect(result.status, result.stdout + result.stderr).toBe(0);
		expect(result.stdout).toContain('leak scan clean');
	});

	test('ends by printing each built deal’s address', async () => {
		const tail = result.stdout.trimEnd().split('\n').slice(-4);
		expect(tail[0]).toBe('Built (2 deals), open at:');
		for (const slug of Object.keys(DEALS)) {
			expect(tail).toContain(`  ${slug.padEnd('beta-labs'.length)}  ${SITE_URL}/${await deriveDealPathId(Buffer.from(SITE_SECRET, 'base64url'), slug)}/`);
		}
	});

	test('prints the same addresses as npm run links, and puts none of it into dist/', async () => {
		const links = runScript('links.ts', [], ROOT, env);
		expect(links.status, links.stderr).toBe(0);
		for (const line of result.stdout.trimEnd().split('\n').slice(-3, -1)) expect(links.stdout).toContain(line);
		const files = await readdir(join(work, 'dist'), { recursive: true });
		expect(files.filter((file) => /links|address/i.test(file))).toEqual([]);
	});
});
