import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readCommittedSources } from '../../src/node/git-head.ts';

let dir: string;
const git = (...args: string[]) =>
	execFileSync('git', ['-c', 'user.name=Rep', '-c', 'user.email=rep@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'mapsite-git-head-'));
	await mkdir(join(dir, 'plans', 'emea'), { recursive: true });
});

afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('readCommittedSources', () => {
	test('outside a git repository there is no committed version', async () => {
		await writeFile(join(dir, 'plans', 'a.mdx'), 'A');
		expect(await readCommittedSources(['plans/a.mdx'], dir)).toEqual(new Map());
	});

	test('before the first commit there is no committed version', async () => {
		git('init', '--quiet');
		await writeFile(join(dir, 'plans', 'a.mdx'), 'A');
		expect(await readCommittedSources(['plans/a.mdx'], dir)).toEqual(new Map());
	});

	test('gives the HEAD text of committed files, leaving out new ones, whatever the working copy holds', async () => {
		git('init', '--quiet');
		await writeFile(join(dir, 'plans', 'a.mdx'), 'A committed, with ünïcode\n');
		await writeFile(join(dir, 'plans', 'emea', 'b.mdx'), '');
		git('add', '-A');
		git('commit', '--quiet', '-m', 'plans');
		await writeFile(join(dir, 'plans', 'a.mdx'), 'A edited');
		await writeFile(join(dir, 'plans', 'c.mdx'), 'C new');
		const found = await readCommittedSources(['plans/a.mdx', 'plans/c.mdx', 'plans/emea/b.mdx'], dir);
		expect(Object.fromEntries(found)).toEqual({ 'plans/a.mdx': 'A committed, with ünïcode\n', 'plans/emea/b.mdx': '' });
	});

	test('finds the repository from a subfolder, with paths relative to the folder given', async () => {
		git('init', '--quiet');
		await writeFile(join(dir, 'plans', 'emea', 'b.mdx'), 'B');
		git('add', '-A');
		git('commit', '--quiet', '-m', 'plans');
		const found = await readCommittedSources(['emea/b.mdx'], join(dir, 'plans'));
		expect(found.get('emea/b.mdx')).toBe('B');
	});
});
