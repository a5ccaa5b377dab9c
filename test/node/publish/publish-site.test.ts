import { link, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH_GATE_LABELS } from '../../../src/lib/gate/index.ts';
import { publishSite, type DealToPublish } from '../../../src/node/publish/publish-site.ts';

async function put(root: string, path: string, text: string): Promise<void> {
	await mkdir(dirname(join(root, path)), { recursive: true });
	await writeFile(join(root, path), text);
}

const deal = (routeId: string): DealToPublish => ({ slug: routeId, routeId, lang: 'en', shellTitle: 'Mutual action plan', sellerName: 'Tidewell', gateLabels: ENGLISH_GATE_LABELS });

describe('publishSite keeping other deals', () => {
	it('keeps other deals, replaces shared files without writing through to the published ones', async () => {
		const work = await mkdtemp(join(tmpdir(), 'mapsite-publish-'));
		const dist = join(work, 'dist');
		const stage = join(work, 'stage');
		await put(dist, 'deal-a/index.html', 'published A');
		await put(dist, 'deal-b/index.html', 'published B');
		await put(dist, '_astro/site.css', 'old css');
		// Another name for the published stylesheet's bytes, to see whether the build wrote into them.
		await link(join(dist, '_astro/site.css'), join(work, 'witness.css'));
		await put(stage, 'deal-b/index.html', '<html><head></head><body><mapsite-content>new B</mapsite-content></body></html>');
		await put(stage, '_astro/site.css', 'new css');
		const result = await publishSite({ stageDir: stage, distDir: dist, deals: [deal('deal-b')], sentinels: [], gatedSlugs: [], cacheDir: join(work, 'cache'), siteUrl: 'https://plans.example.com', keepOtherDeals: true });
		expect(await readFile(join(dist, 'deal-a/index.html'), 'utf8')).toBe('published A');
		expect(await readFile(join(dist, 'deal-b/index.html'), 'utf8')).toContain('new B');
		expect(await readFile(join(dist, '_astro/site.css'), 'utf8')).toBe('new css');
		expect(await readFile(join(work, 'witness.css'), 'utf8')).toBe('old css');
		expect(result.files).toBeGreaterThanOrEqual(4);
	});
});
