/** Writes files so a crash or a second writer never leaves half a file behind. */
import { randomBytes } from 'node:crypto';
import { link, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Thrown by {@link writeFileAtomic} with `exclusive` when `path` already exists. */
export class FileExistsError extends Error {}

/**
 * Writes `content` to a temporary file next to `path`, then renames it over `path`; the rename
 * is atomic on one file system, which is why the temp file sits in the same directory. With
 * `exclusive`, a hard link replaces the rename because linking fails when `path` exists, so a
 * file created by someone else in the meantime is never overwritten.
 */
export async function writeFileAtomic(
	path: string,
	content: string,
	options: { mode?: number; exclusive?: boolean } = {},
): Promise<void> {
	const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
	try {
		await writeFile(temp, content, { encoding: 'utf8', mode: options.mode, flag: 'wx' });
		if (options.exclusive) {
			await link(temp, path).catch((error: NodeJS.ErrnoException) => {
				throw error.code === 'EEXIST' ? new FileExistsError(`${path} already exists.`, { cause: error }) : error;
			});
			await rm(temp, { force: true });
		} else {
			await rename(temp, path);
		}
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	}
}
