/**
 * `npm run build [-- --deal <slug>]... [-- --shard i/n] [-- --full]`: builds the published site into
 * dist/. Flags are the command-line form of the MAPSITE_* variables the build reads
 * (src/node/build-settings.ts); without them, only deals whose plan changed since the last build
 * are rebuilt. It ends by printing each built deal's address (nothing of it goes into dist/).
 */
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { formatBuildAddresses } from '../src/lib/deal-address.ts';
import { takeBuildOutcome } from '../src/node/build-outcome.ts';
import { hideHookErrorBanner } from '../src/node/hide-hook-error-banner.ts';

const USAGE = 'Usage: npm run build [-- --deal <slug> (repeatable)] [-- --shard i/n] [-- --full]';

let values: { deal?: string[]; shard?: string; full?: boolean; help?: boolean };
try {
	({ values } = parseArgs({
		options: {
			deal: { type: 'string', multiple: true },
			shard: { type: 'string' },
			full: { type: 'boolean' },
			help: { type: 'boolean', short: 'h' },
		},
	}));
} catch (error) {
	console.error(`${(error as Error).message}\n${USAGE}`);
	process.exit(1);
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (values.deal?.length) process.env.MAPSITE_DEALS = values.deal.join(',');
if (values.shard) process.env.MAPSITE_SHARD = values.shard;
if (values.full) process.env.MAPSITE_FULL = '1';

hideHookErrorBanner();
try {
	await build({ root: process.cwd() });
	// Last, so the rep finds the addresses to send without scrolling through the build log.
	const outcome = takeBuildOutcome();
	if (outcome) console.log(`\n${formatBuildAddresses(outcome)}`);
} catch (error) {
	// The build's own errors are written for people (file, field, value, fix); a stack adds nothing.
	console.error((error as Error).message);
	process.exit(1);
}
