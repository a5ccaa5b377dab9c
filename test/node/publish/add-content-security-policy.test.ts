import { link, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addPolicyToPages } from '../../../src/node/publish/add-content-security-policy.ts';

describe('addPolicyToPages', () => {
	test('adds the policy to every page listed, leaves other files alone and never writes through a hard link', async () => {
		const root = await mkdtemp(join(tmpdir(), 'mapsite-csp-'));
		try {
			await mkdir(join(root, 'deal'));
			await writeFile(join(root, 'deal/index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body></body></html>');
			await writeFile(join(root, '404.html'), '<p>Not here</p>');
			await writeFile(join(root, 'deal/index.html.enc'), 'ciphertext');
			// The published copy of the page, linked as an incremental build links kept files.
			await link(join(root, 'deal/index.html'), join(root, 'published.html'));
			const count = await addPolicyToPages(root, ['deal/index.html', '404.html', 'deal/index.html.enc'], "default-src 'none'");
			expect(count).toBe(2);
			const meta = `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;">`;
			expect(await readFile(join(root, 'deal/index.html'), 'utf8')).toBe(`<!doctype html><html><head><meta charset="utf-8">${meta}<title>x</title></head><body></body></html>`);
			expect(await readFile(join(root, '404.html'), 'utf8')).toBe(`${meta}<p>Not here</p>`);
			expect(await readFile(join(root, 'deal/index.html.enc'), 'utf8')).toBe('ciphertext');
			expect(await readFile(join(root, 'published.html'), 'utf8')).not.toContain('Content-Security-Policy');
		} finally {
			await rm(root, { recursive: true, force: true });
		}
	});

	test('leaves a kept page that already carries the same policy as it is, still linked to the published one', async () => {
		const root = await mkdtemp(join(tmpdir(), 'mapsite-csp-'));
		try {
			await writeFile(join(root, '404.html'), '<p>Not here</p>');
			await addPolicyToPages(root, ['404.html'], "default-src 'none'");
			await link(join(root, '404.html'), join(root, 'published.html'));
			await addPolicyToPages(root, ['404.html'], "default-src 'none'");
			expect((await stat(join(root, '404.html'))).ino).toBe((await stat(join(root, 'published.html'))).ino);
			// A changed policy replaces the page without touching the published copy.
			await addPolicyToPages(root, ['404.html'], "default-src 'self'");
			expect(await readFile(join(root, '404.html'), 'utf8')).toContain('default-src &#39;self&#39;');
			expect(await readFile(join(root, 'published.html'), 'utf8')).toContain('default-src &#39;none&#39;');
		} finally {
			await rm(root, { recursive: true, force: true });
		}
	});
});
