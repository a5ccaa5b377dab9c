/** Runs one `astro build` of the scratch project as a child process and measures it. */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildMeasure } from '../lib/report.ts';
import { parseBuildTimings } from '../lib/timings.ts';
import { watchTreeRss } from './process-tree.ts';

const HOOK = pathToFileURL(fileURLToPath(new URL('./peak-rss-hook.ts', import.meta.url))).href;
// A failed build's story is at the end of its output.
const ERROR_LINES = 25;

/** What a build needs: where the project is and the variables that shape this build. */
export interface BuildRequest {
	project: string;
	/** Scratch folder for the timings and memory files of this build. */
	workDir: string;
	/** A name for the files of this build, e.g. `cold`. */
	name: string;
	/** `MAP_TODAY`, `MAPSITE_DIST`, `MAPSITE_SECRETS` and the bench switches. */
	env: Record<string, string>;
	/** An Astro config other than the project's, relative to the project (the baseline's). */
	config?: string;
}

/** Runs the build; never throws for a failed build, it reports it in `error`. */
export async function runBuild({ project, workDir, name, env, config }: BuildRequest): Promise<BuildMeasure> {
	const timingsFile = join(workDir, `timings-${name}.json`);
	const rssFile = join(workDir, `rss-${name}.txt`);
	await rm(timingsFile, { force: true });
	await rm(rssFile, { force: true });
	// Only what this request sets counts: a rep's own passwords or switches must not leak in.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('MAP_') && !key.startsWith('MAPSITE_')));
	const started = performance.now();
	const child = spawn(process.execPath, ['--import', HOOK, join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...(config ? ['--config', config] : [])], {
		cwd: project,
		env: { ...inherited, ...env, MAPSITE_TIMINGS: timingsFile, MAPSITE_BENCH_RSS_FILE: rssFile },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const watcher = watchTreeRss(child.pid!);
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	const wallMs = performance.now() - started;
	const peakTreeRssBytes = watcher.stop();
	const rssText = await readFile(rssFile, 'utf8').catch(() => undefined);
	const timings = parseBuildTimings(await readFile(timingsFile, 'utf8').catch(() => undefined));
	return {
		wallMs,
		...(rssText ? { peakRssBytes: Number(rssText) } : {}),
		...(peakTreeRssBytes ? { peakTreeRssBytes } : {}),
		...(timings ? { timings } : {}),
		...(code === 0 ? {} : { error: `exit code ${code}\n${output.trimEnd().split('\n').slice(-ERROR_LINES).join('\n')}` }),
	};
}
