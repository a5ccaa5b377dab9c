/**
 * Builds of part of the deals: one deal rebuilt into an existing site (`MAPSITE_DEALS`), and a
 * sharded build (`MAPSITE_SHARD`) merged back together, against a full build of the examples.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFileAad, decryptFile, deriveContentKey, deriveDealPathId, importContentKey } from '../../src/lib/crypto/index.ts';
import { parseGateManifest } from '../../src/lib/gate/manifest.ts';
import { passwordVariable, readTree, runAstroBuild } from '../helpers/build-site.ts';
import { mergeShards } from '../../src/node/merge-shards.ts';

const SITE_SECRET = 'y'.repeat(43);
const SLUGS = ['northwind-data-platform', 'harbor-lightweight', 'meridian-closed-won', 'sinar-pangan-gudang'];

function build(dist: string, env: Record<string, string> = {}) {
	const passwords = Object.fromEntries(SLUGS.map((slug) => [passwordVariable(slug), `${slug} brass lantern 47`]));
	return runAstroBuild({ ...passwords, MAP_SITE_SECRET: SITE_SECRET, MAPSITE_DIST: dist, MAPSITE_SECRETS: join(dist, '..', 'none.json'), ...env });
}


describe('building part of the deals', () => {
	let work = '';
	let full = new Map<string, string>();
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'mapsite-partial-'));
		for (const slug of SLUGS) ids[slug] = await deriveDealPathId(Buffer.from(SITE_SECRET, 'base64url'), slug);
		const result = build(join(work, 'dist'));
		expect(result.status, result.output).toBe(0);
		full = await readTree(join(work, 'dist'));
	}, 240_000);

	test('MAPSITE_DEALS rebuilds one deal and keeps every other file byte for byte', async () => {
		const result = build(join(work, 'dist'), { MAPSITE_DEALS: 'harbor-lightweight' });
		expect(result.status, result.output).toBe(0);
		expect(result.output).toContain('only harbor-lightweight; other deals kept');
		const after = await readTree(join(work, 'dist'));
		expect([...after.keys()].sort()).toEqual([...full.keys()].sort());
		for (const [path, bytes] of full) {
			if (path.startsWith(`${ids['harbor-lightweight']}/`) && path.endsWith('.enc')) expect(after.get(path), path).not.toBe(bytes);
			else if (!path.startsWith(`${ids['harbor-lightweight']}/`)) expect(after.get(path), path).toBe(bytes);
		}
		// The rebuilt deal has a new build id; its older payload of the same page no longer opens.
		const harbor = ids['harbor-lightweight'];
		const buildIdOf = (tree: Map<string, string>) => parseGateManifest(/id="mapsite-gate">([^<]*)</.exec(Buffer.from(tree.get(`${harbor}/index.html`)!, 'base64').toString('utf8'))![1]).buildId;
		expect(buildIdOf(after)).not.toBe(buildIdOf(full));
		const key = await importContentKey(await deriveContentKey(Buffer.from(SITE_SECRET, 'base64url'), 'harbor-lightweight', 1));
		const payload = (tree: Map<string, string>) => new Uint8Array(Buffer.from(tree.get(`${harbor}/index.html.enc`)!, 'base64'));
		const aad = buildFileAad(harbor, buildIdOf(after), 'index.html.enc');
		expect((await decryptFile(key, payload(after), aad)).length).toBeGreaterThan(0);
		await expect(decryptFile(key, payload(full), aad)).rejects.toMatchObject({ code: 'auth-failed' });
	}, 240_000);

	test('MAPSITE_DEALS with an unknown slug names it and builds nothing', () => {
		const result = build(join(work, 'other'), { MAPSITE_DEALS: 'harbour-lightweight' });
		expect(result.status).not.toBe(0);
		expect(result.output).toContain('--deal (MAPSITE_DEALS) names "harbour-lightweight", which is not a plan in plans/.');
		expect(result.output).not.toMatch(/\n\s+at /);
	});

	test('two shards merged hold exactly the files of the full build', async () => {
		for (const shard of ['1/2', '2/2']) {
			const result = build(join(work, `shard-${shard[0]}`), { MAPSITE_SHARD: shard });
			expect(result.status, result.output).toBe(0);
		}
		const one = await readTree(join(work, 'shard-1'));
		const two = await readTree(join(work, 'shard-2'));
		// Every deal is in exactly one shard.
		for (const id of Object.values(ids)) expect(one.has(`${id}/index.html`) !== two.has(`${id}/index.html`)).toBe(true);
		await mergeShards(join(work, 'merged'), [join(work, 'shard-1'), join(work, 'shard-2')]);
		expect([...(await readTree(join(work, 'merged'))).keys()].sort()).toEqual([...full.keys()].sort());
	}, 240_000);
});
