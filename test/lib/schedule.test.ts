import { describe, expect, test } from 'vitest';
import { buildSchedule, findCriticalPath, findDecisionAction, getDuration, getProjectedDecision, type Schedule } from '../../src/lib/schedule.ts';
import { makeChain, makePlan, type ActionOverrides } from '../helpers/make-plan.ts';

const TODAY = '2026-05-10';

function finishes(schedule: Schedule | undefined): Record<string, string> {
	return Object.fromEntries([...schedule!.actions].map(([id, scheduled]) => [id, scheduled.projectedFinish]));
}

function schedulePlan(actions: ActionOverrides[], today = TODAY): Schedule {
	const schedule = buildSchedule(makePlan({ actions }), today);
	if (!schedule) throw new Error('expected a schedule');
	return schedule;
}

describe('getDuration', () => {
	test.each([
		[undefined, '2026-05-20', 1],
		['2026-05-15', '2026-05-20', 5],
		['2026-05-20', '2026-05-20', 1],
		['2026-05-25', '2026-05-20', 1],
	])('from start %s to due %s takes %i days', (start, due, days) => {
		expect(getDuration({ start, due })).toBe(days);
	});
});

describe('buildSchedule', () => {
	test('keeps due dates when nothing slips', () => {
		const schedule = schedulePlan([
			{ id: 'a', due: '2026-05-12' },
			{ id: 'b', due: '2026-05-20', dependsOn: ['a'] },
		]);
		expect(finishes(schedule)).toEqual({ a: '2026-05-12', b: '2026-05-20' });
		expect(schedule.actions.get('b')).toMatchObject({ slipDays: 0, latestPrerequisite: 'a', duration: 1 });
	});

	test('moves an overdue open action to today', () => {
		const schedule = schedulePlan([{ id: 'a', due: '2026-05-01', status: 'in-progress' }]);
		expect(schedule.actions.get('a')).toMatchObject({ projectedFinish: TODAY, slipDays: 9 });
	});

	test('keeps an action due today on today', () => {
		const schedule = schedulePlan([{ id: 'a', due: TODAY }]);
		expect(schedule.actions.get('a')).toMatchObject({ projectedFinish: TODAY, slipDays: 0 });
	});

	test('uses the day a done action was completed, even in the past or after its due date', () => {
		const schedule = schedulePlan([
			{ id: 'early', due: '2026-05-05', status: 'done', completedOn: '2026-04-20' },
			{ id: 'late', due: '2026-05-05', status: 'done', completedOn: '2026-05-08' },
		]);
		expect(finishes(schedule)).toEqual({ early: '2026-04-20', late: '2026-05-08' });
		expect(schedule.actions.get('late')!.slipDays).toBe(3);
	});

	test('pushes a dependent by its duration after a slipping prerequisite', () => {
		const schedule = schedulePlan([
			{ id: 'a', due: '2026-05-01' },
			{ id: 'b', start: '2026-05-08', due: '2026-05-11', dependsOn: ['a'] },
			{ id: 'c', due: '2026-05-12', dependsOn: ['b'] },
		]);
		expect(finishes(schedule)).toEqual({ a: TODAY, b: '2026-05-13', c: '2026-05-14' });
	});

	test('lets a done prerequisite completed late push its dependent', () => {
		const schedule = schedulePlan([
			{ id: 'a', due: '2026-05-01', status: 'done', completedOn: '2026-05-09' },
			{ id: 'b', start: '2026-05-06', due: '2026-05-11', dependsOn: ['a'] },
		]);
		expect(finishes(schedule)).toEqual({ a: '2026-05-09', b: '2026-05-14' });
	});

	test('takes the later branch of a diamond', () => {
		const schedule = schedulePlan([
			{ id: 'a', due: '2026-05-12' },
			{ id: 'b', due: '2026-05-14', dependsOn: ['a'] },
			{ id: 'c', start: '2026-05-10', due: '2026-05-25', dependsOn: ['a'] },
			{ id: 'd', due: '2026-05-20', dependsOn: ['b', 'c'] },
		]);
		expect(finishes(schedule)).toEqual({ a: '2026-05-12', b: '2026-05-14', c: '2026-05-27', d: '2026-05-28' });
		expect(schedule.actions.get('d')!.latestPrerequisite).toBe('c');
	});

	test('propagates a slip of the first of 200 chained actions to the last', () => {
		const chain = makeChain(200, '2026-05-01');
		expect(chain.at(-1)!.due).toBe('2026-11-16');
		const schedule = schedulePlan(chain);
		// a0 is 9 days late, and every action after it needs a day after its prerequisite.
		expect(schedule.actions.get('a0')!.projectedFinish).toBe(TODAY);
		expect(schedule.actions.get('a199')).toMatchObject({ projectedFinish: '2026-11-25', slipDays: 9 });
	});

	test('schedules dependents before their prerequisites in the plan', () => {
		const schedule = schedulePlan([
			{ id: 'b', due: '2026-05-20', dependsOn: ['a'] },
			{ id: 'a', due: '2026-05-01' },
		]);
		expect(schedule.order).toEqual(['a', 'b']);
		expect(finishes(schedule)).toEqual({ b: '2026-05-20', a: TODAY });
	});

	test('refuses a plan with a cycle', () => {
		const plan = makePlan({
			actions: [
				{ id: 'a', dependsOn: ['b'] },
				{ id: 'b', dependsOn: ['a'] },
			],
		});
		expect(buildSchedule(plan, TODAY)).toBeUndefined();
	});

	test('schedules an empty list of actions', () => {
		expect(buildSchedule({ actions: [] }, TODAY)?.order).toEqual([]);
	});
});

describe('findCriticalPath', () => {
	test('follows the latest-finishing prerequisite back from the latest finish', () => {
		const schedule = schedulePlan([
			{ id: 'a', due: '2026-05-12' },
			{ id: 'b', due: '2026-05-14', dependsOn: ['a'] },
			{ id: 'c', due: '2026-05-18', dependsOn: ['a'] },
			{ id: 'd', due: '2026-05-20', dependsOn: ['b', 'c'] },
			{ id: 'side', due: '2026-05-15' },
		]);
		expect(findCriticalPath(schedule)).toEqual(['a', 'c', 'd']);
	});

	test('breaks ties in plan order', () => {
		const schedule = schedulePlan([
			{ id: 'a', due: '2026-05-12' },
			{ id: 'b', due: '2026-05-12' },
			{ id: 'c', due: '2026-05-20', dependsOn: ['b', 'a'] },
			{ id: 'd', due: '2026-05-20' },
		]);
		expect(findCriticalPath(schedule)).toEqual(['a', 'c']);
	});

	test('is empty for an empty schedule', () => {
		expect(findCriticalPath(buildSchedule({ actions: [] }, TODAY)!)).toEqual([]);
	});
});

describe('getProjectedDecision', () => {
	test('keeps the decision date when everything finishes before it', () => {
		const plan = makePlan({ decisionDate: '2026-06-01', actions: [{ id: 'a', due: '2026-05-20' }] });
		expect(getProjectedDecision(plan, TODAY)).toEqual({
			projected: '2026-06-01',
			decisionDate: '2026-06-01',
			decisionAction: 'a',
			slipDays: 0,
			chain: ['a'],
			cause: [],
			delays: [],
			undated: [],
		});
	});

	test('reports the slip and the chain behind it', () => {
		const plan = makePlan({
			decisionDate: '2026-05-12',
			actions: [
				{ id: 'security', due: '2026-05-01', status: 'in-progress' },
				{ id: 'legal', start: '2026-05-08', due: '2026-05-11', dependsOn: ['security'] },
				{ id: 'sign', due: '2026-05-12', dependsOn: ['legal'] },
				{ id: 'kickoff-prep', due: '2026-05-12' },
			],
		});
		expect(getProjectedDecision(plan, TODAY)).toEqual({
			projected: '2026-05-14',
			decisionDate: '2026-05-12',
			decisionAction: 'sign',
			slipDays: 2,
			chain: ['security', 'legal', 'sign'],
			cause: ['security', 'legal', 'sign'],
			delays: [],
			undated: [],
		});
	});

	test('gives up on a plan with a cycle', () => {
		const plan = makePlan({ actions: [{ id: 'a', dependsOn: ['a'] }] });
		expect(getProjectedDecision(plan, TODAY)).toBeUndefined();
	});
});

describe('findDecisionAction', () => {
	test('ignores steps planned after the decision date, so they never move the decision', () => {
		const plan = makePlan({
			decisionDate: '2026-05-12',
			actions: [
				{ id: 'sign', due: '2026-05-12' },
				{ id: 'kickoff', due: '2026-06-01', dependsOn: ['sign'] },
			],
		});
		const schedule = buildSchedule(plan, TODAY)!;
		expect(findDecisionAction(plan, schedule)).toBe('sign');
		expect(getProjectedDecision(plan, TODAY)).toMatchObject({ projected: '2026-05-12', slipDays: 0, chain: ['sign'] });
	});

	test('picks the action before the decision that is projected to finish last', () => {
		const plan = makePlan({
			decisionDate: '2026-05-12',
			actions: [
				{ id: 'security', due: '2026-05-01', status: 'in-progress' },
				{ id: 'legal', start: '2026-05-08', due: '2026-05-11', dependsOn: ['security'] },
				{ id: 'quote', due: '2026-05-11' },
			],
		});
		expect(findDecisionAction(plan, buildSchedule(plan, TODAY)!)).toBe('legal');
	});

	test('is undefined when every action is due after the decision date', () => {
		const plan = makePlan({ decisionDate: '2026-05-01', actions: [{ id: 'a', due: '2026-05-20' }] });
		expect(findDecisionAction(plan, buildSchedule(plan, TODAY)!)).toBeUndefined();
	});
});

describe('getProjectedDecision on a closed deal', () => {
	test('uses the day the decision action was really done, early or late', () => {
		const plan = makePlan({
			decisionDate: '2026-05-12',
			actions: [{ id: 'sign', due: '2026-05-12', status: 'done', completedOn: '2026-05-15' }],
		});
		expect(getProjectedDecision(plan, TODAY)).toMatchObject({ projected: '2026-05-15', slipDays: 3, cause: ['sign'] });
	});

	test('names only the slipped part of the chain as the cause', () => {
		const plan = makePlan({
			decisionDate: '2026-05-20',
			actions: [
				{ id: 'docs', due: '2026-05-01', status: 'done', completedOn: '2026-05-01' },
				{ id: 'security', due: '2026-05-05', dependsOn: ['docs'] },
				{ id: 'sign', start: '2026-05-15', due: '2026-05-20', dependsOn: ['security'] },
			],
		});
		const decision = getProjectedDecision(plan, '2026-05-18')!;
		expect(decision.chain).toEqual(['docs', 'security', 'sign']);
		expect(decision.cause).toEqual(['security', 'sign']);
		expect(decision.slipDays).toBe(3);
	});
});
