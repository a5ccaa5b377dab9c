import { describe, expect, test } from 'vitest';
import { getRelativeSpread, summarizeRuns } from '../../../tools/bench/lib/median-of-runs.ts';

describe('summarizeRuns', () => {
	test('takes the median of every number at the same place in each run', () => {
		const summary = summarizeRuns([
			{ cold: { wallMs: 60, phases: { render: 20 } } },
			{ cold: { wallMs: 90, phases: { render: 22 } } },
			{ cold: { wallMs: 66, phases: { render: 40 } } },
		]);
		expect(summary.median).toEqual({ cold: { wallMs: 66, phases: { render: 22 } } });
		expect(summary.runs).toBe(3);
	});

	test('records the lowest and highest value of each figure by its dotted path', () => {
		const { spread } = summarizeRuns([{ a: { b: 3 } }, { a: { b: 1 } }, { a: { b: 2 } }]);
		expect(spread).toEqual({ 'a.b': { min: 1, max: 3 } });
	});

	test('takes the mean of the two middle runs of an even number', () => {
		expect(summarizeRuns([{ x: 1 }, { x: 4 }, { x: 2 }, { x: 10 }]).median).toEqual({ x: 3 });
	});

	test('uses the runs that measured a figure and skips those that did not', () => {
		const { median, spread } = summarizeRuns<{ wallMs: number; rss?: number }>([{ wallMs: 5, rss: 100 }, { wallMs: 7 }, { wallMs: 6, rss: 300 }]);
		expect(median).toEqual({ wallMs: 6, rss: 200 });
		expect(spread.rss).toEqual({ min: 100, max: 300 });
	});

	test('keeps the first run\'s text and lists, and gives one run no spread', () => {
		expect(summarizeRuns([{ error: 'boom', notes: ['a'] }, { error: 'other', notes: ['b'] }]).median).toEqual({ error: 'boom', notes: ['a'] });
		expect(summarizeRuns([{ x: 4 }]).spread).toEqual({});
	});

	test('refuses an empty list of runs', () => {
		expect(() => summarizeRuns([])).toThrowErrorMatchingInlineSnapshot(`[Error: summarizeRuns needs at least one run.]`);
	});
});

describe('getRelativeSpread', () => {
	test.each([
		[{ min: 90, max: 110 }, 100, 0.1],
		[{ min: 5, max: 5 }, 5, 0],
		[undefined, 100, undefined],
		[{ min: 1, max: 2 }, 0, undefined],
	])('spread %o around %s is %s', (spread, middle, expected) => {
		expect(getRelativeSpread(spread, middle)).toBe(expected);
	});
});
