/** Reads a published site and gzips every file, for the page-weight table. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../../../src/node/site-files.ts';
import { gzipSync } from 'node:zlib';
import { findLinkedAssets, type WeighedFile } from '../lib/page-weights.ts';

/** Every file of `distDir` with its gzip size (level 9, as a static host would precompress) and, for pages, what it links. */
export async function weighSite(distDir: string): Promise<WeighedFile[]> {
	const paths = await listFiles(distDir);
	return Promise.all(
		paths.map(async (path) => {
			const bytes = await readFile(join(distDir, path));
			const gzipBytes = gzipSync(bytes, { level: 9 }).length;
			return path.endsWith('.html') ? { path, gzipBytes, assets: findLinkedAssets(bytes.toString('utf8'), path) } : { path, gzipBytes };
		}),
	);
}
