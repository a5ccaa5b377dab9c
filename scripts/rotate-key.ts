/**
 * `npm run rotate-key -- <slug> [<slug>...]`: bumps each plan's `keyVersion`, which gives the deal a
 * new content key at the next build and so revokes every old share link and remembered device.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { findSlugProblem } from '../src/lib/new-plan.ts';
import { rotatePlanKey } from '../src/lib/rotate-key.ts';
import { writeFileAtomic } from '../src/node/write-file-atomic.ts';

const USAGE = 'Usage: npm run rotate-key -- <slug> [<slug>...] [--plans <dir>]';

interface Rotation {
	path: string;
	shownPath: string;
	source: string;
	from: number;
	to: number;
}

function fail(message: string): number {
	console.error(message);
	return 1;
}

async function readPlan(path: string, shownPath: string): Promise<string | { reason: string }> {
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { reason: `${shownPath} does not exist. Give the slug of a plan in that folder (its file name without .mdx).` };
		return { reason: `${shownPath} could not be read: ${(error as Error).message}` };
	}
}

async function main(): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({ allowPositionals: true, options: { plans: { type: 'string', default: 'plans' } } });
	} catch (error) {
		return fail(`${(error as Error).message}\n    ${USAGE}`);
	}
	const { values, positionals } = parsed;
	const slugs = [...new Set(positionals)];
	if (slugs.length === 0) return fail(`Name the plan whose key to rotate.\n    ${USAGE}`);

	// Every plan is checked before any is written, so a typo in one slug changes nothing at all.
	const rotations: Rotation[] = [];
	const problems: string[] = [];
	for (const slug of slugs) {
		const slugProblem = findSlugProblem(slug);
		if (slugProblem) {
			problems.push(slugProblem);
			continue;
		}
		const path = join(values.plans, `${slug}.mdx`);
		const shownPath = relative(process.cwd(), path) || path;
		const source = await readPlan(path, shownPath);
		if (typeof source !== 'string') {
			problems.push(source.reason);
			continue;
		}
		const result = rotatePlanKey(source, shownPath);
		if (result.ok) rotations.push({ path, shownPath, source: result.source, from: result.from, to: result.to });
		else problems.push(result.reason);
	}
	if (problems.length > 0) return fail(`${problems.join('\n')}\nNo plan was changed.`);

	for (const rotation of rotations) await writeFileAtomic(rotation.path, rotation.source);
	for (const { shownPath, from, to } of rotations) console.log(`Rotated the content key of ${shownPath}: keyVersion ${from} -> ${to}.`);
	console.log('');
	console.log('Next:');
	console.log(`  1. Commit ${rotations.length === 1 ? 'the plan' : 'the plans'} and redeploy (npm run build, then publish dist/). Until then nothing changes for buyers.`);
	console.log('  2. Once the new build is live, every old share link and every device that remembered the plan stop working.');
	console.log('  3. The password stays the same: buyers who have it unlock as before. Send new share links only to');
	console.log('     the people who should still have one ("Copy share link" on the unlocked site).');
	return 0;
}

process.exitCode = await main();
