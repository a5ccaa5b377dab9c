import { describe, expect, test } from 'vitest';
import { addContentSecurityPolicy, buildContentSecurityPolicy } from '../../../src/lib/gate/content-security-policy.ts';

describe('buildContentSecurityPolicy', () => {
	test('allows scripts only from the site, forms nowhere and connections only to the site without a relay', () => {
		expect(buildContentSecurityPolicy()).toMatchInlineSnapshot(`"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' blob:; form-action 'none'; base-uri 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'self'"`);
	});

	test('lets pages reach the relay origin, and only its origin, for connections and form posts', () => {
		const policy = buildContentSecurityPolicy({ relayUrl: 'https://feedback.example.com/api/feedback?x=1' });
		expect(policy).toContain("connect-src 'self' blob: https://feedback.example.com;");
		expect(policy).toContain('form-action https://feedback.example.com;');
		expect(policy).not.toContain('/api/feedback');
	});

	test('never allows inline script, eval or plugins', () => {
		const scriptSources = /script-src ([^;]*)/.exec(buildContentSecurityPolicy())![1];
		expect(scriptSources).not.toMatch(/'unsafe-inline'|'unsafe-eval'|data:|blob:|\*/);
		expect(buildContentSecurityPolicy()).toMatch(/object-src 'none'/);
		expect(buildContentSecurityPolicy()).toMatch(/base-uri 'none'/);
	});
});

describe('addContentSecurityPolicy', () => {
	test('puts the policy right after the charset, before anything that loads', () => {
		const html = '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/a.css"><script type="module" src="/g.js"></script></head><body></body></html>';
		expect(addContentSecurityPolicy(html, "default-src 'none'")).toBe(
			`<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;"><link rel="stylesheet" href="/a.css"><script type="module" src="/g.js"></script></head><body></body></html>`,
		);
	});

	test('puts it first in a head without a charset, and replaces an older policy', () => {
		const html = '<html><head lang="en"><meta http-equiv="content-security-policy" content="old"><title>x</title></head></html>';
		expect(addContentSecurityPolicy(html, 'new')).toBe('<html><head lang="en"><meta http-equiv="Content-Security-Policy" content="new"><title>x</title></head></html>');
	});

	test.each([
		['a bare fragment', '<p>x</p>', '<meta http-equiv="Content-Security-Policy" content="p"><p>x</p>'],
		['a page with a doctype only', '<!doctype html><p>x</p>', '<!doctype html><meta http-equiv="Content-Security-Policy" content="p"><p>x</p>'],
		['a page with html but no head', '<html lang="en"><body>x</body></html>', '<html lang="en"><meta http-equiv="Content-Security-Policy" content="p"><body>x</body></html>'],
	])('puts it first in %s, where the HTML parser opens the head for it', (_what, html, expected) => {
		expect(addContentSecurityPolicy(html, 'p')).toBe(expected);
	});

	test('gives back a page that already carries the policy unchanged, white space and all', () => {
		const page = '<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>x</title>\n</head></html>';
		const once = addContentSecurityPolicy(page, 'p');
		expect(addContentSecurityPolicy(once, 'p')).toBe(once);
	});
});
