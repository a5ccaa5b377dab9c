/**
 * A rebuild pays only for what changed: with the previous build recorded, editing one plan
 * rebuilds that deal and keeps every other published file byte for byte.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { deriveDealPathId } from '../../src/lib/crypto/index.ts';
import { passwordVariable, readTree, ROOT, runAstroBuild } from '../helpers/build-site.ts';

const SITE_SECRET = 'z'.repeat(43);
const SLUGS = ['northwind-data-platform', 'harbor-lightweight', 'meridian-closed-won', 'sinar-pangan-gudang'];


describe('incremental rebuilds', () => {
	let work = '';
	let plans = '';
	let dist = '';
	const ids: Record<string, string> = {};
	const build = (env: Record<string, string> = {}) => {
		const passwords = Object.fromEntries(SLUGS.map((slug) => [passwordVariable(slug), `${slug} brass lantern 47`]));
		return runAstroBuild({ ...passwords, MAP_SITE_SECRET: SITE_SECRET, MAPSITE_PLANS: plans, MAPSITE_DIST: dist, MAPSITE_SECRETS: join(work, 'none.json'), ...env });
	};

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'mapsite-incremental-'));
		plans = join(work, 'plans');
		dist = join(work, 'dist');
		await cp(join(ROOT, 'plans'), plans, { recursive: true });
		for (const slug of SLUGS) ids[slug] = await deriveDealPathId(Buffer.from(SITE_SECRET, 'base64url'), slug);
		const first = build();
		expect(first.status, first.output).toBe(0);
	}, 240_000);

	test('an unchanged site rebuilds nothing and keeps every file', async () => {
		const before = await readTree(dist);
		const again = build();
		expect(again.status, again.output).toBe(0);
		expect(again.output).toContain('incremental: 0 changed deals rebuilt; 4 unchanged kept');
		expect(await readTree(dist)).toEqual(before);
	}, 240_000);

	test('editing one plan rebuilds only that deal', async () => {
		const before = await readTree(dist);
		const file = join(plans, 'harbor-lightweight.mdx');
		await writeFile(file, (await readFile(file, 'utf8')).replace('starter plan"', 'starter plan, revised"'));
		const again = build();
		expect(again.status, again.output).toBe(0);
		expect(again.output).toContain('incremental: 1 changed deal rebuilt: harbor-lightweight; 3 unchanged kept');
		const after = await readTree(dist);
		const harbor = `${ids['harbor-lightweight']}/`;
		for (const [path, bytes] of before) {
			if (!path.startsWith(harbor)) expect(after.get(path), path).toBe(bytes);
		}
		expect(after.get(`${harbor}index.html.enc`)).not.toBe(before.get(`${harbor}index.html.enc`));
	}, 240_000);

	test('a removed plan disappears from the site; MAPSITE_FULL=1 rebuilds everything', async () => {
		await cp(join(plans, 'meridian-closed-won.mdx'), join(work, 'meridian.bak'));
		await rm(join(plans, 'meridian-closed-won.mdx'));
		const again = build();
		expect(again.status, again.output).toBe(0);
		const after = await readTree(dist);
		expect([...after.keys()].some((path) => path.startsWith(`${ids['meridian-closed-won']}/`))).toBe(false);
		const full = build({ MAPSITE_FULL: '1' });
		expect(full.status, full.output).toBe(0);
		expect(full.output).not.toContain('incremental:');
	}, 240_000);
});
