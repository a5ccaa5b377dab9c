/** The benchmark's plan files and caches inside a scratch project (src/node/scratch-project.ts). */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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
