import { describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../src/lib/check/index.ts';
import { getPlanOverview } from '../../src/lib/plan-overview.ts';
import { createPlanReport, createReport } from '../../src/lib/report-json.ts';
import { ReportSchema } from '../../src/schema/report.ts';
import { planWith } from './check/fixture.ts';

function reportOn(source: string, today: string) {
	const checked = checkPlanSource('plans/northwind.mdx', source);
	expect(checked.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
	const plan = checked.plan!;
	return createPlanReport({ slug: 'northwind', file: 'plans/northwind.mdx', plan, overview: getPlanOverview(plan, today) });
}

describe('createPlanReport', () => {
	test('lists late and at-risk actions by id and explains the slipped decision', () => {
		const report = reportOn(planWith(() => {}), '2026-05-10');
		expect(report.late.map((action) => action.id)).toEqual(['demo']);
		expect(report.atRisk.map((action) => action.id)).toEqual(['security-review']);
		expect(report.late[0]).toEqual({ id: 'demo', title: 'Demo', side: 'seller', owner: 'sam', due: '2026-05-01', status: 'late' });
		expect(report.decision).toMatchObject({ planned: '2026-06-30', slipDays: 0, chain: ['demo', 'security-review'] });
		expect(report.health.reasons.map((reason) => reason.code)).toEqual(['overdue-seller', 'checkins-missing']);
		expect(report.health.reasons[0].ids).toEqual(['demo']);
	});

	test('projects the decision late when the chain cannot finish in time', () => {
		const report = reportOn(
			planWith((plan) => {
				plan.decisionDate = '2026-05-15';
			}),
			'2026-05-15',
		);
		expect(report.decision).toMatchObject({ planned: '2026-05-15', projected: '2026-05-16', slipDays: 1, cause: ['demo', 'security-review'] });
		expect(report.health.reasons.map((reason) => reason.code)).toContain('decision-slip');
	});

	test('lists blocked actions apart and counts progress per side', () => {
		const report = reportOn(
			planWith((plan) => {
				plan.actions[0].status = 'done';
				plan.actions[0].completedOn = '2026-04-30';
				plan.actions[1].status = 'blocked';
			}),
			'2026-05-02',
		);
		expect(report.blocked.map((action) => action.id)).toEqual(['security-review']);
		expect(report.progress).toEqual({
			overall: { done: 1, total: 2, percent: 50 },
			buyer: { done: 0, total: 1, percent: 0 },
			seller: { done: 1, total: 1, percent: 100 },
		});
	});
});

describe('createReport', () => {
	test('matches the wire format of src/schema/report.ts', () => {
		const source = planWith(() => {});
		const plan = checkPlanSource('plans/northwind.mdx', source).plan!;
		const report = createReport('2026-05-20', [{ slug: 'northwind', file: 'plans/northwind.mdx', plan, overview: getPlanOverview(plan, '2026-05-20') }]);
		expect(ReportSchema.parse(report)).toEqual(report);
		expect(report.version).toBe(1);
		expect(report.today).toBe('2026-05-20');
	});
});
