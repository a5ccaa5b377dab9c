import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PLAN } from '../lib/plan-commands/fixture.ts';
import { runScript } from './run-script.ts';

let dir: string;
const planPath = () => join(dir, 'plans', 'emea', 'northwind.mdx');
const plan = (args: string[]) => runScript('plan.ts', args, dir, { MAP_TODAY: '2026-05-04' });

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'mapsite-plan-'));
	await mkdir(join(dir, 'plans', 'emea'), { recursive: true });
	await writeFile(planPath(), PLAN);
});

afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('scripts/plan.ts', () => {
	test('writes the change to the plan, found in any folder, and says what changed', async () => {
		const result = plan(['done', 'northwind', 'questionnaire']);
		expect(result.stdout).toMatchInlineSnapshot(`
			"Marked "questionnaire" (Answer the security questionnaire) done on 2026-05-04; it was in-progress.

			Updated plans/emea/northwind.mdx. Review it (git diff), commit, and redeploy for the buyer to see it.
			"
		`);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(await readFile(planPath(), 'utf8')).toContain('status: done\n    completedOn: 2026-05-04\n');
	});

	test('changes nothing on bad input, says what to type instead and exits 1', async () => {
		const result = plan(['slip', 'northwind', 'questionaire', '2026-05-20']);
		expect(result.stderr).toMatchInlineSnapshot(`
			"No action "questionaire" in the plan; did you mean "questionnaire"? Type: npm run plan -- slip northwind questionnaire 2026-05-20 --reason "..."
			    Known action ids: questionnaire, security-review, sign.
			--reason is missing. Add it, like: npm run plan -- slip northwind questionnaire 2026-05-20 --reason "Security team away until the 20th"
			Nothing was changed.
			"
		`);
		expect(result.stdout).toBe('');
		expect(result.status).toBe(1);
		expect(await readFile(planPath(), 'utf8')).toBe(PLAN);
	});

	test('suggests the deal meant when the name is short or misspelt', () => {
		const result = plan(['status', 'northwnd']);
		expect(result.stderr).toMatchInlineSnapshot(`
			"No deal "northwnd". Did you mean "northwind"? Type: npm run plan -- status northwind
			    Deals in plans: northwind.
			Nothing was changed.
			"
		`);
		expect(result.status).toBe(1);
	});

	test('prints the usage, without a stack trace, for an unknown verb, option or a missing argument', () => {
		for (const args of [['finish', 'northwind'], ['done', 'northwind', 'sign', '--when', 'today'], ['slip', 'northwind', 'sign']]) {
			const result = plan(args);
			expect(result.stderr).toContain('Usage: npm run plan -- <verb> <deal>');
			expect(result.stderr).not.toContain('    at ');
			expect(result.status).toBe(2);
		}
	});

	test('status prints and writes nothing', async () => {
		const result = plan(['status', 'northwind']);
		expect(result.stdout).toContain('Projected decision: 2026-06-12, on the planned date 2026-06-12.');
		expect(result.status).toBe(0);
		expect(await readFile(planPath(), 'utf8')).toBe(PLAN);
	});
});
