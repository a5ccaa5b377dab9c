/**
 * Merges the `dist` folders of a sharded build (`MAPSITE_SHARD=i/n`) into one site. Shards share
 * only generic files (the loader, CSS, the search runtime, neutral pages), which must be identical;
 * any other overlap means two shards built the same deal, and nothing is written.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listFiles, replaceDirectory } from './site-files.ts';

/** What was merged. */
export interface MergeResult {
	files: number;
	/** Files present, byte-identical, in more than one shard. */
	shared: number;
}

/** Merges `shardDirs` into `outDir` (replaced atomically); throws naming every conflicting file. */
export async function mergeShards(outDir: string, shardDirs: readonly string[]): Promise<MergeResult> {
	if (shardDirs.length === 0) throw new Error('No shard folders given: pass the output folder, then each shard\'s dist folder.');
	const owner = new Map<string, string>();
	const conflicts: string[] = [];
	let shared = 0;
	for (const dir of shardDirs) {
		const info = await stat(dir).catch(() => undefined);
		if (!info?.isDirectory()) throw new Error(`${dir} is not a folder; pass each shard's dist folder.`);
		for (const path of await listFiles(dir)) {
			const first = owner.get(path);
			if (first === undefined) {
				owner.set(path, dir);
				continue;
			}
			const [a, b] = await Promise.all([readFile(join(first, path)), readFile(join(dir, path))]);
			if (a.equals(b)) shared++;
			else conflicts.push(`${path}: differs between ${first} and ${dir}`);
		}
	}
	if (conflicts.length > 0) {
		throw new Error(`The shards overlap, so nothing was merged (were they built from the same commit, with the same shard count?):\n${conflicts.map((line) => `  ${line}`).join('\n')}`);
	}
	const temp = `${outDir}.tmp-${randomBytes(4).toString('hex')}`;
	try {
		for (const [path, dir] of owner) {
			await mkdir(dirname(join(temp, path)), { recursive: true });
			await cp(join(dir, path), join(temp, path));
		}
		await replaceDirectory(temp, outDir);
	} catch (error) {
		await rm(temp, { recursive: true, force: true });
		throw error;
	}
	return { files: owner.size, shared };
}
