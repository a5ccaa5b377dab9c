import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/messages/en.ts';
import { getOweHref, getOweView } from '../../../src/lib/views/owe-view.ts';
import { getPeoplePageView } from '../../../src/lib/views/people-page-view.ts';
import { makePlan } from '../../helpers/make-plan.ts';

const TODAY = '2026-05-10';
const BASE = '/route/';

const plan = makePlan({
	stakeholders: [
		{ id: 'sam', name: 'Sam Seller', role: 'Account executive', side: 'seller' },
		{ id: 'ana', name: 'Ana Buyer', role: 'CTO', side: 'buyer' },
		{ id: 'bo', name: 'Bo Buyer', role: 'Legal', side: 'buyer' },
	],
	actions: [
		{ id: 'later', owner: 'ana', due: '2026-05-30' },
		{ id: 'overdue', owner: 'ana', due: '2026-05-01' },
		{ id: 'finished', owner: 'ana', due: '2026-04-20', status: 'done', completedOn: '2026-04-20' },
		{ id: 'pricing', owner: 'sam', side: 'seller', due: '2026-05-12' },
	],
});
const calendars = new Map([['ana', 'calendar/person-ana.ics']]);

describe('getOweView', () => {
	const view = getOweView(plan, TODAY, en, BASE, calendars);

	test('gives every person a section, buyer side first', () => {
		expect(view.people.map((person) => person.id)).toEqual(['ana', 'bo', 'sam']);
		expect(view.people[0]).toMatchObject({ name: 'Ana Buyer', heading: 'What Ana Buyer owes', sideText: 'Buyer: Northwind', calendarPath: 'calendar/person-ana.ics' });
	});

	test('lists only open actions, earliest due first, each linked to the plan page', () => {
		const ana = view.people[0]!;
		expect(ana.rows.map((row) => [row.id, row.dueText, row.statusLabel])).toEqual([
			['overdue', 'Due May 1', 'Late'],
			['later', 'Due May 30', 'On track'],
		]);
		expect(ana.rows[0]!.href).toBe('/route/plan/#action-overdue');
	});

	test('gives a person with nothing open an empty list and no calendar', () => {
		expect(view.people[1]).toMatchObject({ id: 'bo', rows: [], calendarPath: undefined });
	});
});

describe('getOweHref', () => {
	test('points at the one page of the deal with the person in the fragment', () => {
		expect(getOweHref(BASE, 'dana-whitfield')).toBe('/route/owe/#dana-whitfield');
	});
});

describe('getPeoplePageView', () => {
	test('links each person to what they owe', () => {
		const [buyers] = getPeoplePageView(plan, TODAY, en, BASE, calendars);
		expect(buyers!.people[0]!.owe).toEqual({ text: 'What Ana Buyer owes', href: '/route/owe/#ana' });
		expect(buyers!.people[0]!.ownsText).toBe('Owns 3 actions');
	});

	test('lists the time away a person has not finished, with its note, and leaves out what has ended', () => {
		const travelling = makePlan({
			stakeholders: [
				{
					id: 'ana',
					name: 'Ana Buyer',
					role: 'CFO',
					side: 'buyer',
					away: [
						{ from: '2026-04-01', to: '2026-04-05', note: 'spring break' },
						{ from: '2026-06-01', to: '2026-06-21', note: 'board roadshow' },
					],
				},
				{ id: 'sam', name: 'Sam Seller', role: 'Account executive', side: 'seller' },
			],
		});
		const [buyers] = getPeoplePageView(travelling, TODAY, en, BASE, new Map());
		expect(buyers!.people[0]!.away).toEqual(['Jun 1 – June 21, 2026 (board roadshow)']);
	});
});

