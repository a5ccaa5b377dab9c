import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { findDiagramProblems } from '../../../src/node/mermaid/find-diagram-problems.ts';

const plan = (body: string) => `---\ntitle: Test\n---\n\n${body}\n`;

describe('findDiagramProblems', () => {
	test('reports a source Mermaid rejects at the line Mermaid stopped at (an unclosed label runs to the last line), with its message', async () => {
		const source = plan(['Intro', '', '```mermaid', 'flowchart LR', '  A --> B', '  B -->|x C', '  C --> D', '```'].join('\n'));
		const problems = await findDiagramProblems([{ file: 'plans/acme.mdx', source }]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'plans/acme.mdx', line: 11, severity: 'error', code: 'diagram-invalid' });
		expect(formatProblem(problems[0])).toMatch(/^plans\/acme\.mdx:11: body has a mermaid diagram that Mermaid cannot draw: Expecting .*got/);
	});

	test('counts a diagram front matter block in the line it reports', async () => {
		const source = plan(['```mermaid', '---', 'title: Flow', 'config:', '  theme: neutral', '---', 'flowchart LR', '  A --> B', '  B -->|x C', '  C --> D', '```'].join('\n'));
		const [problem] = await findDiagramProblems([{ file: 'plans/acme.mdx', source }]);
		expect(problem.line).toBe(14);
	});

	test('warns about click lines and passes a valid diagram of another type', async () => {
		const source = plan(['```mermaid', 'flowchart LR', '  A --> B', '  click A "https://evil.example"', '```', '', '```mermaid', 'sequenceDiagram', '  Buyer->>Seller: Hello', '```'].join('\n'));
		const problems = await findDiagramProblems([{ file: 'plans/acme.mdx', source }]);
		expect(problems.map(formatProblem)).toEqual([
			'plans/acme.mdx:8: warning: body has a diagram line the site leaves out: "click A "https://evil.example"". Diagram links and callbacks are not supported.\n    Remove the line; put a link in the text next to the diagram instead.',
		]);
	});

	test('reports a diagram type Mermaid does not know', async () => {
		const [problem] = await findDiagramProblems([{ file: 'plans/acme.mdx', source: plan('```mermaid\nflowchat LR\n  A --> B\n```') }]);
		expect(problem).toMatchObject({ line: 6, code: 'diagram-invalid' });
		expect(problem.message).toContain('No diagram type detected');
	});

	test('keeps each verdict in the cache, keyed by source', async () => {
		const cacheDir = await mkdtemp(join(tmpdir(), 'mapsite-diagram-check-'));
		const files = [{ file: 'plans/a.mdx', source: plan('```mermaid\npie\n  "a": x\n```\n\n```mermaid\npie\n  "a": 1\n```') }];
		const first = await findDiagramProblems(files, { cacheDir });
		expect(await readdir(cacheDir)).toHaveLength(2);
		expect(await findDiagramProblems(files, { cacheDir })).toEqual(first);
		expect(first).toHaveLength(1);
	});
});

describe('findDiagramProblems line numbers', () => {
	test('skips comment lines as Mermaid does when it counts', async () => {
		const source = plan(['```mermaid', '%% the deal', 'flowchart LR', '%% steps', '  A --> B', '', '  B --> ]]', '  C --> D', '```'].join('\n'));
		const [problem] = await findDiagramProblems([{ file: 'plans/acme.mdx', source }]);
		expect(source.split('\n')[problem.line! - 1]).toBe('  B --> ]]');
	});
});
