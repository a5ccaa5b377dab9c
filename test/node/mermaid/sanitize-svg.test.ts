import { describe, expect, test } from 'vitest';
import { sanitizeSvg } from '../../../src/node/mermaid/sanitize-svg.ts';

describe('sanitizeSvg', () => {
	test('removes script elements, including self-closing and unclosed ones', () => {
		const svg = '<svg><script>alert(1)</script><g/><script href="x.js"/><text>ok</text><script>alert(2)';
		expect(sanitizeSvg(svg)).toBe('<svg><g/><text>ok</text>');
	});

	test('drops on* event attributes in any case and keeps the rest of the tag', () => {
		const svg = '<svg onload="alert(1)" width="10"><rect ONCLICK=alert(2) fill="red"/></svg>';
		expect(sanitizeSvg(svg)).toBe('<svg width="10"><rect fill="red"/></svg>');
	});

	test('keeps in-document links and drops external and javascript: ones', () => {
		const svg = '<svg><use href="#arrow"/><a xlink:href="https://evil.example/">x</a><a href="javascript:alert(1)">y</a></svg>';
		expect(sanitizeSvg(svg)).toBe('<svg><use href="#arrow"/><a>x</a><a>y</a></svg>');
	});

	test('removes CSS imports and external url() but keeps fragment url()', () => {
		const svg = "<svg><style>@import url('https://fonts.example/inter.css'); .a{marker-end:url(#m)} .b{background:url(https://x/y.png)}</style></svg>";
		expect(sanitizeSvg(svg)).toBe('<svg><style> .a{marker-end:url(#m)} .b{background:none}</style></svg>');
	});

	test('leaves escaped label text that only looks like an attribute alone', () => {
		const svg = '<svg><text data-label="x onerror=alert(1)">&lt;img src=x onerror=alert(1)&gt;</text></svg>';
		expect(sanitizeSvg(svg)).toBe(svg);
	});
	test('removes a whole font @import whose URL holds semicolons, leaving no CSS debris', () => {
		const svg = "<svg><style>\n  @import url('https://fonts.googleapis.com/css2?family=Inter:wght@400;500;600;700&amp;display=swap');\n  text { font-family: 'Inter'; }</style></svg>";
		const clean = sanitizeSvg(svg);
		expect(clean).not.toContain('@import');
		expect(clean).not.toContain('swap');
		expect(clean).toContain("text { font-family: 'Inter'; }");
	});
});
