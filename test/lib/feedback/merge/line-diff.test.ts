import { describe, expect, test } from 'vitest';
import { findHunks, matchLines } from '../../../../src/lib/feedback/merge/line-diff.ts';

describe('matchLines', () => {
	test('pairs the lines both texts keep and marks the rest -1', () => {
		expect(matchLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([0, -1, 2, 3]);
	});
});

describe('findHunks', () => {
	test.each([
		[['a', 'b'], ['a', 'b'], []],
		[['a', 'b'], ['a', 'n', 'b'], [{ start: 1, end: 1, lines: ['n'] }]],
		[['a', 'b', 'c'], ['a', 'B', 'c', 'd'], [{ start: 1, end: 2, lines: ['B'] }, { start: 3, end: 3, lines: ['d'] }]],
		[['a', 'b'], ['b'], [{ start: 0, end: 1, lines: [] }]],
	])('turns %j into %j as %j', (before, after, hunks) => {
		expect(findHunks(before, after)).toEqual(hunks);
	});
});
