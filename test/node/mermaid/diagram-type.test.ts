import { describe, expect, test } from 'vitest';
import { getDiagramType, isFlowchart } from '../../../src/node/mermaid/diagram-type.ts';

describe('getDiagramType', () => {
	test.each([
		['flowchart LR\n  a --> b', 'flowchart'],
		['graph TD;a-->b', 'graph'],
		['%% a comment\n\nsequenceDiagram\n  A->>B: hi', 'sequenceDiagram'],
		['---\ntitle: Deal\n---\ngantt\n  title x', 'gantt'],
		['', ''],
	])('reads the header of %j as %j', (source, type) => {
		expect(getDiagramType(source)).toBe(type);
	});
});

describe('isFlowchart', () => {
	test.each([
		['flowchart LR\n a --> b', true],
		['graph TD\n a --> b', true],
		['stateDiagram-v2\n [*] --> A', false],
		['pie title Budget\n "a": 1', false],
	])('says %j is a flowchart: %s', (source, expected) => {
		expect(isFlowchart(source)).toBe(expected);
	});
});
