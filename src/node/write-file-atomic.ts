/** Writes files so a crash or a second writer never leaves half a file behind. */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` to a temporary file next to `path`, then renames it over `path`; the rename
 * is atomic on one file system, which is why the temp file sits in the same directory.
 */
export async function writeFileAtomic(path: string, content: string, options: { mode?: number } = {}): Promise<void> {
	const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
	try {
		await writeFile(temp, content, { encoding: 'utf8', mode: options.mode, flag: 'wx' });
		await rename(temp, path);
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	}
}
