/** A per-deal favicon: the seller's initial on the deal's brand colour, as a tiny SVG. */
import { escapeHtml } from '../gate/escape-html.ts';
import { contrastRatio, findReadableShade } from '../contrast.ts';

/** The icon's SVG source; the colour is nudged until white or near-black text on it reads at 4.5:1. */
export function buildFavicon(sellerName: string, primary: string): string {
	const initial = [...sellerName.trim()][0]?.toUpperCase() ?? 'M';
	const text = contrastRatio('#ffffff', primary) >= contrastRatio('#111111', primary) ? '#ffffff' : '#111111';
	const background = findReadableShade(primary, text, 4.5);
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${background}"/><text x="32" y="44" font-family="system-ui, sans-serif" font-size="36" font-weight="700" text-anchor="middle" fill="${text}">${escapeHtml(initial)}</text></svg>\n`;
}
