import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { planWith, VALID_YAML, wrapPlan } from '../lib/check/fixture.ts';
import { runScript } from './run-script.ts';

// Preloaded into a check run: counts the code modules of a package that Node resolves (import or require).
const countModules = (folder: string, label: string) =>
	`--import=data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
const loaded = new Set();
registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); if (found.url.includes('${folder}') && !found.url.endsWith('/package.json')) loaded.add(found.url); return found; } });
process.on('exit', () => process.stderr.write('${label}: ' + loaded.size + '\\n'));
`)}`;
const COUNT_ESTIMATOR_MODULES = countModules('/@zxcvbn-ts/', 'estimator modules');
const COUNT_HOLIDAY_MODULES = countModules('/date-holidays/', 'holiday modules');

let dir: string;

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'mapsite-check-'));
	await mkdir(join(dir, 'plans', 'emea'), { recursive: true });
});

afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function writePlan(name: string, source: string): Promise<void> {
	await writeFile(join(dir, 'plans', name), source);
}

describe('scripts/check.ts', () => {
	test('exits 0 and prints a summary when every plan is valid', async () => {
		await writePlan('northwind.mdx', wrapPlan(VALID_YAML));
		await writePlan('emea/acme.mdx', wrapPlan(VALID_YAML));
		const result = runScript('check.ts', [], dir);
		expect(result.stdout).toMatchInlineSnapshot(`
			"2 plans checked: 0 errors, 0 warnings
			"
		`);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	test('exits 1 and prints every problem of every plan at once', async () => {
		await writePlan('a.mdx', planWith((p) => (p.actions[1].status = 'finished')));
		await writePlan('b.mdx', planWith((p) => (p.brand.primary = '#7fb3ff')));
		await writePlan('emea/c.mdx', planWith((p) => (p.actions[1].dependsOn = ['legal-ok'])));
		const result = runScript('check.ts', [], dir);
		expect(result.stdout).toMatchInlineSnapshot(`
			"plans/a.mdx:39: actions[1] (security-review).status must be one of: todo, in-progress, done, blocked. Received: "finished".
			    Pick one of the listed values.
			plans/b.mdx:8: warning: brand.primary "#7fb3ff" has a contrast of 1.9:1 with the page background (#f5f7fa), below the 4.5:1 WCAG AA needs for text.
			    The site uses the darker shade "#5173a3" (4.5:1) for text instead; set brand.primary to a darker colour to choose the shade yourself.
			plans/emea/c.mdx:42: actions[1] (security-review).dependsOn[0] "legal-ok" matches no action id.
			    Use one of: demo, security-review.

			3 plans checked: 2 errors, 1 warning
			"
		`);
		expect(result.status).toBe(1);
	});

	test('exits 1 on a plan whose body carries markup that could run, naming file, line and markup', async () => {
		await copyFile(new URL('../fixtures/plan-body/hostile.mdx', import.meta.url), join(dir, 'plans', 'hostile.mdx'));
		await copyFile(new URL('../fixtures/plan-body/narrative.mdx', import.meta.url), join(dir, 'plans', 'narrative.mdx'));
		const result = runScript('check.ts', [], dir);
		expect(result.status).toBe(1);
		const lines = result.stdout.split('\n').filter((line) => line.startsWith('plans/'));
		expect(lines.every((line) => line.startsWith('plans/hostile.mdx:'))).toBe(true);
		expect(lines.slice(0, 4)).toEqual([
			`plans/hostile.mdx:110: body has <img onerror="window.pwned='img'">, whose onerror is an event handler, which runs code; the published page leaves it out.`,
			`plans/hostile.mdx:112: body has <details ontoggle="window.pwned='details'">, whose ontoggle is an event handler, which runs code; the published page leaves it out.`,
			`plans/hostile.mdx:114: body has <a href="javascript:window.pwned='a'">, whose href is not a web (http, https), email (mailto:) or relative link; the published page leaves it out.`,
			`plans/hostile.mdx:114: body has <a href="javascript:window.pwned='entity'">, whose href is not a web (http, https), email (mailto:) or relative link; the published page leaves it out.`,
		]);
		for (const markup of ['<svg>', '<iframe>', '<object>', '<meta>', '<base>', '<form>', 'data:text/html', 'style="position:fixed', 'Markdown link to "javascript:window.pwned=\'md\'"', '"javascript:window.pwned=\'ref\'"', '<script>']) {
			expect(result.stdout).toContain(markup);
		}
		expect(result.stdout).toContain('2 plans checked: 27 errors, 0 warnings');
	});

	test('exits 0 on warnings alone', async () => {
		await writePlan('b.mdx', planWith((p) => (p.brand.primary = '#7fb3ff')));
		expect(runScript('check.ts', [], dir).status).toBe(0);
	});

	test('exits 1 on warnings with --strict', async () => {
		await writePlan('b.mdx', planWith((p) => (p.brand.primary = '#7fb3ff')));
		expect(runScript('check.ts', ['--strict'], dir).status).toBe(1);
	});

	test('reports two plans with the same slug in different folders', async () => {
		await writePlan('acme.mdx', wrapPlan(VALID_YAML));
		await writePlan('emea/acme.mdx', wrapPlan(VALID_YAML));
		const result = runScript('check.ts', [], dir);
		expect(result.stdout).toMatchInlineSnapshot(`
			"plans/emea/acme.mdx: has the slug "acme", which plans/acme.mdx already uses.
			    Rename one of the files; the file name becomes the site name, so it must be unique across all folders.

			2 plans checked: 1 error, 0 warnings
			"
		`);
		expect(result.status).toBe(1);
	});

	test('reads the plans folder given with --plans', async () => {
		await mkdir(join(dir, 'elsewhere'));
		await writeFile(join(dir, 'elsewhere', 'x.mdx'), 'no frontmatter');
		const result = runScript('check.ts', ['--plans', 'elsewhere'], dir);
		expect(result.stdout).toContain('elsewhere/x.mdx:1: does not start with');
		expect(result.status).toBe(1);
	});

	test('says clearly when the plans folder is missing, without a stack trace', () => {
		const result = runScript('check.ts', ['--plans', 'nope'], dir);
		expect(result.stderr).toMatchInlineSnapshot(`
			"The plans folder nope does not exist.
			    Create it with \`npm run new -- <slug> --buyer "..." --seller "..."\`, or pass --plans <dir>.
			"
		`);
		expect(result.status).toBe(1);
	});

	test('rejects an unknown option with the usage', () => {
		const result = runScript('check.ts', ['--strcit'], dir);
		expect(result.stderr).toContain('Usage: npm run check');
		expect(result.stderr).not.toContain('    at ');
		expect(result.status).toBe(2);
	});

	describe('in a git repository', () => {
		const git = (...args: string[]) =>
			execFileSync('git', ['-c', 'user.name=Rep', '-c', 'user.email=rep@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });

		beforeEach(() => {
			git('init', '--quiet');
		});

		test('a due date changed since the last commit without a dateChanges entry is an error', async () => {
			await writePlan('northwind.mdx', wrapPlan(VALID_YAML));
			git('add', '-A');
			git('commit', '--quiet', '-m', 'plan');
			await writePlan('northwind.mdx', planWith((p) => (p.actions[1].due = '2026-05-22')));
			const result = runScript('check.ts', [], dir);
			expect(result.stdout).toMatchInlineSnapshot(`
				"plans/northwind.mdx:38: actions[1] (security-review).due "2026-05-22" was "2026-05-15" in the last commit, and no dateChanges entry records the move.
				    Add a dateChanges entry (on: the day it was agreed, from: 2026-05-15, to: 2026-05-22, reason: "..."), or put due back to 2026-05-15 and run: npm run plan -- slip northwind security-review 2026-05-22 --reason "..."

				1 plan checked: 1 error, 0 warnings
				"
			`);
			expect(result.status).toBe(1);
		});

		test('a plan that is new or not committed yet is compared with nothing', async () => {
			await writePlan('northwind.mdx', planWith((p) => (p.actions[1].due = '2026-05-22')));
			expect(runScript('check.ts', [], dir).status).toBe(0);
			await writeFile(join(dir, 'README.md'), 'first commit without the plan\n');
			git('add', 'README.md');
			git('commit', '--quiet', '-m', 'readme');
			expect(runScript('check.ts', [], dir).stdout).toContain('0 errors');
		});

		test('a committed plan whose dates did not move passes', async () => {
			await writePlan('emea/acme.mdx', wrapPlan(VALID_YAML));
			git('add', '-A');
			git('commit', '--quiet', '-m', 'plan');
			await writePlan('emea/acme.mdx', planWith((p) => (p.actions[1].title = 'Security review with the CISO')));
			expect(runScript('check.ts', [], dir).status).toBe(0);
		});
	});
});

describe('scripts/check.ts and deal passwords', () => {
	test('refuses a one-letter and a common password, naming the variable and the secrets-file entry', async () => {
		await writePlan('northwind.mdx', wrapPlan(VALID_YAML));
		await writePlan('acme.mdx', wrapPlan(VALID_YAML));
		await writeFile(join(dir, 'mapsite.secrets.json'), JSON.stringify({ passwords: { acme: 'password' } }));
		const result = runScript('check.ts', [], dir, { MAP_PASSWORD_NORTHWIND: 'a', MAPSITE_SECRETS: 'mapsite.secrets.json' });
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('plans/northwind.mdx: MAP_PASSWORD_NORTHWIND is too easy to guess: it is 1 character long');
		expect(result.stdout).toContain('plans/acme.mdx: "acme" under "passwords" in mapsite.secrets.json is too easy to guess');
		expect(result.stdout).toContain('openssl rand -base64 18');
		expect(result.stdout).not.toContain('"password"');
	});

	test('accepts a strong password', async () => {
		await writePlan('northwind.mdx', wrapPlan(VALID_YAML));
		const result = runScript('check.ts', [], dir, { MAP_PASSWORD_NORTHWIND: 'correct horse battery staple 42' });
		expect(result.stdout).toContain('1 plan checked: 0 errors');
		expect(result.status).toBe(0);
	});
});

describe('scripts/check.ts start-up', () => {
	// zxcvbn's dictionaries are a quarter of a second of a check's start-up (docs/performance.md).
	test('loads the password estimator only when there is a password to score', async () => {
		await writePlan('northwind.mdx', wrapPlan(VALID_YAML));
		const withoutPassword = runScript('check.ts', [], dir, { NODE_OPTIONS: COUNT_ESTIMATOR_MODULES });
		expect(withoutPassword.status).toBe(0);
		expect(withoutPassword.stderr).toContain('estimator modules: 0');
		const withPassword = runScript('check.ts', [], dir, { NODE_OPTIONS: COUNT_ESTIMATOR_MODULES, MAP_PASSWORD_NORTHWIND: 'correct horse battery staple 42' });
		expect(withPassword.status).toBe(0);
		expect(withPassword.stderr).toMatch(/estimator modules: [1-9]/);
	});

	// Holiday rules for 200 countries and the calendars behind them cost a quarter of a second to load.
	test('answers holidays from the last run without loading the holiday library, with the same findings', async () => {
		await writePlan('northwind.mdx', planWith((p) => (p.buyer.calendar = { country: 'ID' })));
		const first = runScript('check.ts', [], dir, { NODE_OPTIONS: COUNT_HOLIDAY_MODULES });
		expect(first.stderr).toMatch(/holiday modules: [1-9]/);
		const second = runScript('check.ts', [], dir, { NODE_OPTIONS: COUNT_HOLIDAY_MODULES });
		expect(second.stderr).toContain('holiday modules: 0');
		expect(second.stdout).toBe(first.stdout);
		expect(second.status).toBe(first.status);
	});
});
