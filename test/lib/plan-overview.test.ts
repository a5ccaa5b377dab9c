import { describe, expect, test } from 'vitest';
import { formatOverviewReport } from '../../src/lib/overview-report.ts';
import { getPlanOverview, NEXT_STEP_COUNT } from '../../src/lib/plan-overview.ts';
import { makePlan } from '../helpers/make-plan.ts';

const TODAY = '2026-05-10';

const plan = makePlan({
	decisionDate: '2026-05-20',
	actions: [
		{ id: 'docs', due: '2026-05-01', status: 'done', completedOn: '2026-05-01' },
		{ id: 'security', due: '2026-05-05', dependsOn: ['docs'] },
		{ id: 'sso', due: '2026-05-12', status: 'blocked' },
		{ id: 'legal', due: '2026-05-15', dependsOn: ['security'] },
		{ id: 'quote', due: '2026-05-11' },
		{ id: 'refs', due: '2026-05-30' },
		{ id: 'sign', due: '2026-05-20', dependsOn: ['legal', 'quote'] },
	],
	checkins: [
		{ date: '2026-05-08', summary: 'Security questions answered' },
		{ date: '2026-05-01', summary: 'Kick-off' },
	],
});

describe('getPlanOverview', () => {
	const overview = getPlanOverview(plan, TODAY);

	test('lists the next open steps by due date, at most five', () => {
		expect(overview.nextSteps.map(({ action }) => action.id)).toEqual(['security', 'quote', 'sso', 'legal', 'sign']);
		expect(overview.nextSteps).toHaveLength(NEXT_STEP_COUNT);
	});

	test('puts late items before blocked and at-risk ones (waiting on a late step) and leaves out the rest', () => {
		expect(overview.needsAttention.map(({ action, status }) => `${action.id}:${status}`)).toEqual([
			'security:late',
			'sso:blocked',
			'legal:at-risk',
			'sign:at-risk',
		]);
	});

	test('picks the latest check-in whatever the order in the file', () => {
		expect(overview.latestCheckin?.summary).toBe('Security questions answered');
	});

	test('counts progress over every action', () => {
		expect(overview.progress.overall).toEqual({ done: 1, total: 7, percent: 14 });
	});
});

describe('formatOverviewReport', () => {
	test('prints progress, the decision, what needs attention and health in plain words', () => {
		const report = formatOverviewReport('northwind', plan, getPlanOverview(plan, TODAY));
		expect(report).toContain('progress     1 of 7 done, 14%');
		expect(report).toContain('decision     planned 2026-05-20, projected 2026-05-20, on time');
		expect(report).toMatch(/^ {2}late {9}Action security \(ana, due 2026-05-05\)$/m);
		expect(report).toContain('last check-in 2026-05-08: Security questions answered');
	});
});
