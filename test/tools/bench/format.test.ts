import { describe, expect, test } from 'vitest';
import { computeRatio, formatBytes, formatDuration, formatRatio, formatTable, median } from '../../../tools/bench/lib/format.ts';
import { parseDealCounts, parseRuns, parseSeed } from '../../../tools/bench/lib/options.ts';

describe('computeRatio', () => {
	test.each([
		[30, 10, 3],
		[10, 0, undefined],
		[undefined, 10, undefined],
		[10, undefined, undefined],
	])('%s / %s is %s', (a, b, expected) => {
		expect(computeRatio(a, b)).toBe(expected);
	});
});

describe('median', () => {
	test('takes the middle value, or the mean of the two middle ones', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeUndefined();
	});
});

describe('format helpers', () => {
	test.each([
		[undefined, 'n/a'],
		[4.25, '4.3 ms'],
		[845.4, '845 ms'],
		[12_345, '12.3 s'],
	])('formatDuration(%s) is %s', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});

	test.each([
		[512, '512 B'],
		[34_567, '34.6 kB'],
		[1_234_567, '1.2 MB'],
	])('formatBytes(%s) is %s', (bytes, text) => {
		expect(formatBytes(bytes)).toBe(text);
	});

	test('formatRatio prints two decimals or n/a', () => {
		expect(formatRatio(2.416)).toBe('2.42x');
		expect(formatRatio(undefined)).toBe('n/a');
	});
});

describe('formatTable', () => {
	test('aligns the first column left and the others right', () => {
		expect(formatTable(['phase', 'ms'], [['render', '1200'], ['swap', '3']])).toMatchInlineSnapshot(`
			"phase     ms
			------  ----
			render  1200
			swap       3"
		`);
	});
});

describe('parseDealCounts', () => {
	test('reads a comma-separated list', () => {
		expect(parseDealCounts('50, 200')).toEqual([50, 200]);
	});

	test('names every bad value', () => {
		expect(() => parseDealCounts('50,x,0')).toThrowErrorMatchingInlineSnapshot(
			`[Error: --deals "50,x,0" must be whole numbers from 1 to 99999 separated by commas, like --deals 50,200. Received: "x", "0"]`,
		);
	});
});

describe('parseSeed', () => {
	test('accepts whole numbers and refuses the rest', () => {
		expect(parseSeed('12')).toBe(12);
		expect(() => parseSeed('-1')).toThrow('--seed "-1" must be a whole number');
	});
});

describe('parseRuns', () => {
	test.each(['1', '3', '9'])('accepts %s', (text) => {
		expect(parseRuns(text)).toBe(Number(text));
	});

	test.each(['0', '10', '2.5', 'three', ''])('refuses "%s"', (text) => {
		expect(() => parseRuns(text)).toThrow(`--runs "${text}" must be a whole number from 1 to 9, like --runs 3.`);
	});
});
