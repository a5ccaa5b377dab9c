/**
 * Which brand colours the site cannot use as they are for text, and the shade it uses instead.
 * The site draws links and the header with the brand colours on white (or white on them), so a
 * colour below WCAG AA for normal text is replaced by the nearest darker shade that passes.
 */
import type { Brand } from '../schema/branding.ts';
import { contrastRatio, findReadableShade } from './contrast.ts';

/** What brand colours are read against: the page background and the header's text colour. */
export const BRAND_TEXT_BACKGROUND = '#ffffff';

/** WCAG AA for normal text. */
export const BRAND_MIN_CONTRAST = 4.5;

/** A brand colour too light for text, and the shade the site shows in its place. */
export interface BrandContrastFallback {
	field: 'primary' | 'accent';
	/** The colour as the plan gives it. */
	color: string;
	/** Its contrast with {@link BRAND_TEXT_BACKGROUND}. */
	ratio: number;
	/** The closest shade that reaches {@link BRAND_MIN_CONTRAST}, as `findReadableShade` picks it for the site. */
	shade: string;
	/** The shade's contrast with {@link BRAND_TEXT_BACKGROUND}. */
	shadeRatio: number;
}

/** The colour the site uses for text in place of `color`: itself when readable, else the closest shade that is. */
export function getReadableBrandColor(color: string): string {
	return findReadableShade(color, BRAND_TEXT_BACKGROUND, BRAND_MIN_CONTRAST);
}

/**
 * Every brand colour the plan sets that fails WCAG AA against white, primary first. An unset
 * accent falls back to the primary colour, so it adds nothing of its own.
 */
export function findBrandContrastFallbacks(brand: Pick<Brand, 'primary' | 'accent'>): BrandContrastFallback[] {
	const fallbacks: BrandContrastFallback[] = [];
	for (const field of ['primary', 'accent'] as const) {
		const color = brand[field];
		if (color === undefined) continue;
		// The ratio is symmetric: white text on the colour and the colour on a white page score the same.
		const ratio = contrastRatio(color, BRAND_TEXT_BACKGROUND);
		if (ratio >= BRAND_MIN_CONTRAST) continue;
		const shade = getReadableBrandColor(color);
		fallbacks.push({ field, color, ratio, shade, shadeRatio: contrastRatio(shade, BRAND_TEXT_BACKGROUND) });
	}
	return fallbacks;
}
