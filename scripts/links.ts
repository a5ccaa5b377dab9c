/**
 * `npm run links [-- <deal>] [--summary] [--shard i/n]`: prints each deal's address, derived as the
 * build derives it (site secret, MAPSITE_SITE_URL, plans), and each gated deal's share link, which
 * opens it without a password. `--summary` prints a Markdown table of addresses only, never a share
 * link, for a CI job summary. Writes no file.
 */
import { parseArgs } from 'node:util';
import { parseShard, type Shard } from '../src/lib/build/deal-selection.ts';
import { formatDealLinks, formatDealLinksSummary } from '../src/lib/deal-address.ts';
import { listDealLinks } from '../src/node/deal-links.ts';

const USAGE = 'Usage: npm run links [-- <deal>] [--summary] [--shard i/n]';

let values: { summary?: boolean; shard?: string; help?: boolean };
let positionals: string[];
let shard: Shard | undefined;
try {
	({ values, positionals } = parseArgs({
		allowPositionals: true,
		options: { summary: { type: 'boolean' }, shard: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
	}));
	if (positionals.length > 1) throw new Error(`Name one deal at most; got ${positionals.length}: ${positionals.join(', ')}.`);
	shard = values.shard ? parseShard(values.shard) : undefined;
} catch (error) {
	console.error(`${(error as Error).message}\n${USAGE}`);
	process.exit(1);
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}

try {
	const links = await listDealLinks({ root: process.cwd(), env: process.env, deal: positionals[0], shard, withShareLinks: !values.summary });
	console.log(values.summary ? formatDealLinksSummary(links, shard ? `Deal addresses, shard ${values.shard}` : undefined) : formatDealLinks(links));
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
