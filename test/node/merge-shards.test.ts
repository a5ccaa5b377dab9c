import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { mergeShards } from '../../src/node/merge-shards.ts';

let root = '';

async function put(path: string, text: string): Promise<void> {
	await mkdir(dirname(join(root, path)), { recursive: true });
	await writeFile(join(root, path), text);
}

beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), 'mapsite-merge-'));
	await put('s1/deal-a/index.html', 'a');
	await put('s1/_mapsite/gate-1.js', 'loader');
	await put('s2/deal-b/index.html', 'b');
	await put('s2/_mapsite/gate-1.js', 'loader');
});

describe('mergeShards', () => {
	it('joins the deals of every shard and keeps one copy of shared files', async () => {
		const result = await mergeShards(join(root, 'dist'), [join(root, 's1'), join(root, 's2')]);
		expect(result).toEqual({ files: 3, shared: 1 });
		expect(await readFile(join(root, 'dist/deal-b/index.html'), 'utf8')).toBe('b');
	});

	it('refuses shards that disagree on a file and leaves the old output in place', async () => {
		await put('dist/old.html', 'previous site');
		await put('s2/_mapsite/gate-1.js', 'another loader');
		await expect(mergeShards(join(root, 'dist'), [join(root, 's1'), join(root, 's2')])).rejects.toThrow(/_mapsite\/gate-1\.js: differs between/);
		expect(await readFile(join(root, 'dist/old.html'), 'utf8')).toBe('previous site');
	});

	it('names a missing shard folder', async () => {
		await expect(mergeShards(join(root, 'dist'), [join(root, 'nope')])).rejects.toThrow(/nope is not a folder/);
	});
});
