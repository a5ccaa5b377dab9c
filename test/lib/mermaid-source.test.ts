import { describe, expect, test } from 'vitest';
import { buildMermaidSource, escapeMermaidLabel } from '../../src/lib/mermaid-source.ts';
import { findCriticalPath } from '../../src/lib/schedule.ts';
import { getPlanStatuses } from '../../src/lib/status.ts';
import { makePlan } from '../helpers/make-plan.ts';

const TODAY = '2026-05-10';

describe('buildMermaidSource', () => {
	const plan = makePlan({
		milestones: [
			{ id: 'eval', title: 'Technical evaluation', due: '2026-05-20' },
			{ id: 'unused', title: 'Unused', due: '2026-06-01' },
		],
		actions: [
			{ id: 'demo', title: 'Demo', milestone: 'eval', due: '2026-05-01', status: 'done', completedOn: '2026-05-01' },
			{ id: 'poc', title: 'Proof of concept', milestone: 'eval', due: '2026-05-08', dependsOn: ['demo'] },
			{ id: 'security', title: 'Security review', due: '2026-05-30', dependsOn: ['demo'] },
			{ id: 'sign', title: 'Sign', due: '2026-06-20', dependsOn: ['poc', 'security'] },
		],
	});
	const statuses = getPlanStatuses(plan, TODAY);
	const criticalPath = findCriticalPath(statuses.context.schedule!);

	test('draws milestones, dependencies, statuses and the critical path', () => {
		expect(criticalPath).toEqual(['demo', 'security', 'sign']);
		expect(buildMermaidSource(plan, { statuses: statuses.actions, criticalPath })).toMatchInlineSnapshot(`
			"flowchart LR
			  subgraph m0["Technical evaluation"]
			    a0["Demo"]
			    a1["Proof of concept"]
			  end
			  a2["Security review"]
			  a3["Sign"]
			  a0 --> a1
			  a0 --> a2
			  a1 --> a3
			  a2 --> a3
			  classDef done fill:#e7f5ec,stroke:#1e7b3c,color:#14532d
			  classDef late fill:#fde8e8,stroke:#b42318,color:#7a1a12
			  classDef blocked fill:#f2f2f4,stroke:#b42318,color:#3f3f46,stroke-dasharray:5 3
			  classDef atRisk fill:#fff1e0,stroke:#b45309,color:#7a3608
			  classDef dueSoon fill:#fef9e1,stroke:#a16207,color:#6b4206
			  classDef onTrack fill:#eaf2ff,stroke:#1d4ed8,color:#1e3a8a
			  class a0 done
			  class a1 late
			  class a3 atRisk
			  class a2 onTrack
			  style a0 stroke-width:4px
			  style a2 stroke-width:4px
			  style a3 stroke-width:4px
			  linkStyle 1,3 stroke-width:4px
			"
		`);
	});

	test('adds localised status words to labels when given', () => {
		const source = buildMermaidSource(plan, {
			statuses: statuses.actions,
			criticalPath: [],
			labels: { done: 'Selesai', late: 'Terlambat <!>' },
		});
		expect(source).toContain('a0["Demo<br/>Selesai"]');
		expect(source).toContain('a1["Proof of concept<br/>Terlambat #lt;!#gt;"]');
		expect(source).toContain('a2["Security review"]');
		expect(source).not.toContain('style ');
		expect(source).not.toContain('linkStyle');
	});

	test('uses index-based ids so that hostile ids and titles stay inside their labels', () => {
		const hostile = makePlan({
			milestones: [{ id: 'end', title: 'end"] --> x["owned', due: '2026-06-01' }],
			actions: [
				{ id: 'end', title: 'end', milestone: 'end' },
				{ id: 'subgraph', title: 'Say "hi" <script>alert(1)</script>', dependsOn: ['end'] },
				{ id: 'click', title: 'a --> b; #1 [x] {y} & `z`\nnext line', dependsOn: ['subgraph'] },
			],
		});
		const source = buildMermaidSource(hostile, { statuses: new Map(), criticalPath: [] });
		expect(source).toMatchInlineSnapshot(`
			"flowchart LR
			  subgraph m0["end#quot;] --#gt; x[#quot;owned"]
			    a0["end"]
			  end
			  a1["Say #quot;hi#quot; #lt;script#gt;alert(1)#lt;/script#gt;"]
			  a2["a --#gt; b; #35;1 [x] {y} #amp; #96;z#96; next line"]
			  a0 --> a1
			  a1 --> a2
			  classDef done fill:#e7f5ec,stroke:#1e7b3c,color:#14532d
			  classDef late fill:#fde8e8,stroke:#b42318,color:#7a1a12
			  classDef blocked fill:#f2f2f4,stroke:#b42318,color:#3f3f46,stroke-dasharray:5 3
			  classDef atRisk fill:#fff1e0,stroke:#b45309,color:#7a3608
			  classDef dueSoon fill:#fef9e1,stroke:#a16207,color:#6b4206
			  classDef onTrack fill:#eaf2ff,stroke:#1d4ed8,color:#1e3a8a
			"
		`);
		// Every label holds no raw quote, so no title can close its label early.
		for (const label of source.matchAll(/\["(.*)"\]$/gm)) expect(label[1]).not.toContain('"');
	});

	test('gives the same source for the same plan', () => {
		const options = { statuses: statuses.actions, criticalPath };
		expect(buildMermaidSource(plan, options)).toBe(buildMermaidSource(plan, options));
	});
});

describe('escapeMermaidLabel', () => {
	test.each([
		['plain text', 'plain text'],
		['"quoted"', '#quot;quoted#quot;'],
		['#1 & <b>', '#35;1 #amp; #lt;b#gt;'],
		['#quot;', '#35;quot;'],
		['line\r\n  two', 'line two'],
	])('escapes %j as %j', (text, escaped) => {
		expect(escapeMermaidLabel(text)).toBe(escaped);
	});
});
