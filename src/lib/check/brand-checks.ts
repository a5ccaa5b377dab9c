/** Checks that brand colours stay readable as links on the white page and behind white header text. */
import { contrastRatio, findReadableShade, formatRatio } from '../contrast.ts';
import { quoteValue, type Problem } from '../problems.ts';
import { createProblem, type CheckContext } from './context.ts';

const WHITE = '#ffffff';
/** WCAG AA for normal text. */
const MIN_RATIO = 4.5;

/** A warning per brand colour below WCAG AA against white, with a darker shade that passes. */
export function findLowContrastColors(context: CheckContext): Problem[] {
	const problems: Problem[] = [];
	for (const field of ['primary', 'accent'] as const) {
		const color = context.plan.brand[field];
		if (color === undefined) continue;
		// Ratio is symmetric: white text on the colour and the colour on a white page score the same.
		const ratio = contrastRatio(color, WHITE);
		if (ratio >= MIN_RATIO) continue;
		const shade = findReadableShade(color, WHITE, MIN_RATIO);
		problems.push(
			createProblem(context, ['brand', field], {
				code: 'brand-contrast-low',
				severity: 'warning',
				message: `${quoteValue(color)} has a contrast of ${formatRatio(ratio)} with white, below the ${MIN_RATIO}:1 WCAG AA needs for text.`,
				hint: `Use a darker shade such as "${shade}" (${formatRatio(contrastRatio(shade, WHITE))}).`,
			}),
		);
	}
	return problems;
}
