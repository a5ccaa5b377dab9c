/** Reads every plan file under a plans folder. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { PlanSource } from '../lib/check/index.ts';

/** Raised when the plans folder itself is missing, so scripts can say so plainly. */
export class PlansFolderMissingError extends Error {
	readonly folder: string;
	constructor(folder: string) {
		super(`The plans folder ${folder} does not exist.`);
		this.folder = folder;
	}
}

/**
 * Every `*.mdx` file under `plansDir`, in sorted path order so output is stable; `file` is
 * relative to `cwd` with forward slashes, e.g. `plans/northwind.mdx`.
 */
export async function loadPlans(plansDir: string, cwd = process.cwd()): Promise<PlanSource[]> {
	let entries: string[];
	try {
		entries = await readdir(plansDir, { recursive: true });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') throw new PlansFolderMissingError(plansDir);
		throw error;
	}
	const files = entries.filter((entry) => entry.endsWith('.mdx')).sort();
	return Promise.all(
		files.map(async (entry) => {
			const path = join(plansDir, entry);
			return { file: relative(cwd, path).split(sep).join('/'), source: await readFile(path, 'utf8') };
		}),
	);
}
