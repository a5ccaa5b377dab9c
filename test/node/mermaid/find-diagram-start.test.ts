import { describe, expect, test } from 'vitest';
import { findDiagramStart } from '../../../src/node/mermaid/find-diagram-start.ts';

describe('findDiagramStart', () => {
	test('finds the left edge of the topmost box, the leftmost of equals', () => {
		const svg = [
			'<g class="node" data-id="a2"><rect x="50" y="300" width="10" height="10"/></g>',
			'<g class="subgraph" data-id="m0"><rect x="240" y="8" width="300" height="400"/></g>',
			'<g class="node" data-id="a0"><rect x="260" y="40" width="10" height="10"/></g>',
			'<g class="subgraph" data-id="m1"><rect x="120" y="8" width="100" height="40"/></g>',
		].join('\n');
		expect(findDiagramStart(svg)).toBe(120);
	});

	test('gives up on diagrams laid out with transforms', () => {
		expect(findDiagramStart('<g class="node" transform="translate(10,20)"><rect x="-5" y="-5"/></g>')).toBeUndefined();
	});
});
