import { describe, expect, test } from 'vitest';
import { buildMermaidSource } from '../../../src/lib/mermaid-source.ts';
import { renderWithBeautiful } from '../../../src/node/mermaid/render-with-beautiful.ts';
import type { Plan } from '../../../src/schema/plan.ts';

const plan = {
	milestones: [{ id: 'eval', title: 'Evaluation' }],
	actions: [
		{ id: 'kick', title: 'Kick-off call', milestone: 'eval', dependsOn: [] },
		{ id: 'sec', title: 'Security review', milestone: 'eval', dependsOn: ['kick'] },
		{ id: 'sign', title: 'Sign order form', dependsOn: ['sec'] },
	],
} as unknown as Pick<Plan, 'actions' | 'milestones'>;

const source = buildMermaidSource(plan, {
	statuses: new Map([['kick', 'done'], ['sec', 'blocked'], ['sign', 'on-track']]),
	criticalPath: ['kick', 'sec'],
});

const renderOne = (text: string): string => {
	const svg = renderWithBeautiful([text]).rendered.get(text);
	if (typeof svg !== 'string') throw svg ?? new Error('not rendered');
	return svg;
};

describe('renderWithBeautiful', () => {
	test('draws every node label, the milestone subgraph, status colours and the thick critical link', () => {
		const svg = renderOne(source);
		for (const label of ['Kick-off call', 'Security review', 'Sign order form', 'Evaluation']) expect(svg).toContain(`>${label}<`);
		expect(svg).toContain('class="subgraph" data-id="m0"');
		expect(svg).toContain('fill="#dcfce7" stroke="#166534" stroke-width="3px"');
		expect(svg).toMatch(/data-from="a0" data-to="a1"[^>]*stroke-width="3px"/);
	});

	test('keeps arrowheads one size, in user-space units, whatever the stroke width', () => {
		const markers = renderOne(source).match(/<marker [^>]*>/g) ?? [];
		expect(markers.length).toBeGreaterThan(0);
		for (const marker of markers) expect(marker).toContain('markerUnits="userSpaceOnUse"');
	});

	test('widens a milestone box, and the drawing, to hold a title longer than its steps', () => {
		const svg = renderOne('flowchart TD\n  subgraph m0["Uji coba gudang Surabaya selesai dengan baik"]\n    a0["Rapat"]\n  end\n');
		const box = /<g class="subgraph"[^>]*>\s*<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
		const title = 'Uji coba gudang Surabaya selesai dengan baik';
		// At least half an em per character of the 12-px title, whatever the font.
		expect(Number(box[2])).toBeGreaterThan(title.length * 6);
		const drawing = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)![1]);
		expect(drawing).toBeGreaterThanOrEqual(Number(box[1]) + Number(box[2]));
	});

	test('ends each wrapped line with a space, so the label reads as words', () => {
		const svg = renderOne('flowchart TD\n  a0["Legal approves the<br/>final contract"]\n');
		const text = /<text[^>]*>([\s\S]*?)<\/text>/.exec(svg)![1].replace(/<[^>]+>/g, '');
		expect(text).toBe('Legal approves the final contract');
	});

	test('leaves an apostrophe that beautiful-mermaid already escaped as one apostrophe', () => {
		const svg = renderOne('flowchart TD\n  a0["Northwind\'s identity provider"]\n');
		expect(svg).toContain('Northwind&#39;s');
		expect(svg).not.toContain('&&#39;');
	});

	test('restores the dashed border that marks blocked actions without colour', () => {
		expect(renderOne(source)).toMatch(/data-id="a1"[^>]*>\s*<rect stroke-dasharray="5 3"/);
	});

	test('decodes Mermaid entity codes into escaped text instead of showing them literally', () => {
		const hostile = buildMermaidSource(
			{ milestones: [], actions: [{ id: 'x', title: '<script>alert("x")</script> & #1', dependsOn: [] }] } as unknown as Pick<Plan, 'actions' | 'milestones'>,
			{ statuses: new Map(), criticalPath: [] },
		);
		const svg = renderOne(hostile);
		expect(svg).toContain('>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#35;1<');
		expect(svg).not.toContain('<script');
		expect(svg).not.toContain('#lt;');
	});

	test('lists diagram types other than flowcharts as unsupported and renders nothing for them', () => {
		const sequence = 'sequenceDiagram\n  Alice->>Bob: Hi';
		const result = renderWithBeautiful([sequence, source]);
		expect(result.unsupported).toEqual([sequence]);
		expect([...result.rendered.keys()]).toEqual([source]);
	});
});
