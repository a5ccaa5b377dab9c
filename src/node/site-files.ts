/** File-tree helpers shared by everything that writes or reads a whole published site. */
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every file under `dir`, relative, with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Puts the finished folder `temp` in place of `target` with renames, so `target` is always either
 * the old site or the new one, never half of each; the old one is deleted afterwards.
 */
export async function replaceDirectory(temp: string, target: string): Promise<void> {
	const old = `${target}.old-${randomBytes(4).toString('hex')}`;
	await rename(target, old).catch((error: NodeJS.ErrnoException) => {
		if (error.code !== 'ENOENT') throw error;
	});
	await rename(temp, target);
	await rm(old, { recursive: true, force: true });
}
