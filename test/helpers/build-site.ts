/** Runs real `astro build`s of this project for tests, with only the variables a test passes. */
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** The password variable of a slug, as the build reads it. */
export function passwordVariable(slug: string): string {
	return `MAP_PASSWORD_${slug.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * Builds with `env` on top of the caller's environment minus every MAP_ and MAPSITE_ variable, so
 * a developer's own secrets or switches never leak into a test. Returns the exit code and output.
 */
export function runAstroBuild(env: Record<string, string>): { status: number | null; output: string } {
	const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAP_') && !name.startsWith('MAPSITE_')));
	const result = spawnSync(process.execPath, [ASTRO, 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...base, MAP_TODAY: '2026-11-23', MAPSITE_SITE_URL: 'https://plans.example.test', ...env } });
	return { status: result.status, output: result.stdout + result.stderr };
}

/** Every file under `dir` (relative, forward slashes) with its bytes as base64, for byte-for-byte comparisons. */
export async function readTree(dir: string): Promise<Map<string, string>> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	const files = entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
	return new Map(await Promise.all(files.map(async (path) => [path, (await readFile(join(dir, path))).toString('base64')] as const)));
}
