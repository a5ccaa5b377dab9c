/**
 * Which of the benchmark's environment switches the project's build understands. The build
 * ignores a variable it does not know, so without this check a baseline that silently built
 * everything would print a meaningless ratio.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The switches the benchmark sets. */
export const BENCH_SWITCHES = ['MAPSITE_TIMINGS', 'MAPSITE_DEALS'] as const;

/** One of the benchmark's switches. */
export type BenchSwitch = (typeof BENCH_SWITCHES)[number];

/** The switches named anywhere in the project's build code (`src/`, `astro.config.mjs`). */
export async function findSupportedSwitches(projectRoot: string): Promise<Set<BenchSwitch>> {
	const files = (await readdir(join(projectRoot, 'src'), { recursive: true }))
		.filter((file) => /\.(ts|mjs|js|astro)$/.test(file))
		.map((file) => join(projectRoot, 'src', file));
	files.push(join(projectRoot, 'astro.config.mjs'));
	const texts = await Promise.all(files.map((file) => readFile(file, 'utf8').catch(() => '')));
	return new Set(BENCH_SWITCHES.filter((name) => texts.some((text) => text.includes(name))));
}
