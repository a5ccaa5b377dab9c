/**
 * Builds the bundled example plans into a throw-away gated site and serves it, for the browser
 * tests and `npm run lighthouse`: fixed secret, passwords and day, so every run sees the same site.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildShareFragment, deriveContentKey, deriveDealPathId } from '../lib/crypto/index.ts';
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

/** A built and served example site; `close` stops the server and deletes the files. */
export interface ExampleSite {
	dist: string;
	/** e.g. `http://127.0.0.1:40123` */
	origin: string;
	close: () => Promise<void>;
}

/** Runs `astro build` for the examples into a fresh temp folder and serves it on 127.0.0.1. */
export async function buildExampleSite(): Promise<ExampleSite> {
	const dist = join(await mkdtemp(join(tmpdir(), 'mapsite-example-')), 'dist');
	// MAP_* from the caller's shell would change passwords or the day; the example build pins them.
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAP_')));
	const passwords = Object.fromEntries(
		Object.entries(EXAMPLE_SITE.passwords).map(([slug, password]) => [`MAP_PASSWORD_${slug.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`, password]),
	);
	const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: {
			...env,
			...passwords,
			MAP_TODAY: EXAMPLE_SITE.today,
			MAPSITE_DIST: dist,
			MAPSITE_SECRETS: join(dist, '..', 'none.json'),
			MAP_SITE_SECRET: EXAMPLE_SITE.siteSecret,
			// Only share-preview meta tags use it; the pages are served from a local port.
			MAPSITE_SITE_URL: 'https://plans.example.com',
		},
	});
	if (result.status !== 0) {
		await rm(dirname(dist), { recursive: true, force: true });
		throw new Error(`Failed to build the example site (exit ${result.status}).\n${result.stdout}${result.stderr}`);
	}
	const served = await serveStatic(dist);
	return {
		dist,
		origin: served.url,
		close: async () => {
			await new Promise<void>((resolve) => served.server.close(() => resolve()));
			await rm(dirname(dist), { recursive: true, force: true });
		},
	};
}

/** The URL of one page of an example deal, e.g. `summary/`, optionally with the share-link key that unlocks it in one load. */
export async function getExamplePageUrl(origin: string, slug: string, page = '', { keyVersion = 1, isShared = true } = {}): Promise<string> {
	const secret = Buffer.from(EXAMPLE_SITE.siteSecret, 'base64url');
	const url = `${origin}/${await deriveDealPathId(secret, slug)}/${page}`;
	return isShared ? url + buildShareFragment(await deriveContentKey(secret, slug, keyVersion)) : url;
}
