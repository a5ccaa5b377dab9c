import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getCardContent, type CardLabels } from '../../src/lib/og/card.ts';
import { getCardHash, renderCardPng, renderCardSvg } from '../../src/node/og-image.ts';
import { makePlan, type PlanOverrides } from '../helpers/make-plan.ts';

const LABELS: CardLabels = { dealTitle: 'Mutual action plan', summaryTitle: 'Executive summary', decisionBy: 'Decision by', done: 'done' };
// Rendered cards are kept for people to look at; the folder is git-ignored.
const REVIEW_DIR = join(import.meta.dirname, '../../test-output/og');

function makeContent(overrides: PlanOverrides = {}, kind: 'deal' | 'summary' = 'deal') {
	const plan = makePlan({
		title: 'Zephyr takeover of Quillon',
		buyer: { name: 'Quillon Holdings' },
		seller: { name: 'Acme & Sons' },
		stakeholders: [
			{ id: 'ana', name: 'Ana Vasquez', role: 'CTO', side: 'buyer' },
			{ id: 'sam', name: 'Sam Okafor', role: 'Account executive', side: 'seller' },
		],
		...overrides,
	});
	return getCardContent(plan, { kind, labels: LABELS, decisionDateText: '1 July 2026', progressPercent: 40 });
}

/** The text satori wrote into `<text>` elements, one word or space per element, joined back up. */
function readSvgText(svg: string): string {
	return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
		.map((match) => match[1])
		.join('')
		.replaceAll('&amp;', '&')
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>');
}

function readPngSize(png: Uint8Array): { width: number; height: number } {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function makeCacheDir(): Promise<string> {
	return mkdtemp(join(tmpdir(), 'mapsite-og-'));
}

async function keepForReview(name: string, png: Uint8Array): Promise<void> {
	await mkdir(REVIEW_DIR, { recursive: true });
	await writeFile(join(REVIEW_DIR, name), png);
}

describe('renderCardSvg', () => {
	test('writes only the seller name and neutral title into a neutral card', async () => {
		const text = readSvgText(await renderCardSvg(makeContent(), { embedFont: false }));
		expect(text).toBe('Acme & SonsMutual action plan');
		for (const secret of ['Quillon', 'Zephyr', 'Ana Vasquez', 'Sam Okafor', 'July']) expect(text).not.toContain(secret);
	});

	test('writes the buyer name, decision date and progress into a named card', async () => {
		const text = readSvgText(await renderCardSvg(makeContent({ share: { preview: 'named' } }, 'summary'), { embedFont: false }));
		expect(text).toBe('Acme & SonsQuillon HoldingsExecutive summary · Decision by 1 July 202640% done');
		expect(text).not.toContain('Zephyr');
	});

	test('draws text as paths by default so the PNG needs no fonts', async () => {
		const svg = await renderCardSvg(makeContent());
		expect(svg).toMatch(/^<svg width="1200" height="630"/);
		expect(svg).not.toContain('<text');
		expect(svg).toContain('<path');
	});
});

describe('getCardHash', () => {
	test('changes with the plan colour and stays the same for the same content', async () => {
		const blue = await getCardHash(makeContent({ brand: { primary: '#0b5fff' } }));
		expect(await getCardHash(makeContent({ brand: { primary: '#0b5fff' } }))).toBe(blue);
		expect(await getCardHash(makeContent({ brand: { primary: '#1a7f37' } }))).not.toBe(blue);
		expect(blue).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('renderCardPng', () => {
	test.each([
		['neutral-deal.png', {}, 'deal'],
		['neutral-summary-light.png', { brand: { primary: '#ffd700' } }, 'summary'],
		['named-deal.png', { share: { preview: 'named' }, buyer: { name: 'Łódź Logistics Müller' } }, 'deal'],
		['named-summary.png', { share: { preview: 'named' }, brand: { primary: '#1a7f37', accent: '#ffd700' } }, 'summary'],
	] as const)('renders %s as a 1200x630 PNG', async (name, overrides, kind) => {
		const { png, cached } = await renderCardPng(makeContent(overrides as PlanOverrides, kind), { cacheDir: await makeCacheDir() });
		await keepForReview(name, png);
		expect(cached).toBe(false);
		expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(new TextDecoder().decode(png.slice(12, 16))).toBe('IHDR');
		expect(readPngSize(png)).toEqual({ width: 1200, height: 630 });
	});

	test('serves an unchanged card from <cacheDir>/<hash>.png without rendering or rewriting it', async () => {
		const cacheDir = await makeCacheDir();
		const content = makeContent();
		const first = await renderCardPng(content, { cacheDir });
		const path = join(cacheDir, `${first.hash}.png`);
		const written = await stat(path);
		const second = await renderCardPng(content, { cacheDir });
		expect(second).toEqual({ png: first.png, hash: first.hash, cached: true });
		expect(await readdir(cacheDir)).toEqual([`${first.hash}.png`]);
		expect((await stat(path)).mtimeMs).toBe(written.mtimeMs);
		expect(new Uint8Array(await readFile(path))).toEqual(first.png);
	});

	test('returns whatever the cache file holds, which shows the renderer was skipped', async () => {
		const cacheDir = await makeCacheDir();
		const content = makeContent();
		const hash = await getCardHash(content);
		await writeFile(join(cacheDir, `${hash}.png`), 'planted');
		const result = await renderCardPng(content, { cacheDir });
		expect(result.cached).toBe(true);
		expect(new TextDecoder().decode(result.png)).toBe('planted');
	});

	test('renders a new file when the plan colour changes', async () => {
		const cacheDir = await makeCacheDir();
		const blue = await renderCardPng(makeContent({ brand: { primary: '#0b5fff' } }), { cacheDir });
		const green = await renderCardPng(makeContent({ brand: { primary: '#1a7f37' } }), { cacheDir });
		expect(green.cached).toBe(false);
		expect(green.hash).not.toBe(blue.hash);
		expect((await readdir(cacheDir)).sort()).toEqual([`${blue.hash}.png`, `${green.hash}.png`].sort());
	});
});
