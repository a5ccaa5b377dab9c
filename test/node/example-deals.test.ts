import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { deriveDealPathId } from '../../src/lib/crypto/index.ts';
import { listExampleDeals } from '../../src/node/example-deals.ts';
import { EXAMPLE_SITE } from '../../src/node/example-site.ts';

const folders: string[] = [];
afterEach(async () => {
	await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function writePage(dist: string, path: string, html: string): Promise<void> {
	await mkdir(join(dist, path), { recursive: true });
	await writeFile(join(dist, path, 'index.html'), html);
}

describe('listExampleDeals', () => {
	test('finds each deal folder of a build by its derived id, with its pages, overview first, and its password', async () => {
		const dist = await mkdtemp(join(tmpdir(), 'mapsite-deals-'));
		folders.push(dist);
		const id = await deriveDealPathId(Buffer.from(EXAMPLE_SITE.siteSecret, 'base64url'), 'harbor-lightweight');
		const shell = '<form id="mapsite-gate-form" hidden></form>';
		for (const path of ['', 'plan/', 'people/', 'people/owe/ana/']) await writePage(dist, `${id}/${path}`, shell);
		await mkdir(join(dist, '_mapsite'));
		await writePage(dist, 'open-deal', '<main>public</main>');
		expect(await listExampleDeals(dist)).toEqual([
			{ slug: 'harbor-lightweight', routeId: id, password: EXAMPLE_SITE.passwords['harbor-lightweight'], gated: true, pages: ['', 'people/', 'people/owe/ana/', 'plan/'] },
			{ slug: 'open-deal', routeId: 'open-deal', password: undefined, gated: false, pages: [''] },
		]);
	});
});
