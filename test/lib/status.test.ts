import { describe, expect, test } from 'vitest';
import {
	createStatusContext,
	getActionStatus,
	getMilestoneStatus,
	getPlanStatuses,
	getStatusLight,
	type ItemStatus,
} from '../../src/lib/status.ts';
import { makeChain, makePlan, type ActionOverrides } from '../helpers/make-plan.ts';

const TODAY = '2026-05-10';

function statusesOf(actions: ActionOverrides[], today = TODAY, dueSoonDays?: number): Record<string, ItemStatus> {
	const plan = makePlan({ actions });
	return Object.fromEntries(getPlanStatuses(plan, today, { dueSoonDays }).actions);
}

describe('getActionStatus', () => {
	test.each<[string, ActionOverrides, ItemStatus]>([
		['done beats an old due date', { id: 'x', due: '2026-01-01', status: 'done', completedOn: '2026-02-01' }, 'done'],
		['blocked beats late', { id: 'x', due: '2026-05-01', status: 'blocked' }, 'blocked'],
		['due yesterday is late', { id: 'x', due: '2026-05-09', status: 'in-progress' }, 'late'],
		['due today is due soon, not late', { id: 'x', due: TODAY }, 'due-soon'],
		['due in 7 days is due soon', { id: 'x', due: '2026-05-17' }, 'due-soon'],
		['due in 8 days is on track', { id: 'x', due: '2026-05-18' }, 'on-track'],
	])('%s', (_, action, expected) => {
		expect(statusesOf([action]).x).toBe(expected);
	});

	test('moves the due-soon boundary with dueSoonDays', () => {
		expect(statusesOf([{ id: 'x', due: '2026-05-13' }], TODAY, 3).x).toBe('due-soon');
		expect(statusesOf([{ id: 'x', due: '2026-05-14' }], TODAY, 3).x).toBe('on-track');
		expect(statusesOf([{ id: 'x', due: TODAY }], TODAY, 0).x).toBe('due-soon');
	});

	test('marks an action at risk when a prerequisite is late, even with time to spare', () => {
		expect(
			statusesOf([
				{ id: 'a', due: '2026-05-09' },
				{ id: 'b', due: '2026-06-30', dependsOn: ['a'] },
			]),
		).toEqual({ a: 'late', b: 'at-risk' });
	});

	test('marks an action at risk when a prerequisite far back is late or blocked', () => {
		expect(
			statusesOf([
				{ id: 'a', due: '2026-05-01' },
				{ id: 'b', due: '2026-06-01', dependsOn: ['a'] },
				{ id: 'c', due: '2026-06-30', dependsOn: ['b'] },
				{ id: 'x', due: '2026-06-01', status: 'blocked' },
				{ id: 'y', due: '2026-06-10', dependsOn: ['x'] },
				{ id: 'z', due: '2026-06-20', dependsOn: ['y'] },
			]),
		).toEqual({ a: 'late', b: 'at-risk', c: 'at-risk', x: 'blocked', y: 'at-risk', z: 'at-risk' });
	});

	test('marks an action at risk when its prerequisite is projected to finish too late for it', () => {
		expect(
			statusesOf([
				{ id: 'a', due: '2026-06-01' },
				{ id: 'b', start: '2026-05-25', due: '2026-06-03', dependsOn: ['a'] },
			]),
		).toEqual({ a: 'on-track', b: 'at-risk' });
	});

	test('does not look past a done prerequisite', () => {
		expect(
			statusesOf([
				{ id: 'a', due: '2026-05-01', status: 'done', completedOn: '2026-04-30' },
				{ id: 'b', due: '2026-06-01', dependsOn: ['a'] },
			]),
		).toEqual({ a: 'done', b: 'on-track' });
	});

	test('flags every action down a 200-long chain when the first is late', () => {
		const statuses = statusesOf(makeChain(200, '2026-05-09'));
		expect(statuses.a0).toBe('late');
		expect(statuses.a199).toBe('at-risk');
		expect(Object.values(statuses).filter((status) => status === 'at-risk')).toHaveLength(199);
	});

	test('still rates actions by date when the plan has a cycle', () => {
		const plan = makePlan({
			actions: [
				{ id: 'a', due: '2026-05-01', dependsOn: ['b'] },
				{ id: 'b', due: '2026-06-01', dependsOn: ['a'] },
			],
		});
		const context = createStatusContext(plan, TODAY);
		expect(context.schedule).toBeUndefined();
		expect(plan.actions.map((action) => getActionStatus(action, context, TODAY))).toEqual(['late', 'on-track']);
	});
});

describe('getMilestoneStatus', () => {
	function milestoneStatus(due: string, actions: ActionOverrides[], today = TODAY): ItemStatus {
		const plan = makePlan({
			milestones: [{ id: 'm', title: 'Milestone', due }],
			actions: [...actions.map((action) => ({ milestone: 'm', ...action })), { id: 'elsewhere', due: '2026-05-01' }],
		});
		return getPlanStatuses(plan, today).milestones.get('m')!;
	}

	test.each<[string, string, ActionOverrides[], ItemStatus]>([
		['done when all actions are done', '2026-05-01', [{ id: 'a', status: 'done', completedOn: '2026-04-01' }], 'done'],
		['late when an action is late', '2026-06-30', [{ id: 'a', due: '2026-05-09' }], 'late'],
		['late when its date passed with work open', '2026-05-09', [{ id: 'a', due: '2026-05-09', status: 'blocked' }], 'late'],
		['at risk when an action is blocked', '2026-06-30', [{ id: 'a', due: '2026-06-01', status: 'blocked' }], 'at-risk'],
		['at risk when an action is projected past the milestone', '2026-05-20', [{ id: 'a', due: '2026-05-25' }], 'at-risk'],
		['due soon when its date is near', '2026-05-17', [{ id: 'a', due: '2026-05-16' }], 'due-soon'],
		['due soon when an action is due soon', '2026-06-30', [{ id: 'a', due: '2026-05-12' }], 'due-soon'],
		['on track otherwise', '2026-06-30', [{ id: 'a', due: '2026-06-01' }], 'on-track'],
		['on track with no actions and a date ahead', '2026-06-30', [], 'on-track'],
		['due soon with no actions and a near date', TODAY, [], 'due-soon'],
		['done with no actions once its date passed', '2026-05-09', [], 'done'],
	])('is %s', (_, due, actions, expected) => {
		expect(milestoneStatus(due, actions)).toBe(expected);
	});

	test('ignores done actions when one open action is on track', () => {
		expect(
			milestoneStatus('2026-06-30', [
				{ id: 'a', status: 'done', completedOn: '2026-05-01' },
				{ id: 'b', due: '2026-06-20' },
			]),
		).toBe('on-track');
	});

	test('takes statuses from the map it is given', () => {
		const plan = makePlan({ actions: [{ id: 'a', due: '2026-06-01' }] });
		const context = createStatusContext(plan, TODAY);
		const statuses = new Map<string, ItemStatus>([['a', 'late']]);
		expect(getMilestoneStatus({ id: 'm', due: '2026-06-30' }, plan.actions, statuses, context, TODAY)).toBe('late');
	});
});

describe('getStatusLight', () => {
	test.each<[ItemStatus, string]>([
		['done', 'green'],
		['on-track', 'green'],
		['due-soon', 'yellow'],
		['at-risk', 'yellow'],
		['late', 'red'],
		['blocked', 'red'],
	])('shows %s as %s', (status, light) => {
		expect(getStatusLight(status)).toBe(light);
	});
});

describe('getPlanStatuses', () => {
	test('counts actions and milestones by status', () => {
		const plan = makePlan({
			milestones: [
				{ id: 'eval', title: 'Evaluation', due: '2026-05-05' },
				{ id: 'legal', title: 'Legal', due: '2026-06-30' },
			],
			actions: [
				{ id: 'a', milestone: 'eval', due: '2026-05-01', status: 'done', completedOn: '2026-05-01' },
				{ id: 'b', milestone: 'legal', due: '2026-05-08' },
				{ id: 'c', milestone: 'legal', due: '2026-06-20', dependsOn: ['b'] },
				{ id: 'd', due: '2026-05-12', side: 'seller', owner: 'sam' },
			],
		});
		const statuses = getPlanStatuses(plan, TODAY);
		expect(Object.fromEntries(statuses.actions)).toEqual({ a: 'done', b: 'late', c: 'at-risk', d: 'due-soon' });
		expect(Object.fromEntries(statuses.milestones)).toEqual({ eval: 'done', legal: 'late' });
		expect(statuses.actionCounts).toEqual({ done: 1, late: 1, blocked: 0, 'at-risk': 1, 'due-soon': 1, 'on-track': 0 });
		expect(statuses.milestoneCounts).toEqual({ done: 1, late: 1, blocked: 0, 'at-risk': 0, 'due-soon': 0, 'on-track': 0 });
	});

	test('handles a plan with no actions and no milestones', () => {
		const statuses = getPlanStatuses({ actions: [], milestones: [] }, TODAY);
		expect(statuses.actions.size).toBe(0);
		expect(statuses.milestones.size).toBe(0);
	});
});
