/**
 * Edges of the schedule that mutation testing found unpinned (docs/mutation.md): which of several
 * prerequisites sets a finish, a decision taken early, a plan without actions, and a slip inside
 * the chain that does not make the decision late.
 */
import { describe, expect, test } from 'vitest';
import { buildSchedule, getProjectedDecision } from '../../src/lib/schedule.ts';
import { makePlan } from '../helpers/make-plan.ts';

const TODAY = '2026-05-10';

describe('buildSchedule', () => {
	test('follows the prerequisite that finishes last, even when it is listed first', () => {
		const plan = makePlan({
			actions: [
				{ id: 'late', due: '2026-05-30' },
				{ id: 'early', due: '2026-05-12' },
				{ id: 'sign', due: '2026-06-01', dependsOn: ['late', 'early'] },
			],
		});
		expect(buildSchedule(plan, TODAY)!.actions.get('sign')).toMatchObject({ latestPrerequisite: 'late', projectedFinish: '2026-06-01' });
	});
});

describe('getProjectedDecision', () => {
	test('uses the day a decision taken early was really taken', () => {
		const plan = makePlan({
			decisionDate: '2026-05-20',
			actions: [{ id: 'sign', due: '2026-05-20', status: 'done', completedOn: '2026-05-08' }],
		});
		expect(getProjectedDecision(plan, TODAY)).toMatchObject({ projected: '2026-05-08', slipDays: 0, chain: ['sign'], cause: [] });
	});

	// The schema asks for one action at least; the function's own contract allows none.
	test('keeps the decision date for a list without actions', () => {
		expect(getProjectedDecision({ decisionDate: '2026-05-20', actions: [] }, TODAY)).toEqual({ projected: '2026-05-20', decisionDate: '2026-05-20', decisionAction: undefined, slipDays: 0, chain: [], cause: [], delays: [], undated: [] });
	});

	test('names no cause when an action slips but the decision stays on time', () => {
		const plan = makePlan({
			decisionDate: '2026-05-25',
			actions: [
				{ id: 'security', due: '2026-05-05' },
				{ id: 'sign', due: '2026-05-25', dependsOn: ['security'] },
			],
		});
		const decision = getProjectedDecision(plan, TODAY)!;
		expect(buildSchedule(plan, TODAY)!.actions.get('security')!.slipDays).toBe(5);
		expect(decision).toMatchObject({ slipDays: 0, chain: ['security', 'sign'], cause: [] });
	});

	test('keeps the decision date when only steps after the decision date exist: they never move it', () => {
		const plan = makePlan({
			decisionDate: '2026-05-20',
			actions: [{ id: 'rollout', due: '2026-06-10' }],
		});
		expect(getProjectedDecision(plan, TODAY)).toMatchObject({ decisionAction: undefined, projected: '2026-05-20', slipDays: 0, chain: [], cause: [] });
	});
});
