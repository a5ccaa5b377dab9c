/** `npm run plan -- <verb> <deal> ...`: updates a plan (done, slip, checkin, add-action) or shows its status. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listNames } from '../src/lib/check/closest-name.ts';
import { getPlanSlug } from '../src/lib/check/index.ts';
import { PLAN_OPTIONS, PLAN_USAGE, readPlanArguments } from '../src/lib/plan-commands/arguments.ts';
import { suggestId } from '../src/lib/plan-commands/input-checks.ts';
import { runPlanCommand } from '../src/lib/plan-commands/index.ts';
import { readCommittedSources } from '../src/node/git-head.ts';
import { loadPlans, PlansFolderMissingError } from '../src/node/load-plans.ts';
import { InvalidTodayError, resolveToday } from '../src/node/today.ts';
import { writeFileAtomic } from '../src/node/write-file-atomic.ts';

function fail(lines: readonly string[], code = 1): number {
	console.error(lines.join('\n'));
	return code;
}

// The command as typed with another deal, words with spaces quoted again, to copy and paste.
function retypeWithDeal(deal: string): string {
	const words = process.argv.slice(2);
	const at = words.indexOf(words.find((word, index) => index > 0 && !word.startsWith('-')) ?? '');
	if (at !== -1) words[at] = deal;
	return words.map((word) => (/[\s"'$`]/.test(word) ? JSON.stringify(word) : word)).join(' ');
}

async function main(): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({ allowPositionals: true, options: PLAN_OPTIONS });
	} catch (error) {
		return fail([(error as Error).message, PLAN_USAGE], 2);
	}
	const read = readPlanArguments(parsed.positionals, parsed.values);
	if ('problems' in read) return fail([...read.problems, PLAN_USAGE], 2);
	const plansDir = parsed.values.plans ?? 'plans';

	let today: string;
	let sources;
	try {
		today = resolveToday();
		sources = await loadPlans(plansDir);
	} catch (error) {
		if (error instanceof InvalidTodayError || error instanceof PlansFolderMissingError) return fail([error.message]);
		throw error;
	}
	const plan = sources.find(({ file }) => getPlanSlug(file) === read.deal);
	if (plan === undefined) {
		const slugs = sources.map(({ file }) => getPlanSlug(file));
		const closest = suggestId(read.deal, slugs);
		const known = slugs.length > 0 ? `Deals in ${plansDir}: ${listNames(slugs)}.` : `${plansDir} has no plans yet; create one with npm run new.`;
		const retype = closest ? ` Did you mean "${closest}"? Type: npm run plan -- ${retypeWithDeal(closest)}` : '';
		return fail([`No deal "${read.deal}".${retype}`, `    ${known}`, 'Nothing was changed.']);
	}

	const committed = await readCommittedSources([plan.file]);
	const result = runPlanCommand(read.command, { file: plan.file, source: plan.source, committedSource: committed.get(plan.file), today });
	if (!result.ok) return fail([...result.problems, 'Nothing was changed.']);
	if (result.source !== undefined) await writeFileAtomic(join(process.cwd(), plan.file), result.source);
	console.log(result.lines.join('\n'));
	if (result.source !== undefined) {
		console.log(`\nUpdated ${plan.file}. Review it (git diff), commit, and redeploy for the buyer to see it.`);
	}
	return 0;
}

process.exitCode = await main();
