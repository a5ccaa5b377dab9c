import { describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../src/lib/check/index.ts';
import { addDays } from '../../src/lib/dates.ts';
import { createPlanInput, createPlanSource } from '../../src/lib/new-plan.ts';
import { getPlanOverview } from '../../src/lib/plan-overview.ts';
import { TEMPLATE_LOCALES, TEMPLATE_NAMES } from '../../src/lib/plan-templates.ts';
import { createPlanReport } from '../../src/lib/report-json.ts';
import { PlanSchema, type Plan } from '../../src/schema/plan.ts';

/** Every day from `first` to `last`, both included. */
function listDays(first: string, last: string): string[] {
	const days: string[] = [];
	for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
	return days;
}

const DAYS = listDays('2026-01-01', '2027-12-31');
// Two weeks through the whole file path (YAML written and read back): every weekday twice.
const FILE_DAYS = new Set(DAYS.slice(0, 14));

/** The plan as the report reads it: from the written file for FILE_DAYS, else from the template data. */
function readPlan(options: Parameters<typeof createPlanSource>[0]): { plan?: Plan; errors: string[] } {
	if (!FILE_DAYS.has(options.today)) return { plan: PlanSchema.parse(createPlanInput(options)), errors: [] };
	const checked = checkPlanSource('plans/acme.mdx', createPlanSource(options));
	return { plan: checked.plan, errors: checked.problems.filter((problem) => problem.code !== 'placeholder').map((problem) => problem.code) };
}

describe.each(TEMPLATE_NAMES.flatMap((template) => TEMPLATE_LOCALES.map((locale) => ({ template, locale }))))(
	'a fresh $template plan in $locale',
	({ template, locale }) => {
		test(`is on time, with nothing late or at risk and a green health, whichever day of 2026 and 2027 it is created (${DAYS.length} days)`, () => {
			const troubled: string[] = [];
			for (const today of DAYS) {
				const { plan, errors } = readPlan({ slug: 'acme', buyer: 'Acme Corp', seller: 'Tidewell Data', today, template, locale });
				if (!plan || errors.length > 0) {
					troubled.push(`${today}: ${errors.join(', ')}`);
					continue;
				}
				const overview = getPlanOverview(plan, today);
				const report = createPlanReport({ slug: 'acme', file: 'plans/acme.mdx', plan: plan, overview });
				const milestoneTrouble = [...overview.statuses.milestones].filter(([, status]) => status === 'late' || status === 'at-risk');
				const isOnTime =
					report.decision?.slipDays === 0 &&
					report.decision.projected === plan.decisionDate &&
					report.late.length === 0 &&
					report.atRisk.length === 0 &&
					report.blocked.length === 0 &&
					milestoneTrouble.length === 0 &&
					report.health.level === 'green';
				if (!isOnTime) troubled.push(`${today}: ${JSON.stringify({ decision: report.decision, late: report.late, atRisk: report.atRisk, health: report.health.level })}`);
			}
			expect(troubled).toEqual([]);
		});
	},
);
