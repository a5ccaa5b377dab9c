import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getDealContext } from '../../src/layouts/deal-context.ts';
import { findBrandContrastFallbacks, formatBrandStyle, getBrandPalette, getReadableBrandColor } from '../../src/lib/brand-contrast.ts';
import { checkPlanSource } from '../../src/lib/check/index.ts';
import { contrastRatio, getRelativeLuminance } from '../../src/lib/contrast.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { makePlan } from '../helpers/make-plan.ts';
import { runScript } from '../scripts/run-script.ts';
import { planWith } from './check/fixture.ts';

describe('findBrandContrastFallbacks', () => {
	test('names each failing colour with its ratio and a darker shade that passes AA', () => {
		const fallbacks = findBrandContrastFallbacks({ primary: '#7fb3ff', accent: '#ffcc00' });
		expect(fallbacks.map(({ field, color, shade }) => ({ field, color, shade }))).toEqual([
			{ field: 'primary', color: '#7fb3ff', shade: '#5173a3' },
			{ field: 'accent', color: '#ffcc00', shade: '#8a6e00' },
		]);
		for (const fallback of fallbacks) {
			expect(fallback.ratio).toBeLessThan(4.5);
			expect(fallback.shadeRatio).toBeGreaterThanOrEqual(4.5);
			expect(contrastRatio(fallback.shade, '#f5f7fa')).toBe(fallback.shadeRatio);
		}
	});

	test('warns about a colour that passes on white but not on the page tint, where links sit', () => {
		expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
		expect(findBrandContrastFallbacks({ primary: '#767676' }).map((f) => f.field)).toEqual(['primary']);
	});

	test.each([
		['a dark primary and no accent', { primary: '#0b5fff' }],
		['colours readable on the page tint', { primary: '#595959', accent: '#0f766e' }],
		['a short hex colour that passes', { primary: '#036' }],
	])('finds nothing for %s', (_, brand) => {
		expect(findBrandContrastFallbacks(brand)).toEqual([]);
	});

	test('checks a light accent even when the primary is fine', () => {
		expect(findBrandContrastFallbacks({ primary: '#0b5fff', accent: '#fde68a' }).map((f) => f.field)).toEqual(['accent']);
	});
});

describe('getReadableBrandColor', () => {
	test('keeps a readable colour and darkens a light one', () => {
		expect(getReadableBrandColor('#0F766E')).toBe('#0f766e');
		expect(getReadableBrandColor('#7fb3ff')).toBe('#5173a3');
	});

	test('names the same shade the site puts in its brand style', () => {
		const plan = makePlan({ brand: { primary: '#7fb3ff', accent: '#ffcc00' } });
		const { brandStyle } = getDealContext({ entry: { id: 'x', collection: 'plans', data: plan } as never, routeId: 'x' });
		expect(brandStyle).toContain('--brand-ink: #5173a3;');
		expect(brandStyle).toContain('--brand-accent-ink: #8a6e00;');
		expect(brandStyle).toBe(formatBrandStyle(getBrandPalette(plan.brand)));
	});
});

// Every colour on a 6-step grid of each channel (216 colours), plus short and upper-case spellings.
const LEVELS = ['00', '33', '66', '99', 'cc', 'ff'];
const GRID = LEVELS.flatMap((r) => LEVELS.flatMap((g) => LEVELS.map((b) => `#${r}${g}${b}`)));
const MANY_COLOURS = [...GRID, '#0f766e', '#0F766E', '#38bdf8', '#fde68a', '#7fb3ff', '#036', '#FFF'];

describe('getBrandPalette', () => {
	test.each(MANY_COLOURS)('keeps %s readable on white and on the page tint in its base, hover and active states', (color) => {
		const { ink, accentInk } = getBrandPalette({ primary: color });
		for (const shade of [ink.base, ink.hover, ink.active, accentInk.base, accentInk.hover, accentInk.active]) {
			// As text on white cards and the page's tint, and behind white text.
			expect(contrastRatio(shade, '#ffffff')).toBeGreaterThanOrEqual(4.5);
			expect(contrastRatio(shade, '#f5f7fa')).toBeGreaterThanOrEqual(4.5);
		}
	});

	test.each(MANY_COLOURS)('makes the hover and active states of %s darker, never lighter, than its base', (color) => {
		const { ink } = getBrandPalette({ primary: color });
		expect(getRelativeLuminance(ink.hover)).toBeLessThanOrEqual(getRelativeLuminance(ink.base));
		expect(getRelativeLuminance(ink.active)).toBeLessThanOrEqual(getRelativeLuminance(ink.hover));
		if (ink.base !== '#000000') expect(ink.hover).not.toBe(ink.base);
	});

	test('gives harbor\'s teal a hover that passes where the old white overlay gave 4.06:1', () => {
		const { ink } = getBrandPalette({ primary: '#0f766e' });
		expect(ink.base).toBe('#0f766e');
		expect(contrastRatio(ink.hover, '#ffffff')).toBeGreaterThan(contrastRatio(ink.base, '#ffffff'));
	});

	test('uses the primary colour for the accent when the plan sets none', () => {
		const palette = getBrandPalette({ primary: '#7fb3ff' });
		expect(palette.accent).toBe(palette.primary);
		expect(palette.accentInk).toEqual(palette.ink);
	});

	test.each(MANY_COLOURS.filter((_, index) => index % 7 === 0))('warns about %s with exactly the shade the site draws', (color) => {
		const palette = getBrandPalette({ primary: color, accent: color });
		for (const fallback of findBrandContrastFallbacks({ primary: color, accent: color })) {
			expect(fallback.shade).toBe(fallback.field === 'primary' ? palette.ink.base : palette.accentInk.base);
		}
		expect(formatBrandStyle(palette)).toContain(`--brand-ink: ${palette.ink.base};`);
	});
});

describe('the brand-contrast-low check', () => {
	test('warns with file, field, value, ratio and the shade used instead', () => {
		const problems = checkPlanSource('plans/northwind.mdx', planWith((p) => (p.brand.accent = '#fde68a'))).problems;
		expect(problems.map((problem) => [problem.severity, problem.code])).toEqual([['warning', 'brand-contrast-low']]);
		expect(formatProblem(problems[0])).toMatchInlineSnapshot(`
			"plans/northwind.mdx:9: warning: brand.accent "#fde68a" has a contrast of 1.1:1 with the page background (#f5f7fa), below the 4.5:1 WCAG AA needs for text.
			    The site uses the darker shade "#7c7144" (4.5:1) for text instead; set brand.accent to a darker colour to choose the shade yourself."
		`);
	});

	test('makes `npm run check` print the warning and still exit 0', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'mapsite-brand-'));
		try {
			await mkdir(join(dir, 'plans'));
			await writeFile(join(dir, 'plans', 'light.mdx'), planWith((p) => (p.brand.primary = '#38bdf8')));
			const result = runScript('check.ts', [], dir);
			expect(result.stdout).toMatchInlineSnapshot(`
				"plans/light.mdx:8: warning: brand.primary "#38bdf8" has a contrast of 1.9:1 with the page background (#f5f7fa), below the 4.5:1 WCAG AA needs for text.
				    The site uses the darker shade "#24799f" (4.5:1) for text instead; set brand.primary to a darker colour to choose the shade yourself.

				1 plan checked: 0 errors, 1 warning
				"
			`);
			expect(result.status).toBe(0);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
