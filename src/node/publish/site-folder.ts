/** File operations on the folder a build publishes into: writing, keeping the published deals, reading a deal's files. */
import { cp, link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mapLimit } from '../../lib/map-limit.ts';
import { listFiles } from '../site-files.ts';

// Folders this process has made: a build writes thousands of files into a few hundred folders,
// and a recursive mkdir before each write was a measurable part of publishing.
const madeFolders = new Set<string>();

/** Writes `data` at `path` under `root`, creating folders; replaces the file rather than writing through a hard link. */
export async function writeInto(root: string, path: string, data: string | Uint8Array): Promise<void> {
	const file = join(root, path);
	// The path may be a hard link into the published site (see linkOtherDeals): replace, never write through it.
	await rm(file, { force: true });
	await createInFolder(file, () => writeFile(file, data));
}

/**
 * Runs `create`, which makes `file`, once its folder exists: made here unless this process made it
 * already. A folder removed since it was made (a folder name used again) is made again, and
 * `create` runs once more.
 */
async function createInFolder(file: string, create: () => Promise<void>): Promise<void> {
	const folder = dirname(file);
	if (!madeFolders.has(folder)) {
		await mkdir(folder, { recursive: true });
		madeFolders.add(folder);
	}
	await create().catch(async (error: NodeJS.ErrnoException) => {
		if (error.code !== 'ENOENT') throw error;
		await mkdir(folder, { recursive: true });
		await create();
	});
}

/** Whether `a` and `b` are one file on disk (hard links of each other); false when `b` is missing. */
export async function isSameFile(a: string, b: string): Promise<boolean> {
	const [first, second] = await Promise.all([stat(a), stat(b).catch(() => undefined)]);
	return second !== undefined && first.ino === second.ino && first.dev === second.dev;
}

/** The deal's non-page files by their path within the deal, as the loader asks for them. */
export async function readWithinDeal(stageDir: string, paths: readonly string[]): Promise<Map<string, Uint8Array>> {
	return new Map(await Promise.all(paths.map(async (path) => [path.split('/').slice(1).join('/'), new Uint8Array(await readFile(join(stageDir, path)))] as const)));
}

/**
 * A build of some deals keeps everything else of the published site: other deals' folders and
 * shared assets that older shells may still reference (a new build adds, never removes, those).
 * Hard links make that cheap and leave the published files untouched; returns every linked path.
 */
export async function linkOtherDeals(distDir: string, temp: string, skip: ReadonlySet<string>): Promise<Set<string>> {
	const kept = new Set<string>();
	const entries = await readdir(distDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return [];
		throw error;
	});
	for (const entry of entries) {
		if (skip.has(entry.name)) continue;
		const paths = entry.isDirectory() ? (await listFiles(join(distDir, entry.name))).map((path) => `${entry.name}/${path}`) : [entry.name];
		// Many links in flight at once: one at a time, a 200-deal site's 4,000 links took most of a second.
		await mapLimit(paths, 16, async (path) => {
			const [source, target] = [join(distDir, path), join(temp, path)];
			await createInFolder(target, () => link(source, target)).catch(async (error: NodeJS.ErrnoException) => {
				// Another file system, or links not allowed: copy instead.
				if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
				await cp(source, target);
			});
			kept.add(path);
		});
	}
	return kept;
}
