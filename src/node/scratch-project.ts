/**
 * A throwaway copy of the project to build in (the benchmark, `npm run lighthouse`, the browser
 * tests): its own plans, secrets, dist, caches and Astro data store, so a run never touches the
 * real project's files, and the real project's next build never finds a data store that points at
 * plan files of a deleted scratch folder. Sources are copied; installed packages are linked.
 */
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';

// Outputs, caches and inputs the caller supplies itself (plans, secrets); everything else of the project is copied.
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
