import { describe, expect, test } from 'vitest';
import {
	contrastRatio,
	findReadableShade,
	formatHexColor,
	formatRatio,
	getRelativeLuminance,
	parseHexColor,
} from '../../src/lib/contrast.ts';

describe('parseHexColor', () => {
	test.each([
		['#0b5fff', [11, 95, 255]],
		['#FFF', [255, 255, 255]],
		['#abc', [170, 187, 204]],
	])('reads %s', (hex, rgb) => {
		expect(parseHexColor(hex)).toEqual(rgb);
	});

	test.each(['blue', '#12345', '0b5fff', '#gggggg'])('rejects %s', (hex) => {
		expect(parseHexColor(hex)).toBeUndefined();
	});
});

describe('formatHexColor', () => {
	test('writes six lower-case digits and clamps channels', () => {
		expect(formatHexColor([11, 95, 300])).toBe('#0b5fff');
	});
});

describe('getRelativeLuminance', () => {
	test.each([
		['#000000', 0],
		['#ffffff', 1],
		['#808080', 0.2158605],
	])('of %s is %d', (hex, luminance) => {
		expect(getRelativeLuminance(hex)).toBeCloseTo(luminance, 6);
	});

	test('throws on a value that is not a colour', () => {
		expect(() => getRelativeLuminance('red')).toThrowErrorMatchingInlineSnapshot(`[Error: Not a hex colour: "red"]`);
	});
});

describe('contrastRatio', () => {
	test.each([
		['#000000', '#ffffff', 21],
		['#ffffff', '#ffffff', 1],
		['#777777', '#ffffff', 4.478],
		['#0b5fff', '#ffffff', 5.128],
	])('between %s and %s is %d', (a, b, ratio) => {
		expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
	});

	test('does not depend on the order of the colours', () => {
		expect(contrastRatio('#ffcc00', '#123456')).toBe(contrastRatio('#123456', '#ffcc00'));
	});
});

describe('findReadableShade', () => {
	test('returns a colour that already passes unchanged', () => {
		expect(findReadableShade('#0B5FFF', '#ffffff', 4.5)).toBe('#0b5fff');
	});

	test.each(['#7fb3ff', '#ffcc00', '#ff6600', '#eeeeee'])('darkens %s until it passes against white', (hex) => {
		const shade = findReadableShade(hex, '#ffffff', 4.5);
		expect(contrastRatio(shade, '#ffffff')).toBeGreaterThanOrEqual(4.5);
		expect(getRelativeLuminance(shade)).toBeLessThan(getRelativeLuminance(hex));
	});

	test('stops at the first step that passes rather than going all the way to black', () => {
		const shade = findReadableShade('#7fb3ff', '#ffffff', 4.5);
		expect(shade).not.toBe('#000000');
		expect(contrastRatio(shade, '#ffffff')).toBeLessThan(4.8);
	});

	test('lightens against a dark background', () => {
		const shade = findReadableShade('#123456', '#000000', 7);
		expect(contrastRatio(shade, '#000000')).toBeGreaterThanOrEqual(7);
		expect(getRelativeLuminance(shade)).toBeGreaterThan(getRelativeLuminance('#123456'));
	});
});

describe('formatRatio', () => {
	test.each([
		[4.4999, '4.4:1'],
		[21, '21:1'],
		[5.128, '5.1:1'],
	])('writes %d as %s', (ratio, text) => {
		expect(formatRatio(ratio)).toBe(text);
	});
});
