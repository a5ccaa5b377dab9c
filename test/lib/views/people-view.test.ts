import { describe, expect, test } from 'vitest';
import { getOwedBy, getPeopleView } from '../../../src/lib/views/people-view.ts';
import { makePlan } from '../../helpers/make-plan.ts';

const TODAY = '2026-05-10';

const plan = makePlan({
	stakeholders: [
		// A seller listed first: the page must still put the buyer's side first.
		{ id: 'sam', name: 'Sam Seller', role: 'Account executive', side: 'seller' },
		{ id: 'ana', name: 'Ana Buyer', role: 'CTO', side: 'buyer' },
		{ id: 'bo', name: 'Bo Buyer', role: 'Legal', side: 'buyer' },
	],
	actions: [
		{ id: 'later', owner: 'ana', due: '2026-05-30' },
		{ id: 'overdue', owner: 'ana', due: '2026-05-01' },
		{ id: 'finished', owner: 'ana', due: '2026-04-20', status: 'done', completedOn: '2026-04-20' },
		{ id: 'same-day-a', owner: 'sam', side: 'seller', due: '2026-05-12' },
		{ id: 'same-day-b', owner: 'sam', side: 'seller', due: '2026-05-12', status: 'blocked' },
		{ id: 'orphan', owner: 'ghost', due: '2026-05-12' },
	],
	risks: [
		{ id: 'small', title: 'Small', probability: 'low', impact: 'low', owner: 'ana' },
		{ id: 'big', title: 'Big', probability: 'high', impact: 'high', owner: 'ana', mitigation: 'Escalate' },
		{ id: 'unowned', title: 'Unowned', probability: 'high', impact: 'high' },
	],
});

describe('getPeopleView', () => {
	const view = getPeopleView(plan, TODAY);

	test('splits stakeholders by side, buyer first, in plan order within a side', () => {
		expect(view.map(({ side, people }) => `${side}: ${people.map((person) => person.stakeholder.id).join(', ')}`)).toEqual([
			'buyer: ana, bo',
			'seller: sam',
		]);
	});

	test('lists the open actions a person owns by due date with their status, and counts the done ones', () => {
		const ana = view[0].people[0];
		expect(ana.openActions.map((action) => `${action.id}:${action.status}`)).toEqual(['overdue:late', 'later:on-track']);
		expect(ana.doneCount).toBe(1);
	});

	test('lists the risks a person owns, most severe first', () => {
		expect(view[0].people[0].risks).toEqual([
			{ id: 'big', title: 'Big', level: 'high', isUnmitigated: false },
			{ id: 'small', title: 'Small', level: 'low', isUnmitigated: true },
		]);
	});

	test('gives a person with nothing to do empty lists', () => {
		expect(view[0].people[1]).toMatchObject({ openActions: [], doneCount: 0, risks: [] });
	});

	test('keeps plan order for actions due on the same day', () => {
		expect(view[1].people[0].openActions.map((action) => action.id)).toEqual(['same-day-a', 'same-day-b']);
	});

	test('returns an empty side when nobody is on it', () => {
		const buyersOnly = { ...plan, stakeholders: plan.stakeholders.filter((person) => person.side === 'buyer') };
		expect(getPeopleView(buyersOnly, TODAY)[1]).toEqual({ side: 'seller', people: [] });
	});
});

describe('getOwedBy', () => {
	test('lists what a person owes: open actions by due date', () => {
		expect(getOwedBy(plan, 'ana', TODAY).map((action) => action.id)).toEqual(['overdue', 'later']);
	});

	test('carries status and traffic light for each action', () => {
		expect(getOwedBy(plan, 'sam', TODAY).map((action) => `${action.status}/${action.light}`)).toEqual([
			'due-soon/yellow',
			'blocked/red',
		]);
	});

	test('returns nothing for someone who owns nothing or an unknown id', () => {
		expect(getOwedBy(plan, 'bo', TODAY)).toEqual([]);
		expect(getOwedBy(plan, 'nobody', TODAY)).toEqual([]);
	});
});
