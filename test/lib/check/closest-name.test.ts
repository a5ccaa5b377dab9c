import { describe, expect, test } from 'vitest';
import { findClosestName, listNames, measureEditDistance } from '../../../src/lib/check/closest-name.ts';

describe('measureEditDistance', () => {
	test.each([
		['owner', 'owner', 0],
		['ownr', 'owner', 1],
		['onwer', 'owner', 2],
		['', 'abc', 3],
		['kitten', 'sitting', 3],
	])('from %s to %s is %d', (a, b, distance) => {
		expect(measureEditDistance(a, b)).toBe(distance);
	});
});

describe('findClosestName', () => {
	const fields = ['id', 'title', 'side', 'owner', 'due', 'status'];

	test.each([
		['ownr', 'owner'],
		['Owner', 'owner'],
		['stauts', 'status'],
		['titel', 'title'],
	])('suggests %s -> %s', (name, closest) => {
		expect(findClosestName(name, fields)).toBe(closest);
	});

	test('suggests nothing when every name is more than two edits away', () => {
		expect(findClosestName('background', fields)).toBeUndefined();
	});
});

describe('listNames', () => {
	test('lists short lists in full', () => {
		expect(listNames(['a', 'b'])).toBe('a, b');
	});

	test('cuts long lists and says how many were left out', () => {
		expect(listNames(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more');
	});
});
