/** `npm run report`: checks the plans in plans/ and prints what each deal's site will show. */
import { checkPlanSources } from '../src/lib/check/index.ts';
import { formatOverviewReport } from '../src/lib/overview-report.ts';
import { getPlanOverview } from '../src/lib/plan-overview.ts';
import { formatProblem, hasBlockingProblems } from '../src/lib/problems.ts';
import { loadPlans, PlansFolderMissingError } from '../src/node/load-plans.ts';
import { InvalidTodayError, resolveToday } from '../src/node/today.ts';

async function main(): Promise<number> {
	const plansDir = process.argv[2] ?? 'plans';
	let today: string;
	try {
		today = resolveToday();
		const { plans, problems } = checkPlanSources(await loadPlans(plansDir));
		for (const problem of problems) console.log(formatProblem(problem));
		if (hasBlockingProblems(problems)) {
			console.log('\nFix the errors above (npm run check lists them too); nothing was built.');
			return 1;
		}
		console.log(`${plans.length} plans as of ${today}${process.env.MAP_TODAY ? ' (MAP_TODAY)' : ''}\n`);
		for (const checked of plans) {
			if (!checked.plan) continue;
			console.log(formatOverviewReport(checked.slug, checked.plan, getPlanOverview(checked.plan, today)));
			console.log('');
		}
		return 0;
	} catch (error) {
		if (error instanceof InvalidTodayError || error instanceof PlansFolderMissingError) {
			console.error(error.message);
			return 1;
		}
		throw error;
	}
}

process.exitCode = await main();
