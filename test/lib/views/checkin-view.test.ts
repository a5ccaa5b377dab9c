import { describe, expect, test } from 'vitest';
import { getCheckinView } from '../../../src/lib/views/checkin-view.ts';
import { makePlan } from '../../helpers/make-plan.ts';

const plan = makePlan({
	actions: [
		{ id: 'workshop', title: 'Discovery workshop', due: '2026-10-06', status: 'done', completedOn: '2026-10-06' },
		{ id: 'pilot', title: 'Provision the pilot', due: '2026-10-23', status: 'done', completedOn: '2026-10-27' },
		{ id: 'questionnaire', title: 'Answer the questionnaire', due: '2026-11-03', status: 'done', completedOn: '2026-11-02' },
		{
			id: 'benchmark',
			title: 'Run the benchmark',
			due: '2026-11-06',
			status: 'in-progress',
			dateChanges: [{ on: '2026-10-27', from: '2026-10-30', to: '2026-11-06', reason: 'Month-end close', by: 'Tom' }],
		},
		{
			id: 'review',
			title: 'Security review',
			due: '2026-11-27',
			dateChanges: [
				{ on: '2026-10-29', from: '2026-11-13', to: '2026-11-20', reason: 'Audit' },
				{ on: '2026-11-10', from: '2026-11-20', to: '2026-11-27', reason: 'Pen-test follow-up' },
			],
		},
	],
	checkins: [
		{ date: '2026-10-27', summary: 'Pilot kick-off', attendees: ['ana', 'sam'] },
		{ date: '2026-11-10', summary: 'Security update', attendees: ['sam', 'former-colleague'], decisions: ['Move the review'] },
		{ date: '2026-11-03', summary: 'Questionnaire answered' },
	],
});

describe('getCheckinView', () => {
	const view = getCheckinView(plan);

	test('lists check-ins newest first whatever the order in the file', () => {
		expect(view.map((checkin) => `${checkin.date} (after ${checkin.previousDate})`)).toEqual([
			'2026-11-10 (after 2026-11-03)',
			'2026-11-03 (after 2026-10-27)',
			'2026-10-27 (after undefined)',
		]);
	});

	test('resolves attendees to names and keeps unknown ids as they are', () => {
		expect(view[0].attendees.map((attendee) => `${attendee.name}${attendee.isKnown ? '' : ' (unknown)'}`)).toEqual([
			'Sam Seller',
			'former-colleague (unknown)',
		]);
		expect(view[0].decisions).toEqual(['Move the review']);
	});

	test('counts actions completed after the previous check-in up to and including this one', () => {
		expect(view.map((checkin) => checkin.changes.completed.map((change) => change.actionId))).toEqual([
			[],
			['questionnaire'],
			['workshop', 'pilot'],
		]);
	});

	test('shows due-date changes agreed in the window with their old and new dates', () => {
		expect(view.map((checkin) => checkin.changes.dateChanges.map((change) => `${change.actionId} ${change.from}->${change.to}`))).toEqual([
			['review 2026-11-20->2026-11-27'],
			['review 2026-11-13->2026-11-20'],
			['benchmark 2026-10-30->2026-11-06'],
		]);
		expect(view[2].changes.dateChanges[0]).toMatchObject({ title: 'Run the benchmark', reason: 'Month-end close', by: 'Tom' });
	});

	test('gives a second check-in on the same day an empty window and lists it first', () => {
		const sameDay = {
			...plan,
			checkins: [
				{ date: '2026-10-27', summary: 'Morning', attendees: [], decisions: [] },
				{ date: '2026-10-27', summary: 'Afternoon', attendees: [], decisions: [] },
			],
		};
		const [afternoon, morning] = getCheckinView(sameDay);
		expect(afternoon.summary).toBe('Afternoon');
		expect(afternoon.changes).toEqual({ completed: [], dateChanges: [] });
		expect(morning.changes.completed.map((change) => change.actionId)).toEqual(['workshop', 'pilot']);
	});

	test('returns nothing for a plan with no check-ins', () => {
		expect(getCheckinView(makePlan())).toEqual([]);
	});

	test('does not reorder the plan itself', () => {
		expect(plan.checkins.map((checkin) => checkin.date)).toEqual(['2026-10-27', '2026-11-10', '2026-11-03']);
	});
});
