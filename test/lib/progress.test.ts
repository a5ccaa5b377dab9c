import { describe, expect, test } from 'vitest';
import { countProgress, getPlanProgress } from '../../src/lib/progress.ts';
import { makePlan } from '../helpers/make-plan.ts';

describe('getPlanProgress', () => {
	const plan = makePlan({
		milestones: [
			{ id: 'eval', title: 'Evaluation', due: '2026-06-01' },
			{ id: 'legal', title: 'Legal', due: '2026-06-15' },
			{ id: 'empty', title: 'Nothing yet', due: '2026-06-20' },
		],
		actions: [
			{ id: 'a', side: 'buyer', milestone: 'eval', status: 'done', completedOn: '2026-05-01' },
			{ id: 'b', side: 'seller', milestone: 'eval', status: 'done', completedOn: '2026-05-02' },
			{ id: 'c', side: 'buyer', milestone: 'legal', status: 'in-progress' },
			{ id: 'd', side: 'buyer', status: 'blocked' },
			{ id: 'e', side: 'seller', milestone: 'unknown', status: 'done', completedOn: '2026-05-03' },
		],
	});
	const progress = getPlanProgress(plan);

	test('counts done actions over all actions', () => {
		expect(progress.overall).toEqual({ done: 3, total: 5, percent: 60 });
	});

	test('counts each side on its own', () => {
		expect(progress.bySide).toEqual({
			buyer: { done: 1, total: 3, percent: 33 },
			seller: { done: 2, total: 2, percent: 100 },
		});
	});

	test('counts every milestone, including one with no actions', () => {
		expect(Object.fromEntries(progress.byMilestone)).toEqual({
			eval: { done: 2, total: 2, percent: 100 },
			legal: { done: 0, total: 1, percent: 0 },
			empty: { done: 0, total: 0, percent: 0 },
		});
	});

	test('counts actions without a known milestone as unassigned', () => {
		expect(progress.unassigned).toEqual({ done: 1, total: 2, percent: 50 });
	});

	test('reports 0 percent for a plan with no actions', () => {
		expect(getPlanProgress({ actions: [], milestones: [] }).overall).toEqual({ done: 0, total: 0, percent: 0 });
	});
});

describe('countProgress', () => {
	test.each([
		[12, 18, 67],
		[1, 3, 33],
		[2, 3, 67],
		[1, 200, 1],
		[199, 200, 100],
		[0, 5, 0],
	])('rounds %i of %i done to %i percent', (done, total, percent) => {
		const actions = Array.from({ length: total }, (_, index) => ({ status: index < done ? 'done' : 'todo' }) as const);
		expect(countProgress(actions)).toEqual({ done, total, percent });
	});
});
