/**
 * The build's fail-closed promises, pinned where a rep meets them: `npm run build` in a project of
 * its own. Each test names the rule it pins; docs/mutation.md lists which test fails when which
 * rule is taken out of the code.
 *
 * - A build whose output would show gated text stops, names the phrase and the file, and leaves
 *   the published folder exactly as it was.
 * - A real build wraps every deal key with 600,000 PBKDF2 rounds, as the published shells record.
 * - No site secret, or no site URL: the build stops with its own message and writes nothing
 *   (asserted on that message, so the leak scan, the second layer, cannot stand in for it).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { createPlanSource } from '../../src/lib/new-plan.ts';
import { findPlaceholderTexts } from '../../src/lib/placeholders.ts';
import { createScratchProject } from '../../src/node/scratch-project.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const SITE_SECRET = 'P'.repeat(43);
const SITE_URL = 'https://plans.example.test';
const TODAY = '2026-12-02';
const BUYER = 'Quillfeather Logistics';
const PASSWORD = 'quill password for tests';

/** Every file under `dir` with the SHA-256 of its bytes; `undefined` when `dir` does not exist. */
async function hashTree(dir: string): Promise<Record<string, string> | undefined> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => undefined);
	if (!entries) return undefined;
	const hashes: Record<string, string> = {};
	for (const entry of entries.filter((item) => item.isFile())) {
		const path = join(entry.parentPath, entry.name);
		hashes[relative(dir, path).split(sep).join('/')] = createHash('sha256').update(await readFile(path)).digest('hex');
	}
	return hashes;
}

/** Folders of build leftovers (`.mapsite/stage-*`) that would hold plaintext. */
async function listStagingFolders(project: string): Promise<string[]> {
	return (await readdir(join(project, '.mapsite')).catch(() => [] as string[])).filter((name) => name.startsWith('stage-'));
}

describe('npm run build keeps its promises', () => {
	let project = '';
	let dist = '';
	/** The environment a configured project builds with; each test takes out what it needs to. */
	let env: Record<string, string> = {};

	function build(overrides: Record<string, string | undefined> = {}): { status: number | null; output: string } {
		const merged = Object.fromEntries(Object.entries({ ...env, ...overrides }).filter((entry): entry is [string, string] => entry[1] !== undefined));
		const run = spawnSync(NODE, [join(project, 'scripts/build.ts')], { cwd: project, encoding: 'utf8', env: merged });
		return { status: run.status, output: run.stdout + run.stderr };
	}

	beforeAll(async () => {
		project = join(await mkdtemp(join(tmpdir(), 'mapsite-promises-')), 'project');
		await createScratchProject(ROOT, project);
		// A rep's first plan, with the template's placeholders filled by their own words.
		const scaffold = createPlanSource({ slug: 'quillfeather', buyer: BUYER, seller: 'Tidewell Data', today: TODAY });
		const filled = findPlaceholderTexts(scaffold).reduce((text, placeholder) => text.replace(placeholder, placeholder.slice(2, -2)), scaffold);
		await writeFile(join(project, 'plans', 'quillfeather.mdx'), filled);
		await writeFile(join(project, 'passwords.json'), JSON.stringify({ passwords: { quillfeather: PASSWORD } }));
		// Only what the test sets: a developer's own MAP_* or MAPSITE_* variables must not count.
		const base = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => !entry[0].startsWith('MAP_') && !entry[0].startsWith('MAPSITE_') && entry[1] !== undefined));
		env = { ...base, MAP_TODAY: TODAY, MAP_SITE_SECRET: SITE_SECRET, MAPSITE_SITE_URL: SITE_URL, MAPSITE_SECRETS: join(project, 'passwords.json') };
		dist = join(project, 'dist');
		const first = build();
		expect(first.status, first.output).toBe(0);
	}, 600_000);

	test('a real build records 600,000 PBKDF2 rounds in every published gate manifest', async () => {
		const shells = [];
		for (const [path] of Object.entries((await hashTree(dist))!)) {
			if (!path.endsWith('.html')) continue;
			const html = await readFile(join(dist, path), 'utf8');
			const manifest = /<script type="application\/json" id="mapsite-gate">([\s\S]*?)<\/script>/.exec(html)?.[1];
			if (manifest) shells.push({ path, iterations: JSON.parse(manifest).wrappedKey.iterations });
		}
		expect(shells.length).toBeGreaterThanOrEqual(5);
		// The figure is written out, not imported: lowering the constant must fail this test.
		expect(shells.filter((shell) => shell.iterations !== 600_000)).toEqual([]);
	});

	test('a build whose output would show a gated phrase stops, names the phrase and file, and leaves dist byte for byte', async () => {
		const before = await hashTree(dist);
		expect(Object.keys(before!).length).toBeGreaterThan(10);
		// A rep drops call notes into public/, which Astro publishes as it is.
		await writeFile(join(project, 'public', 'call-notes.txt'), `Call with ${BUYER} on Tuesday.\n`);
		try {
			const result = build();
			expect(result.status, result.output).toBe(1);
			expect(result.output).toContain('The published site would show text of a gated plan outside its encrypted pages, so nothing was published (the published folder is unchanged).');
			expect(result.output).toContain(`call-notes.txt: contains "${BUYER}" from `);
			expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
			expect(await hashTree(dist)).toEqual(before);
			expect(await listStagingFolders(project)).toEqual([]);
		} finally {
			await rm(join(project, 'public', 'call-notes.txt'));
		}
	}, 600_000);

	test('no site secret stops the build with its own message and writes nothing', async () => {
		const before = await hashTree(dist);
		const result = build({ MAP_SITE_SECRET: undefined });
		expect(result.status, result.output).toBe(1);
		expect(result.output).toContain('No site secret, so no deal can be encrypted and nothing was built.');
		expect(result.output).toContain('Set MAP_SITE_SECRET');
		expect(result.output).not.toContain('would show text of a gated plan');
		expect(await hashTree(dist)).toEqual(before);
		expect(await listStagingFolders(project)).toEqual([]);
	}, 600_000);

	test('no site URL stops the build with its own message and writes nothing', async () => {
		const before = await hashTree(dist);
		const result = build({ MAPSITE_SITE_URL: undefined });
		expect(result.status, result.output).toBe(1);
		expect(result.output).toContain('No site URL, so link previews cannot point at their images and nothing was built.');
		expect(result.output).toContain('Set MAPSITE_SITE_URL');
		expect(result.output).not.toContain('would show text of a gated plan');
		expect(await hashTree(dist)).toEqual(before);
		expect(await listStagingFolders(project)).toEqual([]);
	}, 600_000);
});
