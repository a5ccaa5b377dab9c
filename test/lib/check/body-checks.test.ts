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
			"plans/northwind.mdx:40: body has a <script> tag, which a plan page must not carry.
			    Remove it; write the content as Markdown.
			plans/northwind.mdx:41: body has a <iframe> tag, which a plan page must not carry.
			    Remove it; write the content as Markdown."
		`);
	});
});
