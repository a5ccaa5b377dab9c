import { link, mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH_GATE_LABELS } from '../../../src/lib/gate/index.ts';
import { collectGatedSentinels } from '../../../src/lib/leak-scan.ts';
import { getProductVocabulary } from '../../../src/lib/leak-vocabulary.ts';
import { createPlanInput } from '../../../src/lib/new-plan.ts';
import { LeakError, publishSite, type DealToPublish } from '../../../src/node/publish/publish-site.ts';
import { PlanSchema } from '../../../src/schema/plan.ts';

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
		await link(join(dist, 'deal-a/index.html'), join(work, 'witness-a.html'));
		await put(stage, 'deal-b/index.html', '<html><head></head><body><mapsite-content>new B</mapsite-content></body></html>');
		await put(stage, '_astro/site.css', 'new css');
		const result = await publishSite({ stageDir: stage, distDir: dist, deals: [deal('deal-b')], sentinels: [], gatedSlugs: [], cacheDir: join(work, 'cache'), siteUrl: 'https://plans.example.com', keepOtherDeals: true });
		// A kept page from a build before the Content-Security-Policy gains it, in a new file.
		expect(await readFile(join(dist, 'deal-a/index.html'), 'utf8')).toMatch(/^<meta http-equiv="Content-Security-Policy" content="[^"]+">published A$/);
		expect(await readFile(join(work, 'witness-a.html'), 'utf8')).toBe('published A');
		expect(await readFile(join(dist, 'deal-b/index.html'), 'utf8')).toContain('new B');
		expect(await readFile(join(dist, '_astro/site.css'), 'utf8')).toBe('new css');
		expect(await readFile(join(work, 'witness.css'), 'utf8')).toBe('old css');
		expect(result.files).toBeGreaterThanOrEqual(4);
	});
});

describe('publishSite leak scan', () => {
	const scaffold = PlanSchema.parse(createPlanInput({ slug: 'acme', buyer: 'Acme Corp', seller: 'Tidewell Data', today: '2026-12-02' }));
	const plan = { ...scaffold, actions: scaffold.actions.map((action, at) => (at === 3 ? { ...action, title: 'Pen test of the Acme billing export' } : action)) };
	const sentinels = collectGatedSentinels([{ slug: 'acme', file: 'plans/acme.mdx', plan, body: '' }], getProductVocabulary());

	async function stageSite(extra: Record<string, string>) {
		const work = await mkdtemp(join(tmpdir(), 'mapsite-publish-leak-'));
		const stage = join(work, 'stage');
		// The site's stylesheet names a milestone class after the template's "Decision" milestone.
		await put(stage, '_astro/style.Cy_NchUk.css', '.timeline__decision-key{color:red}.security-review{}');
		for (const [path, text] of Object.entries(extra)) await put(stage, path, text);
		return { work, stage, dist: join(work, 'dist') };
	}

	it('publishes a site whose own styles share words with the scaffold', async () => {
		const { work, stage, dist } = await stageSite({});
		await publishSite({ stageDir: stage, distDir: dist, deals: [], sentinels, gatedSlugs: ['acme'], cacheDir: join(work, 'cache'), siteUrl: 'https://plans.example.com' });
		expect(await readFile(join(dist, '_astro/style.Cy_NchUk.css'), 'utf8')).toContain('decision');
	});

	it('refuses a readable file holding a step the rep wrote, naming the phrase, field, plan file and published file, and publishes nothing', async () => {
		const { work, stage, dist } = await stageSite({ '404.html': '<p>Pen test of the Acme billing export</p>', '_astro/chunk.js': 'const buyer="Acme Corp"' });
		const publishing = publishSite({ stageDir: stage, distDir: dist, deals: [], sentinels, gatedSlugs: ['acme'], cacheDir: join(work, 'cache'), siteUrl: 'https://plans.example.com' });
		await expect(publishing).rejects.toBeInstanceOf(LeakError);
		await expect(publishing).rejects.toThrowErrorMatchingInlineSnapshot(`
			[Error: The published site would show text of a gated plan outside its encrypted pages, so nothing was published (the published folder is unchanged). 2 findings:
			  404.html: contains "Pen test of the Acme billing export" from plans/acme.mdx, actions[3].title (action "security-review")
			  _astro/chunk.js: contains "Acme Corp" from plans/acme.mdx, buyer.name
			What to do, for each line:
			  - If the file is one you added (a logo, or a file under public/), rename it or take the text out of it.
			  - If the phrase is ordinary wording that happens to match the file, reword that field in the plan.
			  - Otherwise the site itself put deal text in a readable file: do not publish by hand; send this message to whoever maintains the site.]
		`);
		await expect(stat(dist)).rejects.toThrow();
	});
});
