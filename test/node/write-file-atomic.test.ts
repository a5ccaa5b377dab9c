import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FileExistsError, writeFileAtomic } from '../../src/node/write-file-atomic.ts';

describe('writeFileAtomic', () => {
	test('replaces a file and leaves no temporary file behind', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'mapsite-atomic-'));
		const path = join(dir, 'plan.mdx');
		await writeFile(path, 'old');
		await writeFileAtomic(path, 'new');
		expect(await readFile(path, 'utf8')).toBe('new');
		expect(await readdir(dir)).toEqual(['plan.mdx']);
	});

	test('with exclusive, refuses to overwrite an existing file and keeps it intact', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'mapsite-atomic-'));
		const path = join(dir, 'plan.mdx');
		await writeFile(path, 'the rep wrote this');
		await expect(writeFileAtomic(path, 'scaffold', { exclusive: true })).rejects.toBeInstanceOf(FileExistsError);
		expect(await readFile(path, 'utf8')).toBe('the rep wrote this');
		expect(await readdir(dir)).toEqual(['plan.mdx']);
	});

	test('with exclusive, creates a file that does not exist yet', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'mapsite-atomic-'));
		const path = join(dir, 'plan.mdx');
		await writeFileAtomic(path, 'scaffold', { exclusive: true });
		expect(await readFile(path, 'utf8')).toBe('scaffold');
		expect(await readdir(dir)).toEqual(['plan.mdx']);
	});
});
