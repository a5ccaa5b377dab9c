import { describe, expect, test } from 'vitest';
import { countSlips, getPlanHealth } from '../../src/lib/health.ts';
import { makePlan, type PlanOverrides } from '../helpers/make-plan.ts';

const TODAY = '2026-05-10';

// A plan with nothing wrong: recent check-in, nothing overdue, decision on time.
function healthyPlan(overrides: PlanOverrides = {}): PlanOverrides {
	return {
		decisionDate: '2026-07-01',
		checkins: [{ date: '2026-05-08', summary: 'Weekly sync' }],
		actions: [{ id: 'a', due: '2026-06-01' }],
		...overrides,
	};
}

function slip(from: string, to: string) {
	return { on: from, from, to, reason: 'Moved' };
}

describe('getPlanHealth', () => {
	test('scores a plan with nothing wrong 100 and green', () => {
		expect(getPlanHealth(makePlan(healthyPlan()), TODAY)).toEqual({ score: 100, level: 'green', reasons: [] });
	});

	test('weighs overdue buyer actions more than overdue seller actions', () => {
		const health = getPlanHealth(
			makePlan(
				healthyPlan({
					actions: [
						{ id: 'b1', side: 'buyer', due: '2026-05-01' },
						{ id: 's1', side: 'seller', owner: 'sam', due: '2026-05-01' },
						{ id: 's2', side: 'seller', owner: 'sam', due: '2026-05-02' },
						{ id: 'done', side: 'buyer', due: '2026-05-01', status: 'done', completedOn: '2026-05-03' },
					],
				}),
			),
			TODAY,
		);
		expect(health.reasons).toMatchInlineSnapshot(`
			[
			  {
			    "code": "overdue-buyer",
			    "ids": [
			      "b1",
			    ],
			    "message": "1 buyer action is overdue.",
			    "points": 10,
			  },
			  {
			    "code": "overdue-seller",
			    "ids": [
			      "s1",
			      "s2",
			    ],
			    "message": "2 seller actions are overdue.",
			    "points": 10,
			  },
			]
		`);
		expect(health).toMatchObject({ score: 80, level: 'green' });
	});

	test('caps the penalty for overdue buyer actions at 30', () => {
		const actions = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, due: '2026-05-01' }));
		const health = getPlanHealth(makePlan(healthyPlan({ actions, decisionDate: '2026-07-01' })), TODAY);
		expect(health.reasons.find((reason) => reason.code === 'overdue-buyer')?.points).toBe(30);
	});

	test('flags a buyer who keeps moving dates as red', () => {
		const health = getPlanHealth(
			makePlan(
				healthyPlan({
					actions: [
						{ id: 'a', due: '2026-06-01', dateChanges: [slip('2026-05-01', '2026-05-15'), slip('2026-05-15', '2026-06-01')] },
						{ id: 'b', due: '2026-06-05', dateChanges: [slip('2026-05-20', '2026-06-05')] },
						{ id: 'c', due: '2026-06-05', side: 'seller', owner: 'sam' },
					],
				}),
			),
			TODAY,
		);
		expect(health.reasons.map(({ code, points, ids }) => ({ code, points, ids }))).toEqual([
			{ code: 'repeated-slips', points: 5, ids: ['a'] },
			{ code: 'buyer-slipping', points: 20, ids: ['a', 'b'] },
		]);
		expect(health.reasons[1].message).toMatchInlineSnapshot(
			`"The buyer has moved due dates 3 times; the deal may be losing priority."`,
		);
		expect(health).toMatchObject({ score: 75, level: 'red' });
	});

	test('does not count seller slips or dates pulled in towards the buyer red flag', () => {
		const health = getPlanHealth(
			makePlan(
				healthyPlan({
					actions: [
						{ id: 'a', due: '2026-05-20', dateChanges: [slip('2026-05-01', '2026-05-15'), slip('2026-05-30', '2026-05-20')] },
						{ id: 's', side: 'seller', owner: 'sam', due: '2026-06-20', dateChanges: [slip('2026-05-20', '2026-06-01'), slip('2026-06-01', '2026-06-20')] },
					],
				}),
			),
			TODAY,
		);
		expect(health.reasons.map((reason) => reason.code)).toEqual(['repeated-slips']);
		expect(health.reasons[0].ids).toEqual(['s']);
	});

	test.each([
		['one within the interval', [{ date: '2026-05-06', summary: 'Sync' }], undefined, undefined],
		['one exactly an interval ago', [{ date: '2026-05-03', summary: 'Sync' }], undefined, undefined],
		['one 8 days ago', [{ date: '2026-05-02', summary: 'Sync' }], 'checkins-overdue', 10],
		['one 15 days ago', [{ date: '2026-04-25', summary: 'Sync' }], 'checkins-overdue', 20],
		['only one booked for later', [{ date: '2026-05-12', summary: 'Next sync' }], 'checkins-missing', 15],
		['none at all', [], 'checkins-missing', 15],
	])('rates check-ins with %s', (_, checkins, code, points) => {
		const health = getPlanHealth(makePlan(healthyPlan({ checkins, checkinEveryDays: 7 })), TODAY);
		expect(health.reasons.map((reason) => [reason.code, reason.points])).toEqual(code ? [[code, points]] : []);
	});

	test('explains an overdue check-in in plain words', () => {
		const health = getPlanHealth(makePlan(healthyPlan({ checkins: [{ date: '2026-04-25', summary: 'Sync' }] })), TODAY);
		expect(health.reasons[0].message).toMatchInlineSnapshot(
			`"The last check-in was 15 days ago; they are planned every 7 days."`,
		);
	});

	test('does not expect check-ins on a paused plan', () => {
		expect(getPlanHealth(makePlan(healthyPlan({ status: 'paused', checkins: [] })), TODAY).reasons).toEqual([]);
	});

	test('counts only high-impact risks without a mitigation', () => {
		const health = getPlanHealth(
			makePlan(
				healthyPlan({
					risks: [
						{ id: 'budget', title: 'Budget freeze', probability: 'medium', impact: 'high' },
						{ id: 'champion', title: 'Champion leaves', probability: 'low', impact: 'high', mitigation: 'Second sponsor' },
						{ id: 'minor', title: 'Minor', probability: 'high', impact: 'medium' },
					],
				}),
			),
			TODAY,
		);
		expect(health.reasons).toEqual([
			{ code: 'unmitigated-risks', points: 10, message: '1 high-impact risk has no mitigation.', ids: ['budget'] },
		]);
	});

	test('penalises a decision projected after the decision date, naming the chain', () => {
		const health = getPlanHealth(
			makePlan(
				healthyPlan({
					decisionDate: '2026-05-20',
					actions: [
						{ id: 'a', due: '2026-05-19' },
						{ id: 'b', start: '2026-05-15', due: '2026-05-20', dependsOn: ['a'] },
					],
				}),
			),
			TODAY,
		);
		expect(health.reasons).toEqual([
			{
				code: 'decision-slip',
				points: 25,
				message: 'The decision is projected for 2026-05-24, 4 days after the planned 2026-05-20.',
				ids: ['a', 'b'],
			},
		]);
		expect(health).toMatchObject({ score: 75, level: 'yellow' });
	});

	test('turns red when penalties add up below 50 and never goes below 0', () => {
		const health = getPlanHealth(
			makePlan({
				decisionDate: '2026-05-01',
				checkins: [],
				actions: [
					...['a', 'b', 'c'].map((id) => ({ id, due: '2026-05-01' })),
					...['d', 'e', 'f'].map((id) => ({ id, due: '2026-05-01', side: 'seller' as const, owner: 'sam' })),
				],
				risks: ['r1', 'r2', 'r3'].map((id) => ({ id, title: id, probability: 'high' as const, impact: 'high' as const })),
			}),
			TODAY,
		);
		// 30 buyer + 15 seller + 15 no check-in + 20 risks + 25 decision = 105.
		expect(health).toMatchObject({ score: 0, level: 'red' });
	});

	test.each(['won', 'lost'] as const)('rates a %s plan green with no reasons', (status) => {
		const plan = makePlan({ status, checkins: [], actions: [{ id: 'a', due: '2026-01-01' }] });
		expect(getPlanHealth(plan, TODAY)).toEqual({ score: 100, level: 'green', reasons: [] });
	});

	test('skips the decision check for a plan with a cycle', () => {
		const plan = makePlan(
			healthyPlan({
				actions: [
					{ id: 'a', due: '2026-06-01', dependsOn: ['b'] },
					{ id: 'b', due: '2026-06-01', dependsOn: ['a'] },
				],
			}),
		);
		expect(getPlanHealth(plan, TODAY).reasons).toEqual([]);
	});
});

describe('countSlips', () => {
	test('counts only changes that moved the date later', () => {
		expect(countSlips({ dateChanges: [slip('2026-05-01', '2026-05-05'), slip('2026-05-05', '2026-05-03')] })).toBe(1);
	});
});
