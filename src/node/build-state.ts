/**
 * Fingerprints for incremental rebuilds (src/lib/build/incremental.ts): the tool, the settings and
 * each deal's inputs, and the record of the last successful build for one output folder.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BuildState } from '../lib/build/incremental.ts';
import { getLogoReferences } from '../lib/logo-paths.ts';
import type { Plan } from '../schema/plan.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

// Everything that shapes every page: change any of it and the whole site is rebuilt.
const TOOL_INPUTS = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

async function listTree(root: string, entry: string): Promise<string[]> {
	const path = join(root, entry);
	const found = await readdir(path, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOTDIR') return undefined;
		if (error.code === 'ENOENT') return [];
		throw error;
	});
	if (found === undefined) return [entry];
	return found.filter((item) => item.isFile()).map((item) => relative(root, join(item.parentPath, item.name)).split(sep).join('/'));
}

/** SHA-256 over the paths and bytes of the code, config and lockfile under `root`. */
export async function hashTool(root: string): Promise<string> {
	const hash = createHash('sha256');
	const files = (await Promise.all(TOOL_INPUTS.map((entry) => listTree(root, entry)))).flat().sort();
	for (const file of files) hash.update(`${file}\0`).update(await readFile(join(root, file))).update('\0');
	return hash.digest('hex');
}

/** SHA-256 over settings that every page depends on. */
export function hashSettings(settings: Record<string, unknown>): string {
	return createHash('sha256').update(JSON.stringify(settings, Object.keys(settings).sort())).digest('hex');
}

/**
 * A deal's inputs: its plan file, its logos and its password. Keyed by the site secret, so the
 * recorded hash reveals nothing about the password to someone who reads the cache.
 */
export async function hashDealInputs(options: { root: string; file: string; source: string; plan: Plan; password: string | undefined; key: Uint8Array }): Promise<string> {
	const hmac = createHmac('sha256', options.key);
	hmac.update(`${options.file}\0${options.source}\0${options.password ?? ''}\0`);
	for (const logo of getLogoReferences(options.plan, options.file)) {
		hmac.update(`${logo.resolved}\0`);
		hmac.update(await readFile(resolve(options.root, logo.resolved)).catch(() => Buffer.from('missing')));
	}
	return hmac.digest('hex');
}

/** Where the record of the last build into `distDir` lives. */
export function getBuildStatePath(cacheDir: string, distDir: string): string {
	return join(cacheDir, 'builds', `${createHash('sha256').update(resolve(distDir)).digest('hex').slice(0, 16)}.json`);
}

/** The recorded state, or undefined when there is none or it cannot be read. */
export async function readBuildState(path: string): Promise<BuildState | undefined> {
	try {
		const value = JSON.parse(await readFile(path, 'utf8')) as BuildState;
		return typeof value.tool === 'string' && typeof value.settings === 'string' && typeof value.deals === 'object' ? value : undefined;
	} catch {
		return undefined;
	}
}

/** Records a successful build. */
export async function writeBuildState(path: string, state: BuildState): Promise<void> {
	await mkdir(dirname(path), { recursive: true });
	await writeFileAtomic(path, `${JSON.stringify(state)}\n`);
}
