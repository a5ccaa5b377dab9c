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
		expect(checkPlanSource('plans/northwind.mdx', source).problems).toEqual([]);
		const { passwords } = await readSecrets();
		expect(passwords.northwind).toMatch(/^[A-Za-z2-9]{24}$/);
		expect(result.stdout.replace(passwords.northwind, '<password>')).toMatchInlineSnapshot(`
			"Created plan "northwind" in plans/northwind.mdx.
			Site password: <password>
			    Stored in mapsite.secrets.json (git-ignored; keep it out of commits).

			Next: replace the placeholders, run \`npm run check\`, then \`npm run build\`.
			Send the buyer the link and the password through different channels,
			for example the link by email and the password by phone or chat, so one leaked message is not enough.
			"
		`);
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
			    Usage: npm run new -- <slug> --buyer "Northwind" --seller "Acme" [--plans <dir>] [--secrets <file>] [--today YYYY-MM-DD]
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
