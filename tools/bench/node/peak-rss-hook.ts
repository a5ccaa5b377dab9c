/**
 * Preloaded into the build process with `node --import`: when the process exits it writes its
 * own peak resident memory (bytes) to `MAPSITE_BENCH_RSS_FILE`, which `/usr/bin/time` would
 * otherwise be needed for.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.MAPSITE_BENCH_RSS_FILE;
if (target) {
	process.on('exit', () => {
		// maxRSS is in kilobytes.
		writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
	});
}
