import { link, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
});
