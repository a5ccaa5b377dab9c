import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../src/lib/check/index.ts';
import { PLAN } from '../lib/feedback/merge/fixture.ts';
import { runScript } from './run-script.ts';

let dir: string;

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'mapsite-rotate-'));
	await mkdir(join(dir, 'plans'));
	await writeFile(join(dir, 'plans', 'northwind.mdx'), PLAN);
	await writeFile(join(dir, 'plans', 'globex.mdx'), PLAN.replace('status: active\n', 'status: active\nkeyVersion: 4\n'));
});

afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

const readPlan = (slug: string) => readFile(join(dir, 'plans', `${slug}.mdx`), 'utf8');

describe('scripts/rotate-key.ts', () => {
	test('bumps keyVersion in each plan named, says what it changed and what happens next', async () => {
		const result = runScript('rotate-key.ts', ['northwind', 'globex'], dir);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatchInlineSnapshot(`
			"Rotated the content key of plans/northwind.mdx: keyVersion 1 -> 2.
			Rotated the content key of plans/globex.mdx: keyVersion 4 -> 5.

			Next:
			  1. Commit the plans and redeploy (npm run build, then publish dist/). Until then nothing changes for buyers.
			  2. Once the new build is live, every old share link and every device that remembered the plan stop working.
			  3. The password stays the same: buyers who have it unlock as before. Send new share links only to
			     the people who should still have one ("Copy share link" on the unlocked site).
			"
		`);
		expect(await readPlan('northwind')).toBe(PLAN.replace('status: active\n', 'status: active\nkeyVersion: 2\n'));
		expect(checkPlanSource('plans/globex.mdx', await readPlan('globex')).plan?.keyVersion).toBe(5);
		// Atomic writes leave no temp files behind.
		expect(await readdir(join(dir, 'plans'))).toEqual(['globex.mdx', 'northwind.mdx']);
	});

	test('reads plans from --plans', async () => {
		const result = runScript('rotate-key.ts', ['northwind', '--plans', join(dir, 'plans')], tmpdir());
		expect(result.status).toBe(0);
		expect(await readPlan('northwind')).toContain('keyVersion: 2\n');
	});

	test('names an unknown plan, exits 1 and changes none of the others', async () => {
		const result = runScript('rotate-key.ts', ['northwind', 'nowhere'], dir);
		expect(result.stderr).toMatchInlineSnapshot(`
			"plans/nowhere.mdx does not exist. Give the slug of a plan in that folder (its file name without .mdx).
			No plan was changed.
			"
		`);
		expect(result.stdout).toBe('');
		expect(result.status).toBe(1);
		expect(await readPlan('northwind')).toBe(PLAN);
	});

	test('names a plan that does not parse, exits 1 and leaves it as it was', async () => {
		await writeFile(join(dir, 'plans', 'broken.mdx'), '---\ntitle: [unclosed\n---\n');
		const result = runScript('rotate-key.ts', ['broken', 'northwind'], dir);
		expect(result.stderr).toMatchInlineSnapshot(`
			"plans/broken.mdx has frontmatter that is not valid YAML. Run npm run check and fix it first.
			No plan was changed.
			"
		`);
		expect(result.status).toBe(1);
		expect(await readFile(join(dir, 'plans', 'broken.mdx'), 'utf8')).toBe('---\ntitle: [unclosed\n---\n');
		expect(await readPlan('northwind')).toBe(PLAN);
	});

	test('refuses a slug that is not a plan name, so no path outside the plans folder is read', () => {
		const result = runScript('rotate-key.ts', ['../secrets'], dir);
		expect(result.stderr).toContain('The slug "../secrets" may use only lower-case letters');
		expect(result.status).toBe(1);
	});

	test('asks for a slug when given none', () => {
		const result = runScript('rotate-key.ts', [], dir);
		expect(result.stderr).toMatchInlineSnapshot(`
			"Name the plan whose key to rotate.
			    Usage: npm run rotate-key -- <slug> [<slug>...] [--plans <dir>]
			"
		`);
		expect(result.status).toBe(1);
	});
});
