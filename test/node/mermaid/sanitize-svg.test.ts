import { describe, expect, test } from 'vitest';
import { sanitizeSvg } from '../../../src/node/mermaid/sanitize-svg.ts';

const svg = (inner: string, attributes = "") => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inner}</svg>`;

describe('sanitizeSvg', () => {
	test('removes script elements and checks the sibling after each removed one', () => {
		expect(sanitizeSvg(svg('<script>alert(1)</script><script href="x.js"/><rect onclick="alert(2)" width="1"/><text>ok</text>'))).toBe(
			svg('<rect width="1"/><text>ok</text>'),
		);
	});

	test.each([
		['an event handler in any case', '<rect ONCLICK="alert(1)" fill="red"/>', '<rect fill="red"/>'],
		['an external or javascript: link', '<use href="#arrow"/><use xlink:href="https://evil.example/#x"/><use href=" javascript:alert(1)"/>', '<use href="#arrow"/><use/><use/>'],
		['a link element, keeping its drawing', '<a href="javascript:alert(1)"><rect width="2"/></a>', '<rect width="2"/>'],
		['animation that could rewrite a link', '<g><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(1)"/></g>', '<g/>'],
		['an image, iframe, object or embed', '<g/><image href="https://x/y.png"/><iframe src="x"/><object data="x"/><embed src="x"/><feImage href="x"/>', '<g/>'],
		['an attribute that is not allowlisted', '<rect width="3" formaction="x" srcdoc="y" foo="z"/>', '<rect width="3"/>'],
		['HTML that is not label markup inside a foreignObject', '<foreignObject width="9"><div class="l"><img src="x" onerror="alert(1)"/><span>label</span><iframe/></div></foreignObject>', '<foreignObject width="9"><div class="l"><span>label</span></div></foreignObject>'],
		['SVG smuggled into HTML inside a foreignObject', '<foreignObject><div><svg><script>alert(1)</script></svg></div></foreignObject>', '<foreignObject><div/></foreignObject>'],
		['a comment or processing instruction', '<!-- <script>alert(1)</script> --><?xml-stylesheet href="x.css"?><g/>', '<g/>'],
	])('drops %s', (_name, inner, expected) => {
		expect(sanitizeSvg(svg(inner))).toBe(svg(expected));
	});

	test('keeps a Mermaid-like drawing whole: styles, markers, classes, data and aria attributes', () => {
		const drawing = svg(
			'<style>#m .node rect{fill:#eee;stroke:#333}@keyframes dash{to{stroke-dashoffset:0}}</style><defs><marker id="m-arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker></defs><g class="node" data-id="A" aria-label="Start"><rect x="1" y="2" width="3" height="4" rx="2" style="fill:#fff;stroke-dasharray:5 3"/><text x="1" y="2" text-anchor="middle" dominant-baseline="central"><tspan dy="1.1em">Start</tspan></text></g><path d="M1 1L2 2" marker-end="url(#m-arrow)"/>',
			' id="m" viewBox="0 0 10 10" role="graphics-document document" aria-roledescription="flowchart-v2"',
		);
		expect(sanitizeSvg(drawing)).toBe(drawing);
	});

	test('removes CSS imports, font-faces, external url() and script hooks but keeps fragment url()', () => {
		const css =
			"@import url('https://fonts.example/inter.css');@font-face{font-family:x;src:url(https://x/f.woff)}.a{marker-end:url(#m)}.b{background:url(https://x/y.png);fill:red}.c{width:expression(alert(1))}.d{behavior:url(x.htc)}";
		expect(sanitizeSvg(svg(`<style>${css}</style><rect style="fill:url(#g);background-image:url(//x/y)"/>`))).toBe(
			svg('<style>.a{marker-end:url(#m)}.b{fill:red}.c{}.d{}</style><rect style="fill:url(#g)"/>'),
		);
	});

	test('removes a whole font @import whose URL holds semicolons, leaving no CSS debris', () => {
		const clean = sanitizeSvg(svg("<style>\n  @import url('https://fonts.googleapis.com/css2?family=Inter:wght@400;500;600;700&amp;display=swap');\n  text { font-family: 'Inter'; }</style>"));
		expect(clean).not.toContain('@import');
		expect(clean).not.toContain('swap');
		expect(clean).toContain('text{font-family:');
	});

	test('keeps escaped label text as text, so it never becomes markup', () => {
		const labelled = svg('<text data-label="x onerror=alert(1)">&lt;img src=x onerror=alert(1)&gt;</text>');
		expect(sanitizeSvg(labelled)).toBe(labelled);
	});
});
