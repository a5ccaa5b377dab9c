/** Checks that brand colours stay readable as links on the page and behind white header text; the shade named is the one getBrandPalette gives the site. */
import { BRAND_MIN_CONTRAST, BRAND_TEXT_BACKGROUND, findBrandContrastFallbacks } from '../brand-contrast.ts';
import { formatRatio } from '../contrast.ts';
import { quoteValue, type Problem } from '../problems.ts';
import { createProblem, type CheckContext } from './context.ts';

/**
 * A warning per brand colour below WCAG AA against the page background, naming the shade the site shows
 * instead. Only a warning: the site stays readable either way, but the rep may prefer to pick
 * the shade themselves.
 */
export function findLowContrastColors(context: CheckContext): Problem[] {
	return findBrandContrastFallbacks(context.plan.brand).map(({ field, color, ratio, shade, shadeRatio }) =>
		createProblem(context, ['brand', field], {
			code: 'brand-contrast-low',
			severity: 'warning',
			message: `${quoteValue(color)} has a contrast of ${formatRatio(ratio)} with the page background (${BRAND_TEXT_BACKGROUND}), below the ${BRAND_MIN_CONTRAST}:1 WCAG AA needs for text.`,
			hint: `The site uses the darker shade "${shade}" (${formatRatio(shadeRatio)}) for text instead; set brand.${field} to a darker colour to choose the shade yourself.`,
		}),
	);
}
