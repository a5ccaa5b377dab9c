/**
 * Builds the bundled example plans into a throw-away gated site and serves it, for the browser
 * tests and `npm run lighthouse`: fixed secret, passwords and day, so every run sees the same site.
 * Only the examples are built, from a scratch copy of them, so other plans in `plans/` (and their
 * missing passwords) never get in the way; `buildPlansSite` does the same for any chosen plans.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildShareFragment, deriveContentKey, deriveDealPathId } from '../lib/crypto/index.ts';
import { createScratchProject } from './scratch-project.ts';
import { serveStatic } from './static-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The fixed inputs of the example build; tests type passwords from here. */
export const EXAMPLE_SITE = {
	today: '2026-11-23',
	siteSecret: `E2E${'x'.repeat(40)}`,
	passwords: {
		'northwind-data-platform': 'correct horse battery staple 42',
		'harbor-lightweight': 'harbor password',
		'meridian-closed-won': 'meridian password',
		'sinar-pangan-gudang': 'sinar pangan password',
	},
} as const;

/** The slugs of the bundled example plans. */
export const EXAMPLE_SLUGS = Object.keys(EXAMPLE_SITE.passwords) as (keyof typeof EXAMPLE_SITE.passwords)[];

/** A built and served site; `close` stops the server and deletes the files. */
export interface ExampleSite {
	dist: string;
	/** e.g. `http://127.0.0.1:40123` */
	origin: string;
	close: () => Promise<void>;
}

/** What {@link buildPlansSite} builds: plan files (relative to `plansDir`) and the build's whole environment. */
export interface PlansSiteRequest {
	plansDir: string;
	/** Plan files to build, relative to `plansDir`, e.g. `northwind-data-platform.mdx`. */
	files: readonly string[];
	/** The build's environment; `MAPSITE_PLANS` and `MAPSITE_DIST` are decided here. A relative `MAPSITE_SECRETS` must be made absolute first. */
	env: Record<string, string | undefined>;
	/** Read no secrets file, only `env` (the examples' fixed inputs). */
	isWithoutSecretsFile?: boolean;
}

/**
 * Copies the project into a scratch project (src/node/scratch-project.ts) whose `plans/` holds only
 * the chosen plan files and every other file of the plans folder (logos), runs `astro build` there
 * into a fresh temp folder and serves that on 127.0.0.1. The real project's caches are not touched.
 */
export async function buildPlansSite({ plansDir, files, env, isWithoutSecretsFile = false }: PlansSiteRequest): Promise<ExampleSite> {
	const work = await mkdtemp(join(tmpdir(), 'mapsite-example-'));
	const dist = join(work, 'dist');
	const project = join(work, 'project');
	try {
		await createScratchProject(ROOT, project);
		const plans = join(project, 'plans');
		const others = (await readdir(plansDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && !entry.name.endsWith('.mdx'));
		const copies = [...others.map((entry) => relative(plansDir, join(entry.parentPath, entry.name))), ...files];
		for (const path of copies) {
			await mkdir(dirname(join(plans, path)), { recursive: true });
			await cp(join(plansDir, path), join(plans, path));
		}
		const { MAPSITE_PLANS: _plans, ...rest } = env;
		const result = spawnSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
			cwd: project,
			encoding: 'utf8',
			env: { ...rest, MAPSITE_DIST: dist, ...(isWithoutSecretsFile ? { MAPSITE_SECRETS: join(work, 'none.json') } : {}) },
		});
		if (result.status !== 0) throw new Error(`Failed to build the site (exit ${result.status}).\n${result.stdout}${result.stderr}`);
	} catch (error) {
		await rm(work, { recursive: true, force: true });
		throw error;
	}
	const served = await serveStatic(dist);
	return {
		dist,
		origin: served.url,
		close: async () => {
			await new Promise<void>((resolve) => served.server.close(() => resolve()));
			await rm(work, { recursive: true, force: true });
		},
	};
}

/** The build environment of the examples: the caller's, minus every MAP_ and MAPSITE_ variable, plus the fixed inputs. */
export function getExampleEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
	// MAP_* from the caller's shell would change passwords or the day; MAPSITE_* which deals or where.
	const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('MAP_') && !name.startsWith('MAPSITE_')));
	const passwords = Object.fromEntries(
		Object.entries(EXAMPLE_SITE.passwords).map(([slug, password]) => [`MAP_PASSWORD_${slug.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`, password]),
	);
	return {
		...kept,
		...passwords,
		MAP_TODAY: EXAMPLE_SITE.today,
		MAP_SITE_SECRET: EXAMPLE_SITE.siteSecret,
		// Only share-preview meta tags use it; the pages are served from a local port.
		MAPSITE_SITE_URL: 'https://plans.example.com',
	};
}

/** Builds only the bundled examples (see the module comment) from `plansDir` and serves them on 127.0.0.1. */
export async function buildExampleSite(plansDir = join(ROOT, 'plans')): Promise<ExampleSite> {
	return buildPlansSite({ plansDir, files: EXAMPLE_SLUGS.map((slug) => `${slug}.mdx`), env: getExampleEnv(process.env), isWithoutSecretsFile: true });
}

/** The URL of one page of an example deal, e.g. `summary/`, optionally with the share-link key that unlocks it in one load. */
export async function getExamplePageUrl(origin: string, slug: string, page = '', { keyVersion = 1, isShared = true } = {}): Promise<string> {
	const secret = Buffer.from(EXAMPLE_SITE.siteSecret, 'base64url');
	const url = `${origin}/${await deriveDealPathId(secret, slug)}/${page}`;
	return isShared ? url + buildShareFragment(await deriveContentKey(secret, slug, keyVersion)) : url;
}
