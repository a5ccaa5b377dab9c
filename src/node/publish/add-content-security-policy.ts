/** Puts the site's Content-Security-Policy into every page about to be published. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addContentSecurityPolicy } from '../../lib/gate/content-security-policy.ts';
import { mapLimit } from '../../lib/map-limit.ts';

/**
 * Adds `policy` to each `.html` file of `paths` under `root`: gate shells, public deal pages and
 * the neutral pages alike, so no page type can be published without it. A page that already
 * carries exactly this policy (one kept from the last build) is left alone; any other is replaced,
 * never written through, because it may be a hard link into the published site.
 */
export async function addPolicyToPages(root: string, paths: readonly string[], policy: string): Promise<number> {
	const pages = paths.filter((path) => path.endsWith('.html'));
	// Many pages at a time: a partial rebuild reads every kept page, and one by one that added up.
	await mapLimit(pages, 16, async (path) => {
		const file = join(root, path);
		const html = await readFile(file, 'utf8');
		const withPolicy = addContentSecurityPolicy(html, policy);
		if (withPolicy === html) return;
		await rm(file);
		await writeFile(file, withPolicy);
	});
	return pages.length;
}
