import { describe, expect, test } from 'vitest';
import { findDiagramTitle, findMermaidBlocks, removeInteractions } from '../../src/lib/mermaid-blocks.ts';

describe('findMermaidBlocks', () => {
	test('finds each mermaid fence with the file line of its first source line, skipping other fences', () => {
		const text = ['# Plan', '', '```mermaid', 'flowchart LR', '  A --> B', '```', '', '~~~ts', '```mermaid', '~~~', '````mermaid', 'pie', '  "a": 1', '````'].join('\n');
		expect(findMermaidBlocks(text)).toEqual([
			{ source: 'flowchart LR\n  A --> B', line: 4 },
			{ source: 'pie\n  "a": 1', line: 12 },
		]);
	});

	test('counts lines from the given first line', () => {
		expect(findMermaidBlocks('```mermaid\ngraph TD\n```', 10)).toEqual([{ source: 'graph TD', line: 11 }]);
	});
});

describe('removeInteractions', () => {
	test.each([
		['flowchart LR\n  A --> B\n  click A "https://x.example"\n  click B call go()', [2, 3]],
		['classDiagram\n  A <|-- B\n  link A "https://x"\n  callback B "f"\n  click A href "y"', [2, 3, 4]],
		['sequenceDiagram\n  A->>B: hi\n  link A: Docs @ https://x\n  links B: {"x": "https://y"}', [2, 3]],
		['gantt\n  section S\n  Task :t1, 2026-01-01, 3d\n  click t1 href "https://x"', [3]],
	])('turns the interaction lines of %j into comments', (source, removed) => {
		const result = removeInteractions(source);
		expect(result.removed).toEqual(removed);
		expect(result.source.split('\n')).toHaveLength(source.split('\n').length);
		for (const index of removed) expect(result.source.split('\n')[index]).toMatch(/^%%/);
	});

	test('leaves a mindmap node that happens to say click alone', () => {
		const source = 'mindmap\n  root\n    click here';
		expect(removeInteractions(source)).toEqual({ source, removed: [] });
	});
});

describe('findDiagramTitle', () => {
	test('reads front matter, accTitle and title lines, and says none when there is none', () => {
		expect(findDiagramTitle('---\ntitle: "Close plan"\n---\nflowchart LR\n  a --> b')).toBe('Close plan');
		expect(findDiagramTitle('flowchart LR\n  accTitle: Who signs\n  a --> b')).toBe('Who signs');
		expect(findDiagramTitle('gantt\n  title Rollout\n  section A')).toBe('Rollout');
		expect(findDiagramTitle('flowchart LR\n  a --> b')).toBeUndefined();
	});
});
