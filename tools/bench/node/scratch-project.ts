/**
 * A throwaway copy of the project for the benchmark to build in: its own plans, secrets, dist,
 * caches and Astro data store, so a run never touches the real project's files and a "cold"
 * build really starts cold. Sources are copied; installed packages are linked, not copied.
 */
import { cp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Outputs, caches and inputs the benchmark supplies itself; everything else of the project is copied.
const NOT_COPIED = new Set(['node_modules', '.git', '.astro', '.mapsite', 'dist', 'plans', 'test', 'test-output', 'docs', 'mapsite.secrets.json']);

/** Creates the scratch project in `target` (which must not exist yet) from `projectRoot`. */
export async function createScratchProject(projectRoot: string, target: string): Promise<void> {
	await mkdir(join(target, 'node_modules'), { recursive: true });
	for (const entry of await readdir(projectRoot, { withFileTypes: true })) {
		if (NOT_COPIED.has(entry.name) || entry.name.startsWith('dist')) continue;
		await cp(join(projectRoot, entry.name), join(target, entry.name), { recursive: true });
	}
	// Dot entries (.astro, .vite, .cache) are per-project caches: leaving them out gives the scratch copy its own.
	for (const entry of await readdir(join(projectRoot, 'node_modules'))) {
		if (!entry.startsWith('.')) await symlink(join(projectRoot, 'node_modules', entry), join(target, 'node_modules', entry));
	}
	await mkdir(join(target, 'plans'));
}

/** Writes (or overwrites) plan files given as `plans/<slug>.mdx` paths. */
export async function writePlans(project: string, plans: readonly { file: string; source: string }[]): Promise<void> {
	for (const plan of plans) await writeFile(join(project, plan.file), plan.source);
}

/** Removes every build cache of the scratch project, so the next build is cold. */
export async function clearBuildCaches(project: string): Promise<void> {
	for (const path of ['.mapsite', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
		await rm(join(project, path), { recursive: true, force: true });
	}
}
