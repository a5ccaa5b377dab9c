/** The last check before publishing: no text of a gated plan in any readable file about to be published. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findLeaks, formatLeak, type Leak, type Sentinel } from '../../lib/leak-scan.ts';
import { mapLimit } from '../../lib/map-limit.ts';
import { isSameFile } from './site-folder.ts';

/** Thrown when the self-check finds text of a gated plan in a file about to be published; lists every leak. */
export class LeakError extends Error {
	readonly leaks: Leak[];
	constructor(leaks: Leak[]) {
		super(
			[
				`The published site would show text of a gated plan outside its encrypted pages, so nothing was published (the published folder is unchanged). ${leaks.length} finding${leaks.length === 1 ? '' : 's'}:`,
				...leaks.map((leak) => `  ${formatLeak(leak)}`),
				'What to do, for each line:',
				'  - If the file is one you added (a logo, or a file under public/), rename it or take the text out of it.',
				'  - If the phrase is ordinary wording that happens to match the file, reword that field in the plan.',
				'  - Otherwise the site itself put deal text in a readable file: do not publish by hand; send this message to whoever maintains the site.',
			].join('\n'),
		);
		this.leaks = leaks;
	}
}

/** Scans the files of `temp` about to replace `distDir`; throws LeakError listing every finding. */
export async function checkForLeaks(options: { temp: string; distDir: string; paths: readonly string[]; kept: ReadonlySet<string>; sentinels: readonly Sentinel[]; gatedSlugs: readonly string[] }): Promise<void> {
	const { temp, distDir } = options;
	// A file still linked to the published one is byte for byte what an earlier build scanned.
	// Compared many at a time: one by one, the thousands of kept files of a partial rebuild took most of a second.
	const isFresh = await mapLimit(options.paths, 32, async (path) => !options.kept.has(path) || !(await isSameFile(join(temp, path), join(distDir, path))));
	const fresh = options.paths.filter((_, index) => isFresh[index]);
	const files = await Promise.all(fresh.map(async (path) => ({ path, bytes: new Uint8Array(await readFile(join(temp, path))) })));
	const leaks = await findLeaks(files, options.sentinels, options.gatedSlugs);
	if (leaks.length > 0) throw new LeakError(leaks);
}
