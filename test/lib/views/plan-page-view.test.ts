import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/messages/en.ts';
import { getPlanPageView } from '../../../src/lib/views/plan-page-view.ts';
import { makePlan } from '../../helpers/make-plan.ts';

const TODAY = '2026-11-18';

const plan = makePlan({
	stakeholders: [
		{ id: 'sam', name: 'Sam Seller', role: 'Account executive', side: 'seller' },
		{ id: 'elena', name: 'Elena Vasquez', role: 'CISO', side: 'buyer' },
		{ id: 'tom', name: 'Tom Okafor', role: 'Data', side: 'buyer' },
	],
	milestones: [
		{ id: 'pilot', title: 'Pilot signed off', due: '2026-11-06' },
		{ id: 'security', title: 'Security review passed', due: '2026-11-27' },
	],
	actions: [
		{ id: 'pilot-env', side: 'seller', owner: 'sam', due: '2026-10-23', status: 'done', completedOn: '2026-10-22', milestone: 'pilot' },
		{ id: 'early-done', owner: 'tom', due: '2026-11-01', status: 'done', completedOn: '2026-11-01', milestone: 'security' },
		{
			id: 'review',
			title: 'Review the questionnaire',
			owner: 'elena',
			due: '2026-11-27',
			status: 'in-progress',
			milestone: 'security',
			dependsOn: ['early-done'],
			dateChanges: [
				{ on: '2026-11-17', from: '2026-11-20', to: '2026-11-27', reason: 'Pen-test follow-up' },
				{ on: '2026-11-10', from: '2026-11-13', to: '2026-11-20', reason: 'Quarter-end audit' },
			],
		},
		{ id: 'sso', side: 'seller', owner: 'sam', due: '2026-11-16', milestone: 'security' },
		{ id: 'loose', owner: 'tom', due: '2026-12-04' },
	],
});

describe('getPlanPageView', () => {
	const view = getPlanPageView(plan, TODAY, en);

	test('puts milestones with open work first and a finished milestone last', () => {
		expect(view.groups.map((group) => group.heading)).toEqual(['Security review passed', 'Other actions', 'Pilot signed off']);
		expect(view.groups.at(-1)?.milestone?.isCelebrated).toBe(true);
	});

	test('lists open actions by due date and folds done ones under a count', () => {
		const security = view.groups[0]!;
		expect(security.open.map((row) => row.id)).toEqual(['sso', 'review']);
		expect(security.done.map((row) => row.id)).toEqual(['early-done']);
		expect(security.doneLabel).toBe('1 done');
	});

	test('keeps a slipped date in the open on the row, with the full history in the details', () => {
		const review = view.groups[0]!.open.find((row) => row.id === 'review')!;
		expect(review).toMatchObject({ ownerName: 'Elena Vasquez', sideLabel: 'Buyer', dueText: 'Due Nov 27', movedText: 'moved twice', statusLabel: 'On track' });
		expect(review.dateHistory).toEqual(['due Nov 13 → Nov 20, changed Nov 10: Quarter-end audit', 'due Nov 20 → Nov 27, changed Nov 17: Pen-test follow-up']);
		expect(review.facts).toContainEqual(['Waits on', 'Action early-done']);
		expect(view.groups[0]!.open.find((row) => row.id === 'sso')!.movedText).toBeUndefined();
	});

	test('marks a late open action late and gives it a live badge; done rows get none', () => {
		const sso = view.groups[0]!.open.find((row) => row.id === 'sso')!;
		expect(sso).toMatchObject({ status: 'late', light: 'red', isDone: false });
		expect(sso.live).toEqual({ due: '2026-11-16', labels: { late: 'Late', 'due-soon': 'Due soon' } });
		expect(view.groups[0]!.done[0]!.live).toBeUndefined();
	});

	test('offers the owners of open actions to filter by, buyer side first', () => {
		expect(view.people).toEqual([
			{ id: 'elena', name: 'Elena Vasquez', side: 'buyer' },
			{ id: 'tom', name: 'Tom Okafor', side: 'buyer' },
			{ id: 'sam', name: 'Sam Seller', side: 'seller' },
		]);
	});
});
