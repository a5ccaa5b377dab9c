/** Body images of gated deals end up only inside the deal's encrypted files archive. */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFileAad, createBuildId, decodeUtf8, decryptFile, generateContentKey, importContentKey, wrapContentKey } from '../../../src/lib/crypto/index.ts';
import { ENGLISH_GATE_LABELS } from '../../../src/lib/gate/index.ts';
import { unpackArchive } from '../../../src/lib/search/archive.ts';
import { listFiles } from '../../../src/node/site-files.ts';
import { ExposedAssetError, publishSite, type DealToPublish } from '../../../src/node/publish/publish-site.ts';

const CHART = fileURLToPath(new URL('../../fixtures/plan-body/chart.png', import.meta.url));
const page = (body: string) => `<html><head><link rel="stylesheet" href="/_astro/site.css"></head><body><mapsite-content data-title="Plan">${body}</mapsite-content></body></html>`;

async function put(root: string, path: string, data: string | Uint8Array): Promise<void> {
	await mkdir(dirname(join(root, path)), { recursive: true });
	await writeFile(join(root, path), data);
}

describe('publishSite with images in a gated plan body', () => {
	let work: string;
	let chart: Uint8Array;
	const contentKey = generateContentKey();
	let gated: DealToPublish;
	const open = (routeId: string, name: string, bytes: Uint8Array) => importContentKey(contentKey).then((key) => decryptFile(key, bytes, buildFileAad(routeId, gated.gate!.buildId, name)));

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'mapsite-deal-assets-'));
		chart = new Uint8Array(await readFile(CHART));
		gated = {
			slug: 'narrative',
			planFile: 'plans/narrative.mdx',
			routeId: 'g7h2',
			lang: 'en',
			shellTitle: 'Mutual action plan',
			sellerName: 'Tidewell',
			gateLabels: ENGLISH_GATE_LABELS,
			gate: { contentKey, wrappedKey: await wrapContentKey('pw', contentKey, 'g7h2', { iterations: 1 }), buildId: createBuildId() },
		};
	});
	afterAll(() => rm(work, { recursive: true, force: true }));

	async function stage(name: string) {
		const stageDir = join(work, name, 'stage');
		await put(stageDir, '_astro/site.css', 'body{}');
		await put(stageDir, '_astro/chart.Ab1_Z2.png', chart);
		await put(stageDir, '_astro/shared.Zz9.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
		await put(stageDir, 'g7h2/index.html', page('<p>Pilot</p><img src="/_astro/chart.Ab1_Z2.png" alt="Weekly hours chart" width="40" height="40" loading="lazy"><img src="/_astro/shared.Zz9.svg" alt="">'));
		await put(stageDir, 'g7h2/plan/index.html', page('<picture><source srcset="/_astro/chart.Ab1_Z2.png 1x"><img src="/_astro/chart.Ab1_Z2.png" alt="Weekly hours chart"></picture>'));
		await put(stageDir, 'p1/index.html', page('<img src="/_astro/shared.Zz9.svg" alt="">'));
		return { stageDir, distDir: join(work, name, 'dist'), cacheDir: join(work, 'cache') };
	}

	it('publishes the image only inside the deal files archive, and the pages point at it there', async () => {
		const { stageDir, distDir, cacheDir } = await stage('moved');
		const publicDeal: DealToPublish = { slug: 'p1', routeId: 'p1', lang: 'en', shellTitle: 'Mutual action plan', sellerName: 'Tidewell', gateLabels: ENGLISH_GATE_LABELS };
		await publishSite({ stageDir, distDir, deals: [gated, publicDeal], sentinels: [], gatedSlugs: ['narrative'], cacheDir, siteUrl: 'https://plans.example.com' });
		const published = await listFiles(distDir);
		expect(published).not.toContain('_astro/chart.Ab1_Z2.png');
		expect(published.filter((path) => /^_astro\/.*\.(webp|png|jpe?g|avif|gif|svg)$/.test(path))).toEqual(['_astro/shared.Zz9.svg']);
		const needle = Buffer.from(chart);
		for (const path of published) expect((await readFile(join(distDir, path))).includes(needle), path).toBe(false);
		const files = unpackArchive(await open('g7h2', 'files.enc', new Uint8Array(await readFile(join(distDir, 'g7h2/files.enc')))));
		expect([...files.keys()]).toEqual(['_site/_astro/chart.Ab1_Z2.png']);
		expect(Buffer.from(files.get('_site/_astro/chart.Ab1_Z2.png')!).equals(needle)).toBe(true);
		const overview = decodeUtf8(await open('g7h2', 'index.html.enc', new Uint8Array(await readFile(join(distDir, 'g7h2/index.html.enc')))));
		expect(overview).toContain('<img data-mapsite-src="_site/_astro/chart.Ab1_Z2.png" alt="Weekly hours chart" width="40" height="40" loading="lazy">');
		expect(overview).toContain('<img src="/_astro/shared.Zz9.svg" alt="">');
		const plan = decodeUtf8(await open('g7h2', 'plan/index.html.enc', new Uint8Array(await readFile(join(distDir, 'g7h2/plan/index.html.enc')))));
		expect(plan).toContain('<source data-mapsite-srcset="_site/_astro/chart.Ab1_Z2.png 1x">');
		expect(plan).not.toMatch(/["' ]\/_astro\/chart/);
		// The public deal keeps its plain image.
		expect(await readFile(join(distDir, 'p1/index.html'), 'utf8')).toContain('<img src="/_astro/shared.Zz9.svg" alt="">');
	});

	it('refuses, naming the plan file and image, when a gated page would show a readable image it cannot pack, and publishes nothing', async () => {
		const { stageDir, distDir, cacheDir } = await stage('refused');
		// An earlier build left a readable image the staged page still points at; a build of some deals keeps it.
		await put(distDir, '_astro/old.Q1.webp', 'old image');
		await put(distDir, 'p1/index.html', 'published public deal');
		await put(stageDir, 'g7h2/summary/index.html', page('<img src="/_astro/old.Q1.webp" alt="old">'));
		const publishing = publishSite({ stageDir, distDir, deals: [gated], sentinels: [], gatedSlugs: ['narrative'], cacheDir, siteUrl: 'https://plans.example.com', keepOtherDeals: true });
		await expect(publishing).rejects.toBeInstanceOf(ExposedAssetError);
		await expect(publishing).rejects.toThrow('plans/narrative.mdx: g7h2/summary/index.html shows "_astro/old.Q1.webp", which would be public');
		await expect(stat(join(distDir, 'g7h2'))).rejects.toThrow();
	});
});
