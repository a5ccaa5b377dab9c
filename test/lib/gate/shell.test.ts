import { describe, expect, test } from 'vitest';
import type { WrappedContentKey } from '../../../src/lib/crypto/index.ts';
import { ENGLISH_GATE_LABELS } from '../../../src/lib/gate/labels.ts';
import type { GateManifest } from '../../../src/lib/gate/manifest.ts';
import { renderGateShell, type GateShellInput } from '../../../src/lib/gate/shell.ts';

const wrappedKey: WrappedContentKey = { v: 1, kdf: 'PBKDF2-SHA256', iterations: 1000, salt: 'c2FsdHNhbHRzYWx0c2FsdA', iv: 'aXZpdml2aXZpdml2', wrapped: 'd3JhcHBlZA' };
const manifest: GateManifest = { v: 2, dealId: 'k3x7q2m9p4r8t6w1', buildId: 'QmVzdEJ1aWxkSWRFdmVy', wrappedKey, payload: 'index.mapsite', aad: 'index.html' };

const input: GateShellInput = {
	lang: 'en',
	title: 'Mutual action plan',
	sellerName: 'Acme Analytics',
	labels: ENGLISH_GATE_LABELS,
	manifest,
	scriptUrl: '/_mapsite/gate.js',
	styleUrls: ['/_mapsite/gate.css'],
};

const readManifest = (html: string): unknown => JSON.parse(/<script type="application\/json" id="mapsite-gate">([^<]*)<\/script>/.exec(html)?.[1] ?? '');

describe('renderGateShell', () => {
	test('preloads its payload so the fetch starts with the HTML, not after the loader', () => {
		const html = renderGateShell(input);
		expect(html).toContain('<link rel="preload" href="index.mapsite" as="fetch" crossorigin="anonymous">');
		expect(renderGateShell({ ...input, manifest: { ...manifest, payload: '"><script>x</script>' } })).not.toContain('rel="preload"');
	});

	test('starts with a doctype and the given language', () => {
		expect(renderGateShell({ ...input, lang: 'de' })).toMatch(/^<!doctype html>\n<html lang="de">/);
	});

	test.each([
		['robots', '<meta name="robots" content="noindex, nofollow">'],
		['referrer', '<meta name="referrer" content="no-referrer">'],
		['title', '<title>Mutual action plan</title>'],
		['stylesheet', '<link rel="stylesheet" href="/_mapsite/gate.css">'],
		['loader', '<script type="module" src="/_mapsite/gate.js"></script>'],
		['hidden content slot', '<mapsite-content hidden></mapsite-content>'],
		['seller name', 'Acme Analytics'],
	])('contains the %s tag', (_what, expected) => {
		expect(renderGateShell(input)).toContain(expected);
	});

	test('offers a labelled password field, a remember checkbox, an unlock button and a live region', () => {
		const html = renderGateShell(input);
		expect(html).toContain('<label for="mapsite-gate-password">Password</label>');
		expect(html).toContain('<input id="mapsite-gate-password" name="password" type="password"');
		expect(html).toMatch(/<input id="mapsite-gate-remember" name="remember" type="checkbox"[^>]*> Remember this device<\/label>/);
		expect(html).toContain('<button class="mapsite-gate-submit" type="submit">Unlock</button>');
		expect(html).toContain('aria-live="polite"');
	});

	test('explains in one line what remembering the device does, tied to the checkbox', () => {
		const html = renderGateShell(input);
		expect(html).toContain('aria-describedby="mapsite-gate-remember-hint"');
		expect(html).toContain(`<p class="mapsite-gate-hint" id="mapsite-gate-remember-hint">${ENGLISH_GATE_LABELS.rememberHint}</p>`);
	});

	test('shows the seller logo it is given, beside the seller name, and no image without one', () => {
		expect(renderGateShell({ ...input, sellerLogo: '/brand/acme.svg' })).toContain('<img class="mapsite-gate-logo" src="/brand/acme.svg" alt="" height="40"><span>Acme Analytics</span>');
		expect(renderGateShell(input)).not.toContain('<img');
	});

	test('carries the brand as the same readable custom properties the site uses, and nothing else inline', () => {
		const html = renderGateShell({ ...input, brand: { primary: '#7fb3ff' } });
		const style = /<body class="mapsite-gate-page" style="([^"]*)">/.exec(html)?.[1] ?? '';
		expect(style).toContain('--brand-ink: #5173a3;');
		expect(style.split(';').filter(Boolean).every((declaration) => declaration.trim().startsWith('--brand-'))).toBe(true);
		expect(html.match(/ style="/g)).toHaveLength(1);
		expect(renderGateShell(input)).not.toContain(' style="');
	});

	test('says in <noscript> that JavaScript is needed, and nothing else', () => {
		const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(renderGateShell(input))?.[1];
		expect(noscript).toMatchInlineSnapshot(`"<p class="mapsite-gate-noscript">This page needs JavaScript to open. Turn JavaScript on and reload the page.</p>"`);
	});

	test('publishes the manifest so that it parses back to the same value', () => {
		expect(readManifest(renderGateShell(input))).toEqual(manifest);
	});

	test('escapes every text and attribute value', () => {
		const hostile = '"><img src=x onerror=alert(1)>&';
		const html = renderGateShell({
			...input,
			lang: hostile,
			title: hostile,
			sellerName: hostile,
			scriptUrl: hostile,
			styleUrls: [hostile],
			sellerLogo: hostile,
			labels: { ...ENGLISH_GATE_LABELS, heading: hostile, intro: hostile, password: hostile, remember: hostile, rememberHint: hostile, unlock: hostile, noscript: hostile },
		});
		expect(html).not.toContain('<img src');
		expect(html.match(/&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;&amp;/g)).toHaveLength(13);
	});

	test('keeps JSON values from closing their script element', () => {
		const hostile = '</script><script>alert(1)</script>\u2028&';
		const html = renderGateShell({
			...input,
			manifest: { ...manifest, payload: hostile, aad: hostile },
			labels: { ...ENGLISH_GATE_LABELS, messages: { ...ENGLISH_GATE_LABELS.messages, network: hostile } },
		});
		expect(html.match(/<\/script>/g)).toHaveLength(3);
		expect(html).not.toContain('\u2028');
		expect(readManifest(html)).toMatchObject({ payload: hostile, aad: hostile });
	});

	test('never shows the buyer of the plan the manifest belongs to', () => {
		// The manifest is for "Northwind Traders"; only the caller's generic words reach the page.
		const html = renderGateShell({ ...input, manifest: { ...manifest, dealId: 'n0rthw1ndid00000', payload: 'plan/index.mapsite', aad: 'plan/index.html' } });
		expect(html).not.toMatch(/northwind/i);
		expect(html).not.toMatch(/traders/i);
	});
});
