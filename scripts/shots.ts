/** `npm run shots`: screenshots of every example page, the password page and the printed summary, in test-output/shots/. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { takeShots } from '../src/node/shots/take-shots.ts';

const folder = join(fileURLToPath(new URL('..', import.meta.url)), 'test-output', 'shots');

try {
	const result = await takeShots({ folder, log: (line) => console.log(line) });
	for (const reason of result.skipped) console.log(`Skipped ${reason}.`);
	console.log(`\nSaved ${result.files.length} screenshots in ${result.folder}`);
} catch (error) {
	console.error(`npm run shots failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
