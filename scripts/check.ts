/** `npm run check [-- --plans <dir>] [--strict]`: validates every plan and lists every problem at once. */
import { parseArgs } from 'node:util';
import { checkPlanSources } from '../src/lib/check/index.ts';
import { readCommittedSources } from '../src/node/git-head.ts';
import { findLogoProblems } from '../src/node/logos.ts';
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
	const checked = checkPlanSources(sources.map((source) => ({ ...source, committedSource: committed.get(source.file) })));
	const problems = [...checked.problems, ...(await findLogoProblems(checked.plans, process.cwd())), ...(await findPasswordProblems(checked.plans, process.env, process.cwd()))];
	for (const problem of problems) console.log(formatProblem(problem));
	const errors = problems.filter((p) => p.severity === 'error').length;
	const warnings = problems.length - errors;
	if (problems.length > 0) console.log('');
	console.log(`${count(sources.length, 'plan')} checked: ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
	if (sources.length === 0) console.log(`    No .mdx files in ${args.plans}; create one with \`npm run new -- <slug>\`.`);
	return hasBlockingProblems(problems, args.strict) ? 1 : 0;
}

process.exitCode = await main();
