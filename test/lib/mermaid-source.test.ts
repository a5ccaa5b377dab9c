import { describe, expect, test } from 'vitest';
import { buildMermaidSource, escapeMermaidLabel, wrapWords } from '../../src/lib/mermaid-source.ts';
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
			  classDef done fill:#dcfce7,stroke:#166534,color:#166534
			  classDef onTrack fill:#ffffff,stroke:#166534,color:#166534
			  classDef dueSoon fill:#fef9c3,stroke:#854d0e,color:#854d0e
			  classDef atRisk fill:#fef9c3,stroke:#854d0e,color:#854d0e
			  classDef late fill:#fee2e2,stroke:#991b1b,color:#991b1b
			  classDef blocked fill:#fee2e2,stroke:#991b1b,color:#991b1b,stroke-dasharray:5 3
			  class a0 done
			  class a2 onTrack
			  class a3 atRisk
			  class a1 late
			  style a0 stroke-width:3px
			  style a2 stroke-width:3px
			  style a3 stroke-width:3px
			  linkStyle 1,3 stroke-width:3px
			"
		`);
	});

	test('adds localised status words to labels when given', () => {
		const source = buildMermaidSource(plan, {
			statuses: statuses.actions,
			criticalPath: [],
			labels: { done: 'Selesai', late: 'Terlambat <!>' },
		});
		expect(source).toContain('a0["Demo<br/>✓ Selesai"]');
		expect(source).toContain('a1["Proof of concept<br/>! Terlambat #lt;!#gt;"]');
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
			  classDef done fill:#dcfce7,stroke:#166534,color:#166534
			  classDef onTrack fill:#ffffff,stroke:#166534,color:#166534
			  classDef dueSoon fill:#fef9c3,stroke:#854d0e,color:#854d0e
			  classDef atRisk fill:#fef9c3,stroke:#854d0e,color:#854d0e
			  classDef late fill:#fee2e2,stroke:#991b1b,color:#991b1b
			  classDef blocked fill:#fee2e2,stroke:#991b1b,color:#991b1b,stroke-dasharray:5 3
			"
		`);
		// Every label holds no raw quote, so no title can close its label early.
		for (const label of source.matchAll(/\["(.*)"\]$/gm)) expect(label[1]).not.toContain('"');
	});

	test('flows top-down and wraps long titles at word boundaries when asked', () => {
		const source = buildMermaidSource(plan, { statuses: new Map(), criticalPath: [], direction: 'TD', wrapAt: 8 });
		expect(source.split('\n')[0]).toBe('flowchart TD');
		expect(source).toContain('a1["Proof of<br/>concept"]');
		expect(source).toContain('a2["Security<br/>review"]');
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

describe('wrapWords', () => {
	test.each([
		['Legal approves the final contract', 12, ['Legal', 'approves the', 'final', 'contract']],
		['Sign', 12, ['Sign']],
		['Procurement-and-legal sign', 10, ['Procurement-and-legal', 'sign']],
		['  spaced   out  ', 40, ['spaced out']],
	])('wraps %j at %i characters into %j', (text, width, lines) => {
		expect(wrapWords(text, width)).toEqual(lines);
	});

	test('keeps the text on one line without a width', () => {
		expect(wrapWords('Legal approves the final contract')).toEqual(['Legal approves the final contract']);
	});
});
