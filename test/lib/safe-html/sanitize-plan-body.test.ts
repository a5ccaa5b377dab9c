import sanitizeHtml from 'sanitize-html';
import { describe, expect, test } from 'vitest';
import { findUnsafeMarkup } from '../../../src/lib/safe-html/find-unsafe-markup.ts';
import { KEEP_EVERYTHING_POLICY } from '../../../src/lib/safe-html/plan-body-policy.ts';
import { sanitizePlanBody } from '../../../src/lib/safe-html/sanitize-plan-body.ts';

// What Astro renders for a narrative with the provided components, GFM and Shiki (taken from a build).
const NARRATIVE = [
	'<h2 id="what-we-are-trying">What we are trying</h2>',
	'<p>See <a href="https://docs.example.com/pilot">the brief</a>, <a href="mailto:team@example.com">the team</a> or <a href="#next">next</a>.</p>',
	'<aside class="callout callout--warning" role="note" data-astro-cid-lnlu5god><p class="callout__title" data-astro-cid-lnlu5god><strong data-astro-cid-lnlu5god>Budget</strong></p>Closes Dec 15.</aside>',
	'<figure class="metric" data-astro-cid-6f4fft6k><span class="metric__value" data-astro-cid-6f4fft6k>120</span><figcaption class="metric__label" data-astro-cid-6f4fft6k>Hours<small class="metric__note" data-astro-cid-6f4fft6k>a week</small></figcaption></figure>',
	'<figure class="quote" data-astro-cid-a3svce7c><blockquote data-astro-cid-a3svce7c>One report.</blockquote><figcaption data-astro-cid-a3svce7c>Jo Marsh</figcaption></figure>',
	'<table><thead><tr><th align="left">Store</th></tr></thead><tbody><tr><td align="left">Flagship</td></tr></tbody></table>',
	'<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled /> Agreed</li></ul>',
	'<ol><li>Export</li></ol>',
	'<details><summary>How</summary><p>At 02:00.<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="true" aria-describedby="footnote-label">1</a></sup></p></details>',
	'<p><img src="/_astro/chart.RTF8yZEH_Z2b289t.webp" alt="Weekly hours chart" loading="lazy" decoding="async" width="40" height="20" /></p>',
	'<pre class="astro-code github-dark" style="background-color:#24292e;color:#e1e4e8;overflow-x:auto" tabindex="0" data-language="ts"><code><span class="line"><span style="color:#F97583">const</span></span></code></pre>',
	'<pre><code class="language-mermaid">flowchart LR\n A --&gt; B</code></pre>',
	'<section data-footnotes="true" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1"><p>Local time. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol></section>',
].join('\n');

const normalise = (html: string) => sanitizeHtml(html, KEEP_EVERYTHING_POLICY);

describe('sanitizePlanBody', () => {
	test('keeps a narrative as Astro renders it: headings, links, components, tables, task lists, details, footnotes, images, code', () => {
		expect(sanitizePlanBody(NARRATIVE)).toBe(normalise(NARRATIVE));
	});

	test.each([
		['an image error handler', '<img src="x" onerror="window.pwned=1" />', '<img src="x" />'],
		['a details toggle handler', '<details open ontoggle="window.pwned=1"><summary>s</summary>t</details>', '<details open=""><summary>s</summary>t</details>'],
		['a javascript: link', '<a href="javascript:window.pwned=1">x</a>', '<a>x</a>'],
		['an entity-encoded javascript: link', '<a href="jav&#x61;script&colon;window.pwned=1">x</a>', '<a>x</a>'],
		['a javascript: link with a tab inside the scheme', '<a href="java\tscript:window.pwned=1">x</a>', '<a>x</a>'],
		['a data: link', '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', '<a>x</a>'],
		['an svg with an onload handler', '<svg onload="window.pwned=1"><text>label</text></svg>', ''],
		['an iframe with srcdoc', '<iframe srcdoc="<script>parent.pwned=1</script>"></iframe>', ''],
		['an object', '<object data="data:text/html,x">fallback</object>', ''],
		['an embed', '<embed src="x.swf" />', ''],
		['a refresh meta tag', '<meta http-equiv="refresh" content="0;url=javascript:window.pwned=1" />', ''],
		['a base tag', '<base href="https://evil.example/" />', ''],
		['a form, keeping its text', '<form action="https://evil.example/"><button formaction="https://evil.example/">Send</button></form>', 'Send'],
		['a script', '<script>window.pwned=1</script>', ''],
		['a style element', '<style>body{display:none}</style>', ''],
		['a covering inline style', '<div style="position:fixed;inset:0;background:red">Cover</div>', '<div>Cover</div>'],
		['a background image in a style', '<span style="background-image:url(https://evil.example/t.png);color:#f00">x</span>', '<span style="color:#f00">x</span>'],
		['a remote image', '<img src="https://evil.example/pixel.png" alt="t" />', '<img alt="t" />'],
		['a data: image', '<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;" alt="t" />', '<img alt="t" />'],
		['a protocol-relative link', '<a href="//evil.example/">x</a>', '<a>x</a>'],
		['the loader\'s hooks, which would wire site behaviour to plan text', '<a href="#" data-mapsite-share data-mapsite-file="x">x</a>', '<a href="#">x</a>'],
		['a site class', '<p class="mapsite-gate-form">x</p>', '<p>x</p>'],
		['a text input', '<input type="password" autofocus onfocus="window.pwned=1" />', ''],
		['a video with a source error handler', '<video><source onerror="window.pwned=1" /></video>', ''],
		['an animate element re-pointing a link', '<svg><a><animate attributeName="href" values="javascript:alert(1)" /><text>x</text></a></svg>', ''],
	])('removes %s', (_what, html, expected) => {
		expect(sanitizePlanBody(html)).toBe(expected);
	});
});

describe('findUnsafeMarkup', () => {
	test('finds nothing in a narrative', () => {
		expect(findUnsafeMarkup(NARRATIVE)).toEqual([]);
	});

	test('says which values an attribute may take', () => {
		expect(findUnsafeMarkup('<input type="text" /><input type="checkbox" checked disabled />')).toEqual([
			{ tag: 'input', attribute: 'type', value: 'text', reason: 'may only be "checkbox" on <input>' },
		]);
	});

	test('names the tag, the attribute, the decoded value and the reason', () => {
		expect(findUnsafeMarkup('<a href="jav&#x61;script:x" onclick="y">z</a><iframe></iframe>')).toEqual([
			{ tag: 'a', attribute: 'href', value: 'javascript:x', reason: 'is not a web (http, https), email (mailto:) or relative link' },
			{ tag: 'a', attribute: 'onclick', value: 'y', reason: 'is an event handler, which runs code' },
			{ tag: 'iframe', reason: 'embeds another page' },
		]);
	});

	// The check and the page must agree: whatever the sanitiser changes, the check names.
	test.each([
		'<img src="x" onerror="a()" />',
		'<a href="javascript:a()">x</a>',
		'<p class="mapsite-gate-form">x</p>',
		'<span style="position:fixed">x</span>',
		'<input type="text" />',
		'<th align="justify">x</th>',
		'<marquee>x</marquee>',
	])('finds something wherever the sanitiser changes %s', (html) => {
		expect(sanitizePlanBody(html)).not.toBe(normalise(html));
		expect(findUnsafeMarkup(html).length).toBeGreaterThan(0);
	});
});
