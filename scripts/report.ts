/**
 * `npm run report [-- <plans dir>] [-- --json]`: checks the plans and prints what each deal's site
 * will show; `--json` prints the same overview as data (format: src/schema/report.ts, README).
 * `--what-if <action>=+5` or `=<YYYY-MM-DD>` prints the projected decision and every action that
 * would move, for each plan with that action, and writes nothing.
 */
import { parseArgs } from 'node:util';
import { checkPlanSources } from '../src/lib/check/index.ts';
import { formatOverviewReport } from '../src/lib/overview-report.ts';
import { getPlanOverview } from '../src/lib/plan-overview.ts';
import { formatProblem, hasBlockingProblems } from '../src/lib/problems.ts';
import { createReport } from '../src/lib/report-json.ts';
import { parseWhatIf, tryWhatIf } from '../src/lib/schedule/what-if.ts';
import { formatWhatIf } from '../src/lib/schedule/what-if-report.ts';
import { ReportSchema } from '../src/schema/report.ts';
import { loadPlans, PlansFolderMissingError } from '../src/node/load-plans.ts';
import { InvalidTodayError, resolveToday } from '../src/node/today.ts';

const USAGE = 'Usage: npm run report [-- <plans dir>] [-- --json] [-- --what-if <action>=+<working days>|<YYYY-MM-DD>]';

async function main(): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false }, 'what-if': { type: 'string' } } });
	} catch (error) {
		console.error(`${(error as Error).message}\n    ${USAGE}`);
		return 1;
	}
	if (parsed.positionals.length > 1) {
		console.error(`Give at most one plans folder.\n    ${USAGE}`);
		return 1;
	}
	const plansDir = parsed.positionals[0] ?? 'plans';
	const isJson = parsed.values.json;
	const whatIf = parsed.values['what-if'] === undefined ? undefined : parseWhatIf(parsed.values['what-if']);
	if (typeof whatIf === 'string') {
		console.error(`${whatIf}\n    ${USAGE}`);
		return 1;
	}
	if (whatIf && isJson) {
		console.error(`--what-if prints text for people; leave out --json.\n    ${USAGE}`);
		return 1;
	}
	// With --json, stdout carries only the JSON, so problems go to stderr.
	const say = isJson ? console.error : console.log;
	try {
		const today = resolveToday();
		const { plans, problems } = checkPlanSources(await loadPlans(plansDir));
		// Reminders (dates to agree) are for npm run check; the report says "not counted" itself.
		for (const problem of problems) if (problem.severity !== 'reminder') say(formatProblem(problem));
		if (hasBlockingProblems(problems)) {
			say('\nFix the errors above (npm run check lists them too); nothing was reported.');
			return 1;
		}
		const reported = plans.flatMap((checked) =>
			checked.plan ? [{ slug: checked.slug, file: checked.file, plan: checked.plan, overview: getPlanOverview(checked.plan, today) }] : [],
		);
		if (whatIf) {
			const having = reported.filter(({ plan }) => plan.actions.some((action) => action.id === whatIf.action));
			if (having.length === 0) {
				console.error(`No plan in ${plansDir} has an action "${whatIf.action}". Use an id from the plan's actions (npm run plan -- status <deal> lists them).`);
				return 1;
			}
			for (const { slug, plan } of having) {
				const result = tryWhatIf(plan, whatIf, today);
				console.log(`${slug}: ${plan.title}`);
				console.log(result ? formatWhatIf(plan, whatIf, result).join('\n') : '  The plan has a dependency cycle, so nothing can be projected.');
				console.log('');
			}
			console.log('Nothing was written: the plans are unchanged.');
			return 0;
		}
		if (isJson) {
			console.log(JSON.stringify(ReportSchema.parse(createReport(today, reported)), null, 2));
			return 0;
		}
		console.log(`${plans.length} plans as of ${today}${process.env.MAP_TODAY ? ' (MAP_TODAY)' : ''}\n`);
		for (const { slug, plan, overview } of reported) {
			console.log(formatOverviewReport(slug, plan, overview));
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
