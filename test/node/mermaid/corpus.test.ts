/**
 * Diagrams written the ways people write them, one of every type Mermaid draws at build time,
 * through the build's own step (renderMermaidBlocks) and looked at in one Chromium page: every
 * label shows and every edge is there, and diagrams sharing a page look as they do alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, isChromiumAvailable } from '../../../src/node/mermaid/render-with-chromium.ts';
import { renderMermaidBlocks } from '../../../src/node/publish/render-mermaid-blocks.ts';

const CORPUS = join(import.meta.dirname, '../../fixtures/mermaid-corpus');
const DIAGRAM_CSS = readFileSync(join(import.meta.dirname, '../../../src/styles/diagrams.css'), 'utf8');
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, { labels: string[]; count: { selector: string; n: number } }>;
const files = readdirSync(CORPUS).filter((file) => file.endsWith('.mmd')).sort();

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const section = (file: string) => `<section data-file="${file}"><h2>${file}</h2><pre><code class="language-mermaid">${escapeHtml(readFileSync(join(CORPUS, file), 'utf8'))}</code></pre></section>`;
const page = (names: string[]) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body{margin:0;font:16px sans-serif}main{max-width:45rem;margin:auto;padding:0 16px}${DIAGRAM_CSS}</style></head><body><main>${names.map(section).join('')}</main></body></html>`;

let browser: Browser;
let cacheDir: string;
let mixed: Page;

async function drawPage(names: string[]): Promise<Page> {
	const html = (await renderMermaidBlocks(new Map([['page.html', page(names)]]), cacheDir)).get('page.html')!;
	const opened = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await opened.route('**/*', (route) => route.abort());
	await opened.setContent(html);
	return opened;
}

describe.skipIf(!isChromiumAvailable())('the Mermaid corpus (needs /usr/bin/chromium)', () => {
	beforeAll(async () => {
		cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-mermaid-corpus-'));
		browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--headless', '--disable-gpu'] });
		mixed = await drawPage(files);
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
	});

	test('lists an expectation for every diagram in the folder', () => {
		expect(Object.keys(expected).filter((key) => key.endsWith('.mmd')).sort()).toEqual(files);
	});

	test('draws every diagram with all its labels and edges', async () => {
		const found = await mixed.evaluate((want) => {
			const problems: string[] = [];
			for (const [file, { labels, count }] of Object.entries(want)) {
				const svg = document.querySelector(`section[data-file="${file}"] .diagram-svg > svg`);
				if (svg === null) {
					problems.push(`${file}: not drawn`);
					continue;
				}
				// Mermaid wraps long labels into rows with no space between them, so spaces are not compared.
				const text = (svg.textContent ?? '').replace(/\s+/g, '');
				for (const label of labels) if (!text.includes(label.replace(/\s+/g, ''))) problems.push(`${file}: label "${label}" missing`);
				const n = svg.querySelectorAll(count.selector).length;
				if (n !== count.n) problems.push(`${file}: ${n} of "${count.selector}" instead of ${count.n}`);
			}
			return problems;
		}, Object.fromEntries(Object.entries(expected).filter(([key]) => key.endsWith('.mmd'))));
		expect(found).toEqual([]);
	});

	test('gives every element of the page a unique id and keeps no style rule unscoped', async () => {
		const report = await mixed.evaluate(() => {
			const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
			const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
			const unscoped: string[] = [];
			for (const style of document.querySelectorAll('svg style')) {
				const root = style.closest('.diagram-svg > svg')!;
				for (const rule of (style as HTMLStyleElement).sheet?.cssRules ?? []) {
					if (rule instanceof CSSStyleRule && rule.selectorText.split(',').some((selector) => !selector.trim().startsWith(`#${root.id}`))) unscoped.push(rule.selectorText);
				}
			}
			return { duplicates, unscoped };
		});
		expect(report).toEqual({ duplicates: [], unscoped: [] });
	});

	test.each(['flowchart-labelled-edges.mmd', 'state.mmd', 'er.mmd'])('draws %s on the mixed page as it draws it alone', async (file) => {
		const alone = await drawPage([file]);
		const measure = (target: Page) =>
			target.evaluate((name) => {
				const svg = document.querySelector(`section[data-file="${name}"] .diagram-svg > svg`)!;
				const box = svg.getBoundingClientRect();
				const texts = [...svg.querySelectorAll('text')].map((text) => {
					const rect = text.getBoundingClientRect();
					return [Math.round(rect.width), Math.round(rect.height), Math.round(rect.left - box.left), Math.round(rect.top - box.top)];
				});
				return { width: Math.round(box.width), height: Math.round(box.height), texts };
			}, file);
		const [inMix, byItself] = [await measure(mixed), await measure(alone)];
		await alone.close();
		expect(inMix.texts.length).toBeGreaterThan(0);
		expect(inMix).toEqual(byItself);
	});
});
