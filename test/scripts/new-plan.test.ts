import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../src/lib/check/index.ts';
import { runScript } from './run-script.ts';

let dir: string;
const ARGS = ['--buyer', 'Northwind', '--seller', 'Acme', '--today', '2026-11-20'];

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'mapsite-new-'));
});

afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function readSecrets(): Promise<{ passwords: Record<string, string> }> {
	return JSON.parse(await readFile(join(dir, 'mapsite.secrets.json'), 'utf8'));
}

describe('scripts/new-plan.ts', () => {
	test('writes a valid plan and stores its password', async () => {
		const result = runScript('new-plan.ts', ['northwind', ...ARGS], dir);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const source = await readFile(join(dir, 'plans', 'northwind.mdx'), 'utf8');
		const problems = checkPlanSource('plans/northwind.mdx', source).problems;
		expect(problems.filter((problem) => problem.code !== 'placeholder')).toEqual([]);
		const { passwords } = await readSecrets();
		expect(passwords.northwind).toMatch(/^[A-Za-z2-9]{24}$/);
		expect(result.stdout.replace(passwords.northwind, '<password>')).toMatchInlineSnapshot(`
			"Created plan "northwind" in plans/northwind.mdx (full template, English).
			Site password: <password>
			    Stored in mapsite.secrets.json under passwords.northwind (git-ignored; keep it out of commits).
			    For CI, set the repository secret MAP_PASSWORD_NORTHWIND to the same password.
			Created the site secret in mapsite.secrets.json (siteSecret): it derives every deal's address and key.
			    For CI, set the repository secret MAP_SITE_SECRET to the same value, and keep it: a new one changes every address.

			Next steps:
			  1. Open plans/northwind.mdx and replace every text between [[ and ]] with the real content.
			     The people are stand-ins: write each real name, and rename the id (like dana-whitfield) to match everywhere.
			  2. npm run check    lists every placeholder still left, with its line and field.
			  3. npm run build    refuses to publish while any placeholder is left, then prints the deal's address.

			Send the buyer the link and the password through different channels,
			for example the link by email and the password by phone or chat, so one leaked message is not enough.
			"
		`);
	});

	test.each([
		['light', 'id', 'langkah berikutnya', 'sari-wulandari'],
		['full', 'id', 'rencana evaluasi', 'sari-wulandari'],
		['light', 'en', 'next steps', 'dana-whitfield'],
	])('writes the %s template in %s', async (template, locale, title, person) => {
		const result = runScript('new-plan.ts', ['northwind', ...ARGS, '--template', template, '--locale', locale], dir);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`like ${person}`);
		const checked = checkPlanSource('plans/northwind.mdx', await readFile(join(dir, 'plans', 'northwind.mdx'), 'utf8'));
		expect(checked.plan?.title).toBe(`Northwind x Acme: ${title}`);
		expect(checked.plan?.locale).toBe(locale);
	});

	test.each([
		[['--template', 'short'], '--template "short" is not a template. Allowed values: full, light (light is one page of key next steps).'],
		[['--locale', 'fr'], '--locale "fr" is not a template language. Allowed values: en, id.'],
	])('refuses %j and writes nothing', async (extra, message) => {
		const result = runScript('new-plan.ts', ['northwind', ...ARGS, ...extra], dir);
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toBe(message);
		expect(await readdir(dir)).toEqual([]);
	});

	test('keeps other passwords in the secrets file and leaves no temp files behind', async () => {
		await writeFile(join(dir, 'mapsite.secrets.json'), JSON.stringify({ passwords: { acme: 'old-password' } }));
		expect(runScript('new-plan.ts', ['northwind', ...ARGS], dir).status).toBe(0);
		expect(runScript('new-plan.ts', ['globex', ...ARGS], dir).status).toBe(0);
		const { passwords } = await readSecrets();
		expect(Object.keys(passwords)).toEqual(['acme', 'northwind', 'globex']);
		expect(passwords.acme).toBe('old-password');
		expect(await readdir(dir)).toEqual(['mapsite.secrets.json', 'plans']);
		expect(await readdir(join(dir, 'plans'))).toEqual(['globex.mdx', 'northwind.mdx']);
	});

	test('refuses to overwrite an existing plan and leaves it untouched', async () => {
		await mkdir(join(dir, 'plans'));
		await writeFile(join(dir, 'plans', 'northwind.mdx'), 'my work');
		const result = runScript('new-plan.ts', ['northwind', ...ARGS], dir);
		expect(result.stderr).toMatchInlineSnapshot(`
			"plans/northwind.mdx already exists; nothing was changed.
			    Pick another slug, or edit the existing plan.
			"
		`);
		expect(result.status).toBe(1);
		expect(await readFile(join(dir, 'plans', 'northwind.mdx'), 'utf8')).toBe('my work');
		expect(await readdir(dir)).toEqual(['plans']);
	});

	test('refuses an invalid slug', () => {
		const result = runScript('new-plan.ts', ['North_Wind', ...ARGS], dir);
		expect(result.stderr).toMatchInlineSnapshot(`
			"The slug "North_Wind" may use only lower-case letters, digits and single dashes between them, like "northwind-data-platform".
			"
		`);
		expect(result.status).toBe(1);
	});

	test('asks for both company names', () => {
		const result = runScript('new-plan.ts', ['northwind', '--buyer', 'Northwind'], dir);
		expect(result.stderr).toMatchInlineSnapshot(`
			"Name both companies with --buyer and --seller.
			    Usage: npm run new -- <slug> --buyer "Northwind" --seller "Acme" [--template full|light] [--locale en|id] [--plans <dir>] [--secrets <file>] [--today YYYY-MM-DD]
			"
		`);
		expect(result.status).toBe(1);
	});

	test('refuses a secrets file it cannot read without touching the plans folder', async () => {
		await writeFile(join(dir, 'broken.json'), '{ nope');
		const result = runScript('new-plan.ts', ['northwind', ...ARGS, '--secrets', 'broken.json'], dir);
		expect(result.stderr).toContain('broken.json is not valid JSON');
		expect(result.status).toBe(1);
		expect(await readdir(dir)).toEqual(['broken.json']);
	});
});
