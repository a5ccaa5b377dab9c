/**
 * What the site-wide browser test checks on every page a buyer can land on: axe-core's rules
 * (best practices included), sideways scrolling, the gate's leftovers, landmarks, and the rendered
 * size of diagram labels. Runs inside a Playwright page; returns plain data for the test to judge.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One axe-core violation, flattened for a readable failure message. */
export interface AxeViolation {
	id: string;
	impact: string;
	help: string;
	targets: string[];
}

/** What one audit found. */
export interface PageAudit {
	violations: AxeViolation[];
	/** Whether the page itself scrolls sideways. */
	scrollsSideways: boolean;
	/** Elements of the password shell still in the page. */
	gateElements: string[];
	banners: number;
	mains: number;
	/** Diagram labels drawn below `minLabelPx`, as "text (size px)". */
	smallLabels: string[];
	/** How many diagram labels were measured. */
	labels: number;
}

/** Gate elements that must be gone once the deal is open. */
export const GATE_SELECTORS = ['.mapsite-gate-brand', '#mapsite-gate-main', '#mapsite-gate-form', '.mapsite-gate'];

/** Audits the page as it is now rendered. */
export async function auditPage(page: Page, minLabelPx = 12): Promise<PageAudit> {
	// Evaluated through DevTools rather than added as a <script>: the pages' policy refuses inline script.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE_SCRIPT, 'utf8'));
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
		// Every rule that is not experimental: WCAG A and AA, and best practices.
		const result = await axe.run(document, { resultTypes: ['violations'] });
		return result.violations.map((violation) => ({
			id: violation.id,
			impact: violation.impact ?? 'unknown',
			help: violation.help,
			targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
		}));
	});
	const layout = await page.evaluate(
		({ gateSelectors, minLabelPx }) => {
			// A header is the page's banner unless it sits inside sectioning content or main.
			const banners = [...document.querySelectorAll('header, [role="banner"]')].filter(
				(element) => element.getAttribute('role') === 'banner' || element.parentElement?.closest('article, aside, main, nav, section, [role="main"]') === null,
			);
			const isShown = (element: Element) => {
				const box = element.getBoundingClientRect();
				return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
			};
			const labels = [...document.querySelectorAll('main svg text')].filter(isShown) as SVGTextElement[];
			const smallLabels: string[] = [];
			for (const label of labels) {
				const matrix = label.getScreenCTM();
				if (!matrix) continue;
				// Rendered size = font size in SVG units times the SVG's scale on screen.
				const size = Number.parseFloat(getComputedStyle(label).fontSize) * Math.hypot(matrix.a, matrix.b);
				if (size < minLabelPx) smallLabels.push(`${(label.textContent ?? '').trim().slice(0, 40)} (${size.toFixed(1)} px)`);
			}
			return {
				scrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
				gateElements: gateSelectors.filter((selector) => document.querySelector(selector) !== null),
				banners: banners.length,
				mains: document.querySelectorAll('main, [role="main"]').length,
				smallLabels,
				labels: labels.length,
			};
		},
		{ gateSelectors: GATE_SELECTORS, minLabelPx },
	);
	return { violations, ...layout };
}

/** Violations as one line each, for a failure message. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
	return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.slice(0, 3).join(', ')}`);
}
