/**
 * The password gate's edges, pinned so that mutation testing (docs/mutation.md) notices a body
 * image that stays readable, a shell that says more than it should or a damaged manifest taken as
 * good. Everything each test needs is built inside it (see docs/mutation.md on `describe`-level work).
 */
import { describe, expect, test } from 'vitest';
import { GateError, type WrappedContentKey } from '../../src/lib/crypto/index.ts';
import { findExposedAssets, formatExposedAssets, listPageAssetReferences, pointAtArchivedAssets } from '../../src/lib/gate/deal-assets.ts';
import { ENGLISH_GATE_LABELS } from '../../src/lib/gate/labels.ts';
import { parseGateManifest, type GateManifest } from '../../src/lib/gate/manifest.ts';
import { renderShareMeta } from '../../src/lib/gate/share-meta.ts';
import { renderGateShell, type GateShellInput } from '../../src/lib/gate/shell.ts';

const PAGE = 'r0ute/index.html';

function makeManifest(overrides: Partial<GateManifest> = {}): GateManifest {
	const wrappedKey: WrappedContentKey = { v: 1, kdf: 'PBKDF2-SHA256', iterations: 600_000, salt: 'c2FsdHNhbHRzYWx0c2FsdA', iv: 'aXZpdml2aXZpdml2', wrapped: 'd3JhcHBlZA' };
	return { v: 2, dealId: 'k3x7q2m9p4r8t6w1', buildId: 'QmVzdEJ1aWxkSWRFdmVy', wrappedKey, payload: 'index.mapsite', aad: 'index.html', ...overrides };
}

function makeShellInput(overrides: Partial<GateShellInput> = {}): GateShellInput {
	return { lang: 'en', title: 'Mutual action plan', sellerName: 'Acme Analytics', labels: ENGLISH_GATE_LABELS, manifest: makeManifest(), scriptUrl: '/_mapsite/gate.js', ...overrides };
}

const headOf = (html: string) => /<head>\n([\s\S]*)<\/head>/.exec(html)![1];

describe('body images and files of a gated page', () => {
	test('an image whose src is public but whose srcset holds a moved file is rewritten, src kept', () => {
		const html = '<img src="/public.png" srcset="/_astro/chart.Ab1.webp 2x" alt="Chart">';
		const out = pointAtArchivedAssets(html, PAGE, new Map([['_astro/chart.Ab1.webp', '_site/_astro/chart.Ab1.webp']]));
		expect(out).toBe('<img src="/public.png" data-mapsite-srcset="_site/_astro/chart.Ab1.webp 2x" alt="Chart">');
	});

	test('alt text that spells the image’s own path stays alt text', () => {
		// Markdown `![/q3-chart.png](/q3-chart.png)` gives exactly this.
		const html = '<img src="/q3-chart.png" alt="/q3-chart.png" title="/q3-chart.png">';
		const out = pointAtArchivedAssets(html, PAGE, new Map([['q3-chart.png', '_site/q3-chart.png']]));
		expect(out).toBe('<img data-mapsite-src="_site/q3-chart.png" alt="/q3-chart.png" title="/q3-chart.png">');
	});

	test('file names with characters HTML escapes are read decoded and written back escaped', () => {
		const name = `a&b "c" 'd' <e>.png`;
		const html = '<img src="/a&amp;b &quot;c&quot; &#39;d&#39; &lt;e&gt;.png" alt=""> <a href="/a&amp;b &quot;c&quot; &#39;d&#39; &lt;e&gt;.png">file</a>';
		expect(listPageAssetReferences(html, PAGE)).toEqual([name]);
		const out = pointAtArchivedAssets(html, PAGE, new Map([[name, `_site/${name}`]]));
		expect(out).toBe(`<img data-mapsite-src="_site/a&amp;b &quot;c&quot; 'd' <e>.png" alt=""> <a href="#" data-mapsite-file="_site/a&amp;b &quot;c&quot; 'd' <e>.png" type="image/png">file</a>`);
	});

	test('a file whose name has a stray percent sign is still found readable', () => {
		const exposed = findExposedAssets({
			gatedPages: [{ planFile: 'plans/acme.mdx', page: PAGE, html: '<img src="/files/100%.png" alt="Done"> <img src="/files/50%25.png" alt="Half">' }],
			published: new Set(['files/100%.png', 'files/50%.png']),
			publiclyShown: new Set(),
		});
		expect(exposed.map((item) => item.asset)).toEqual(['files/100%.png', 'files/50%.png']);
	});

	test('a link to a file with a fragment still names the file; a link to a section of the page names none', () => {
		expect(listPageAssetReferences('<a href="/report.pdf#page=2">p. 2</a> <a href="/annex.pdf#">annex</a> <a href="#risks">risks</a>', PAGE)).toEqual(['report.pdf', 'annex.pdf']);
	});

	test('a malformed address names no file and stops nothing', () => {
		expect(listPageAssetReferences('<img src="http://[oops/x.png" alt=""><img src="/ok.png" alt="">', PAGE)).toEqual(['ok.png']);
	});

	test('an attribute without a value names no file', () => {
		expect(listPageAssetReferences('<img src alt=""><a href download>here</a>', PAGE)).toEqual([]);
	});

	test('one finding is worded as one', () => {
		const exposed = findExposedAssets({ gatedPages: [{ planFile: 'plans/acme.mdx', page: PAGE, html: '<img src="/q3.png" alt="">' }], published: new Set(['q3.png']), publiclyShown: new Set() });
		expect(formatExposedAssets(exposed).split('\n')[0]).toMatch(/ 1 finding:$/);
	});
});

describe('the password page (shell)', () => {
	test('without styles, share tags or a payload file name to preload, its head holds only the fixed tags', () => {
		const html = renderGateShell(makeShellInput({ manifest: makeManifest({ payload: '../index.mapsite?v=1' }) }));
		expect(headOf(html)).toMatchInlineSnapshot(`
			"<meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1">
			<meta name="robots" content="noindex, nofollow">
			<meta name="referrer" content="no-referrer">
			<title>Mutual action plan</title>


			<script type="module" src="/_mapsite/gate.js"></script>
			"
		`);
	});

	test.each([['"><script>x</script>index.mapsite'], ['index.mapsite"><script>x</script>']])('does not preload a payload address that is not a plain file name: %s', (payload) => {
		expect(renderGateShell(makeShellInput({ manifest: makeManifest({ payload }) }))).not.toContain('rel="preload"');
	});

	test('without a brand or a logo, the page carries no style and the seller line only the name', () => {
		const html = renderGateShell(makeShellInput());
		expect(html).toContain('<body class="mapsite-gate-page">\n');
		expect(html).toContain('<p class="mapsite-gate-seller"><span>Acme Analytics</span></p>');
	});

	test('a label with a paragraph separator reaches the loader whole', () => {
		const messages = { ...ENGLISH_GATE_LABELS.messages, network: 'No connection.\u2029Try again.\u2028Or later.' };
		const html = renderGateShell(makeShellInput({ labels: { ...ENGLISH_GATE_LABELS, messages } }));
		const script = /<script type="application\/json" id="mapsite-gate-messages">([^<]*)<\/script>/.exec(html)![1];
		expect(script).not.toMatch(/[\u2028\u2029]/);
		expect(JSON.parse(script).network).toBe(messages.network);
	});
});

describe('the link preview tags', () => {
	test('give unfurlers every og:/twitter: tag with the page’s values, escaped', () => {
		const html = renderShareMeta({
			pageUrl: 'https://plans.example.com/k3x7/',
			imageUrl: 'https://plans.example.com/_mapsite/og/k3x7.png',
			title: 'Mutual action plan',
			description: 'A private plan shared by "Acme" & co.',
			imageAlt: 'Acme logo',
			themeColor: '#0b5fff',
			iconUrl: '/_mapsite/icons/acme.svg',
			locale: 'id',
		});
		expect(html).toMatchInlineSnapshot(`
			"<meta name="description" content="A private plan shared by &quot;Acme&quot; &amp; co.">
			<meta name="theme-color" content="#0b5fff">
			<link rel="icon" href="/_mapsite/icons/acme.svg" type="image/svg+xml">
			<meta property="og:type" content="website">
			<meta property="og:url" content="https://plans.example.com/k3x7/">
			<meta property="og:title" content="Mutual action plan">
			<meta property="og:description" content="A private plan shared by &quot;Acme&quot; &amp; co.">
			<meta property="og:locale" content="id">
			<meta property="og:image" content="https://plans.example.com/_mapsite/og/k3x7.png">
			<meta property="og:image:type" content="image/png">
			<meta property="og:image:width" content="1200">
			<meta property="og:image:height" content="630">
			<meta property="og:image:alt" content="Acme logo">
			<meta name="twitter:card" content="summary_large_image">
			<meta name="twitter:title" content="Mutual action plan">
			<meta name="twitter:description" content="A private plan shared by &quot;Acme&quot; &amp; co.">
			<meta name="twitter:image" content="https://plans.example.com/_mapsite/og/k3x7.png">
			<meta name="twitter:image:alt" content="Acme logo">"
		`);
	});
});

describe('a manifest read from a page', () => {
	const codeOf = (text: string) => {
		try {
			parseGateManifest(text);
		} catch (error) {
			return error instanceof GateError ? error.code : `not a GateError: ${String(error)}`;
		}
		return 'accepted';
	};

	test.each([
		['null', 'null'],
		['a string', '"mapsite"'],
		['an older version with every field', JSON.stringify({ ...makeManifest(), v: 1 })],
		['a version given as text', JSON.stringify({ ...makeManifest(), v: '2' })],
		['a wrapped key that is null', JSON.stringify({ ...makeManifest(), wrappedKey: null })],
		['rounds given as text', JSON.stringify({ ...makeManifest(), wrappedKey: { ...makeManifest().wrappedKey, iterations: '600000' } })],
	])('rejects %s as bad-format', (_what, text) => {
		expect(codeOf(text)).toBe('bad-format');
	});

	test('keeps the JSON error as the cause of a shell cut short', () => {
		const cut = JSON.stringify(makeManifest()).slice(0, 40);
		expect(() => parseGateManifest(cut)).toThrow(expect.objectContaining({ code: 'bad-format', cause: expect.any(SyntaxError) }));
	});
});
