import { describe, expect, test } from 'vitest';
import { buildDependencyGraph, findCycles, sortTopologically } from '../../src/lib/graph.ts';

const node = (id: string, ...dependsOn: string[]) => ({ id, dependsOn });

describe('buildDependencyGraph', () => {
	test('lists prerequisites and dependents of every action in plan order', () => {
		const graph = buildDependencyGraph([node('a'), node('b', 'a'), node('c', 'a', 'b')]);
		expect(graph.ids).toEqual(['a', 'b', 'c']);
		expect(Object.fromEntries(graph.prerequisites)).toEqual({ a: [], b: ['a'], c: ['a', 'b'] });
		expect(Object.fromEntries(graph.dependents)).toEqual({ a: ['b', 'c'], b: ['c'], c: [] });
	});

	test('drops dependencies on unknown ids and repeated dependencies', () => {
		const graph = buildDependencyGraph([node('a'), node('b', 'ghost', 'a', 'a')]);
		expect(graph.prerequisites.get('b')).toEqual(['a']);
		expect(graph.dependents.get('a')).toEqual(['b']);
	});
});

describe('findCycles', () => {
	test('finds no cycle in a diamond', () => {
		const graph = buildDependencyGraph([node('a'), node('b', 'a'), node('c', 'a'), node('d', 'b', 'c')]);
		expect(findCycles(graph)).toEqual([]);
	});

	test('reports an action that depends on itself', () => {
		expect(findCycles(buildDependencyGraph([node('a', 'a')]))).toEqual([['a', 'a']]);
	});

	test('writes a cycle from its first action in plan order, in "waits for" direction', () => {
		const graph = buildDependencyGraph([node('x'), node('c', 'a'), node('a', 'b'), node('b', 'c')]);
		expect(findCycles(graph)).toEqual([['c', 'a', 'b', 'c']]);
	});

	test('reports separate cycles separately', () => {
		const graph = buildDependencyGraph([node('a', 'b'), node('b', 'a'), node('c', 'd'), node('d', 'c')]);
		expect(findCycles(graph)).toEqual([
			['a', 'b', 'a'],
			['c', 'd', 'c'],
		]);
	});
});

describe('sortTopologically', () => {
	test('puts every action after its prerequisites, keeping plan order for ties', () => {
		const graph = buildDependencyGraph([node('d', 'b', 'c'), node('c', 'a'), node('b', 'a'), node('a')]);
		expect(sortTopologically(graph)).toEqual(['a', 'c', 'b', 'd']);
	});

	test('takes a newly freed action before later ready ones when it comes first in the plan', () => {
		const graph = buildDependencyGraph([node('c', 'a'), node('a'), node('b')]);
		expect(sortTopologically(graph)).toEqual(['a', 'c', 'b']);
	});

	test('orders a wide plan of 300 independent actions in plan order', () => {
		const ids = Array.from({ length: 300 }, (_, index) => `n${299 - index}`);
		expect(sortTopologically(buildDependencyGraph(ids.map((id) => node(id))))).toEqual(ids);
	});

	test('keeps plan order when nothing depends on anything', () => {
		expect(sortTopologically(buildDependencyGraph([node('z'), node('y'), node('x')]))).toEqual(['z', 'y', 'x']);
	});

	test('gives up on a cycle', () => {
		expect(sortTopologically(buildDependencyGraph([node('a'), node('b', 'c'), node('c', 'b')]))).toBeUndefined();
	});

	test('sorts an empty graph to nothing', () => {
		expect(sortTopologically(buildDependencyGraph([]))).toEqual([]);
	});
});
