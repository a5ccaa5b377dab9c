/**
 * The one place brand colours become the colours the site draws with, and the one `npm run check`
 * warns about. The site puts brand colours behind white text (header, buttons) and uses them as
 * text on white and on the page's tint (links), so every shade it uses, in every state, keeps
 * WCAG AA against both: a colour below AA is replaced by the nearest darker shade that passes,
 * and hover and active states are darker still, never lighter.
 */
import type { Brand } from '../schema/branding.ts';
import { contrastRatio, findReadableShade, formatHexColor, parseHexColor } from './contrast.ts';

/**
 * What brand colours are read against: the page's tinted background (`--page` in
 * src/styles/tokens.css), the darkest surface brand text sits on. A shade that passes on it also
 * passes on white cards and behind the header's white text.
 */
export const BRAND_TEXT_BACKGROUND = '#f5f7fa';

/** WCAG AA for normal text. */
export const BRAND_MIN_CONTRAST = 4.5;

/** How far towards black hover and active states move, so they look pressed and only gain contrast. */
const HOVER_DARKEN = 0.18;
const ACTIVE_DARKEN = 0.32;

/** One brand colour as the site uses it: the readable shade and its hover and active states. */
export interface BrandInk {
	/** The shade for text on white and for fills behind white text. */
	base: string;
	hover: string;
	active: string;
}

/** Every colour the site derives from a plan's brand. */
export interface BrandPalette {
	/** The colours as the plan gives them (accent defaults to primary), for decoration only. */
	primary: string;
	accent: string;
	/** Readable shades of primary and accent, with their states. */
	ink: BrandInk;
	accentInk: BrandInk;
}

/** A brand colour too light for text, and the shade the site shows in its place. */
export interface BrandContrastFallback {
	field: 'primary' | 'accent';
	/** The colour as the plan gives it. */
	color: string;
	/** Its contrast with {@link BRAND_TEXT_BACKGROUND}. */
	ratio: number;
	/** The closest shade that reaches {@link BRAND_MIN_CONTRAST}, as the site uses it. */
	shade: string;
	/** The shade's contrast with {@link BRAND_TEXT_BACKGROUND}. */
	shadeRatio: number;
}

/** The colour the site uses for text in place of `color`: itself when readable, else the closest shade that is. */
export function getReadableBrandColor(color: string): string {
	return findReadableShade(color, BRAND_TEXT_BACKGROUND, BRAND_MIN_CONTRAST);
}

/** The readable shade of `color` and its darker hover and active states. */
export function getBrandInk(color: string): BrandInk {
	const base = getReadableBrandColor(color);
	return { base, hover: darken(base, HOVER_DARKEN), active: darken(base, ACTIVE_DARKEN) };
}

/** Every colour the site draws a plan's brand with; the accent falls back to the primary colour. */
export function getBrandPalette(brand: Pick<Brand, 'primary' | 'accent'>): BrandPalette {
	const primary = normalize(brand.primary);
	const accent = normalize(brand.accent ?? brand.primary);
	return { primary, accent, ink: getBrandInk(primary), accentInk: getBrandInk(accent) };
}

/** The palette as CSS custom properties for a `style` attribute (values are validated hex colours). */
export function formatBrandStyle(palette: BrandPalette): string {
	return [
		`--brand-primary: ${palette.primary};`,
		`--brand-accent: ${palette.accent};`,
		`--brand-ink: ${palette.ink.base};`,
		`--brand-ink-hover: ${palette.ink.hover};`,
		`--brand-ink-active: ${palette.ink.active};`,
		`--brand-accent-ink: ${palette.accentInk.base};`,
		`--brand-accent-ink-hover: ${palette.accentInk.hover};`,
		`--brand-accent-ink-active: ${palette.accentInk.active};`,
	].join(' ');
}

/**
 * Every brand colour the plan sets that fails WCAG AA against the page background, primary first, with the shade
 * {@link getBrandPalette} uses instead. An unset accent falls back to the primary colour, so it
 * adds nothing of its own.
 */
export function findBrandContrastFallbacks(brand: Pick<Brand, 'primary' | 'accent'>): BrandContrastFallback[] {
	const palette = getBrandPalette(brand);
	const fallbacks: BrandContrastFallback[] = [];
	for (const field of ['primary', 'accent'] as const) {
		const color = brand[field];
		if (color === undefined) continue;
		// The tint is darker than white, so a colour that passes on it passes as text on white and behind white text.
		const ratio = contrastRatio(color, BRAND_TEXT_BACKGROUND);
		if (ratio >= BRAND_MIN_CONTRAST) continue;
		const shade = (field === 'primary' ? palette.ink : palette.accentInk).base;
		fallbacks.push({ field, color, ratio, shade, shadeRatio: contrastRatio(shade, BRAND_TEXT_BACKGROUND) });
	}
	return fallbacks;
}

function normalize(hex: string): string {
	const rgb = parseHexColor(hex);
	if (!rgb) throw new Error(`Not a hex colour: ${JSON.stringify(hex)}`);
	return formatHexColor(rgb);
}

// Mixing towards black lowers luminance, so contrast with white and the page tint only rises.
function darken(hex: string, amount: number): string {
	const rgb = parseHexColor(hex)!;
	return formatHexColor(rgb.map((channel) => channel * (1 - amount)) as [number, number, number]);
}
