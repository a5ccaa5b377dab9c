import { describe, expect, test } from 'vitest';
import { scopeCss, scopeSvg } from '../../../src/node/mermaid/scope-svg.ts';

describe('scopeCss', () => {
	test.each([
		['text{fill:red}', '#d text{fill:red}'],
		['svg{--x:1}', '#d{--x:1}'],
		['svg.dark text,.node rect{fill:red}', '#d.dark text,#d .node rect{fill:red}'],
		['#root .edge{stroke:red}', '#d .edge{stroke:red}'],
		['@media (min-width:10px){text{fill:red}}', '@media (min-width:10px){#d text{fill:red}}'],
		['@keyframes dash{from{opacity:0}to{opacity:1}}', '@keyframes dash{from{opacity:0}to{opacity:1}}'],
	])('confines %j to the diagram as %j', (css, scoped) => {
		expect(scopeCss(css, 'd', 'root')).toBe(scoped);
	});
});

describe('scopeSvg', () => {
	const svg =
		'<svg xmlns="http://www.w3.org/2000/svg" width="100.2" height="50.5" viewBox="0 0 100.2 50.5"><style>text{fill:red}</style>' +
		'<defs><marker id="arrowhead"/></defs><path marker-end="url(#arrowhead)"/><text>Hi</text></svg>';

	test('names the root, prefixes every id and the references to it, and scopes the style sheet', () => {
		const scoped = scopeSvg(svg, 'mapsite-diagram-3');
		expect(scoped).toContain('id="mapsite-diagram-3"');
		expect(scoped).toContain('<marker id="mapsite-diagram-3-arrowhead"/>');
		expect(scoped).toContain('marker-end="url(#mapsite-diagram-3-arrowhead)"');
		expect(scoped).toContain('<style>#mapsite-diagram-3 text{fill:red}</style>');
	});

	test('rounds a fractional size up to whole pixels so the drawing is never scaled below 1:1', () => {
		const scoped = scopeSvg(svg, 'd');
		expect(scoped).toContain('width="101"');
		expect(scoped).toContain('height="51"');
		expect(scoped).toContain('viewBox="0 0 100.2 50.5"');
	});

	test('gives two copies of one diagram no id in common', () => {
		const ids = (text: string): string[] => [...text.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
		const first = ids(scopeSvg(svg, 'mapsite-diagram-1'));
		const second = ids(scopeSvg(svg, 'mapsite-diagram-2'));
		expect(first.filter((id) => second.includes(id))).toEqual([]);
	});
});
