/** `npm run check [-- --plans <dir>] [--strict]`: validates every plan and lists every problem at once. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPlanSources } from '../src/lib/check/index.ts';
import { readCommittedSources } from '../src/node/git-head.ts';
import { openHolidayCache } from '../src/node/holiday-cache.ts';
import { findLogoProblems } from '../src/node/logos.ts';
import { findDiagramProblems } from '../src/node/mermaid/find-diagram-problems.ts';
import { findPasswordProblems } from '../src/node/password-problems.ts';
import { formatProblem, hasBlockingProblems } from '../src/lib/problems.ts';
import { loadPlans, PlansFolderMissingError } from '../src/node/load-plans.ts';

function count(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs({
			options: { plans: { type: 'string', default: 'plans' }, strict: { type: 'boolean', default: false } },
		}).values;
	} catch (error) {
		console.error(`${(error as Error).message}\n    Usage: npm run check -- [--plans <dir>] [--strict]`);
		return 2;
	}
	let sources;
	try {
		sources = await loadPlans(args.plans);
	} catch (error) {
		if (!(error instanceof PlansFolderMissingError)) throw error;
		console.error(`${error.message}\n    Create it with \`npm run new -- <slug> --buyer "..." --seller "..."\`, or pass --plans <dir>.`);
		return 1;
	}
	// Due dates are compared with the last commit, so a slip made without a dateChanges entry shows.
	const committed = await readCommittedSources(sources.map(({ file }) => file));
	// Holidays looked up by an earlier check are answered without loading the holiday library.
	const holidays = await openHolidayCache(join('.mapsite', 'cache', 'holidays.json'));
	const checked = checkPlanSources(sources.map((source) => ({ ...source, committedSource: committed.get(source.file) })));
	await holidays.save();
	const diagramProblems = await findDiagramProblems(sources, { cacheDir: join('.mapsite', 'cache', 'mermaid-check') });
	const problems = [
		...checked.problems,
		...(await findLogoProblems(checked.plans, process.cwd())),
		...(await findPasswordProblems(checked.plans, process.env, process.cwd())),
		...diagramProblems,
	];
	for (const problem of problems) console.log(formatProblem(problem));
	const errors = problems.filter((p) => p.severity === 'error').length;
	const reminders = problems.filter((p) => p.severity === 'reminder').length;
	const warnings = problems.length - errors - reminders;
	if (problems.length > 0) console.log('');
	console.log(`${count(sources.length, 'plan')} checked: ${count(errors, 'error')}, ${count(warnings, 'warning')}${reminders > 0 ? `, ${count(reminders, 'reminder')}` : ''}`);
	if (sources.length === 0) console.log(`    No .mdx files in ${args.plans}; create one with \`npm run new -- <slug>\`.`);
	return hasBlockingProblems(problems, args.strict) ? 1 : 0;
}

process.exitCode = await main();
