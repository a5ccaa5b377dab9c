/** WCAG 2 contrast between brand colours, so sites stay readable whatever colours a rep picks. */

type Rgb = [number, number, number];

/** Parses `#rgb` or `#rrggbb` into 0-255 channels; `undefined` for anything else. */
export function parseHexColor(hex: string): Rgb | undefined {
	const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
	if (!match) return undefined;
	const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
	return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as Rgb;
}

/** Writes 0-255 channels as lower-case `#rrggbb`. */
export function formatHexColor(rgb: Rgb): string {
	return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of a hex colour, from 0 (black) to 1 (white). */
export function getRelativeLuminance(hex: string): number {
	const rgb = parseHexColor(hex);
	if (!rgb) throw new Error(`Not a hex colour: ${JSON.stringify(hex)}`);
	const [r, g, b] = rgb.map((channel) => {
		const c = channel / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two hex colours, from 1 to 21; order does not matter. */
export function contrastRatio(hexA: string, hexB: string): number {
	const a = getRelativeLuminance(hexA);
	const b = getRelativeLuminance(hexB);
	return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * The closest shade of `hex` that reaches `minRatio` against `against`: mixed towards black
 * when `against` is light, towards white when it is dark, one percent at a time so the hue
 * stays recognisable. Returns `hex` itself (lower-cased, 6 digits) when it already passes.
 */
export function findReadableShade(hex: string, against: string, minRatio: number): string {
	const rgb = parseHexColor(hex);
	if (!rgb) throw new Error(`Not a hex colour: ${JSON.stringify(hex)}`);
	const target = getRelativeLuminance(against) > 0.179 ? 0 : 255;
	for (let step = 0; step <= 100; step++) {
		const t = step / 100;
		const shade = formatHexColor(rgb.map((c) => c + (target - c) * t) as Rgb);
		if (contrastRatio(shade, against) >= minRatio) return shade;
	}
	return target === 0 ? '#000000' : '#ffffff';
}

/** A ratio as people read it in WCAG tools: `4.5:1`, rounded down so a pass is never overstated. */
export function formatRatio(ratio: number): string {
	return `${Math.floor(ratio * 10) / 10}:1`;
}
