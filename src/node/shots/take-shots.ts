/**
 * `npm run shots`: builds the example plans into a scratch folder, serves them on 127.0.0.1 and
 * saves what a buyer sees: every page of every deal on a phone (390x844) and a laptop (1280x800),
 * full length, the password page on both, and the executive summary as printed on A4 and Letter.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getPageShotName, getShotFile } from '../../lib/shots.ts';
import { listExampleDeals } from '../example-deals.ts';
import { launchChromium, openDealPage, openPasswordPage, unlockDeal, VIEWPORTS } from '../example-browser.ts';
import { buildExampleSite } from '../example-site.ts';

/** What `takeShots` saved. */
export interface ShotsResult {
	folder: string;
	/** Paths relative to `folder`. */
	files: string[];
	/** Parts left out and why, e.g. no pdftoppm. */
	skipped: string[];
}

/** Options of takeShots. */
export interface ShotsOptions {
	/** Emptied and refilled. */
	folder: string;
	/** Progress lines. */
	log?: (line: string) => void;
}

const PAPERS = [
	{ name: 'a4', format: 'A4' },
	{ name: 'letter', format: 'Letter' },
] as const;

/** Builds, serves and photographs the example site into `folder`. */
export async function takeShots({ folder, log = () => {} }: ShotsOptions): Promise<ShotsResult> {
	log('Building the example plans into a scratch folder…');
	const site = await buildExampleSite();
	const files: string[] = [];
	const skipped: string[] = [];
	const browser = await launchChromium();
	try {
		await rm(folder, { recursive: true, force: true });
		await mkdir(folder, { recursive: true });
		const deals = await listExampleDeals(site.dist);
		const save = async (file: string, shoot: (path: string) => Promise<unknown>) => {
			const path = join(folder, file);
			await mkdir(dirname(path), { recursive: true });
			await shoot(path);
			files.push(file);
		};
		for (const viewport of VIEWPORTS) {
			const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
			for (const deal of deals) {
				log(`${deal.slug} on a ${viewport.name} (${viewport.width}x${viewport.height})`);
				if (deal.gated) {
					const gate = await openPasswordPage(context, site.origin, deal);
					await save(getShotFile(deal.slug, 'password', viewport.name), (path) => gate.screenshot({ path, fullPage: true }));
					await gate.close();
				}
				const page = await unlockDeal(context, site.origin, deal);
				for (const path of deal.pages) {
					await openDealPage(context, site.origin, deal, path, page);
					await save(getShotFile(deal.slug, getPageShotName(path), viewport.name), (file) => page.screenshot({ path: file, fullPage: true }));
				}
				await page.close();
			}
			await context.close();
		}
		const hasPdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined;
		if (!hasPdftoppm) skipped.push('the printed executive summaries: pdftoppm is missing (apt-get install poppler-utils)');
		const context = await browser.newContext();
		for (const deal of hasPdftoppm ? deals.filter((item) => item.pages.includes('summary/')) : []) {
			const page = await unlockDeal(context, site.origin, deal);
			await openDealPage(context, site.origin, deal, 'summary/', page);
			for (const paper of PAPERS) {
				const sheets = await printToPngs(await page.pdf({ format: paper.format }), (index) => join(folder, getShotFile(deal.slug, `summary-print-${paper.name}`, `sheet${index + 1}`)));
				files.push(...sheets.map((path) => path.slice(folder.length + 1)));
			}
			await page.close();
		}
		await context.close();
		return { folder, files, skipped };
	} finally {
		await browser.close();
		await site.close();
	}
}

// Rasterises each printed sheet into the PNG `target(index)` names; returns those paths.
async function printToPngs(pdf: Buffer, target: (index: number) => string): Promise<string[]> {
	const scratch = await mkdtemp(join(tmpdir(), 'mapsite-print-'));
	try {
		await writeFile(join(scratch, 'print.pdf'), pdf);
		const result = spawnSync('pdftoppm', ['-png', '-r', '96', join(scratch, 'print.pdf'), join(scratch, 'sheet')], { encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
		const sheets = (await readdir(scratch)).filter((name) => name.endsWith('.png')).sort();
		const saved: string[] = [];
		for (const [index, name] of sheets.entries()) {
			const path = target(index);
			await mkdir(dirname(path), { recursive: true });
			await rename(join(scratch, name), path);
			saved.push(path);
		}
		return saved;
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}
