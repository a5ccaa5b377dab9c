import { describe, expect, test } from 'vitest';
import {
	createPositioner,
	DEFAULT_TIMELINE_PAD_DAYS,
	getTimelineView,
	listMonthStarts,
} from '../../../src/lib/views/timeline-view.ts';
import { makePlan } from '../../helpers/make-plan.ts';

describe('getTimelineView', () => {
	const plan = makePlan({
		decisionDate: '2026-04-30',
		milestones: [
			{ id: 'late-one', title: 'Second', due: '2026-04-20' },
			{ id: 'early-one', title: 'First', due: '2026-03-15' },
		],
		actions: [
			{ id: 'kickoff', start: '2026-03-01', due: '2026-03-10', milestone: 'early-one', status: 'done', completedOn: '2026-03-10' },
			{ id: 'review', due: '2026-04-20', milestone: 'late-one' },
			{ id: 'loose', due: '2026-03-15' },
		],
	});

	test('spans from the earliest start to the decision date, padded on both sides by default', () => {
		const view = getTimelineView(plan, '2026-03-20');
		expect(DEFAULT_TIMELINE_PAD_DAYS).toBe(7);
		expect([view.rangeStart, view.rangeEnd]).toEqual(['2026-02-22', '2026-05-07']);
	});

	test('places today and the decision as fractions of the range', () => {
		// 2026-03-01 .. 2026-04-30 is 60 days.
		const view = getTimelineView(plan, '2026-03-31', { padDays: 0 });
		expect(view.today.position).toBeCloseTo(30 / 60);
		expect(view.decision).toEqual({ date: '2026-04-30', position: 1 });
	});

	test('puts today at exactly 0 when it is the start of the range', () => {
		expect(getTimelineView(plan, '2026-02-01', { padDays: 0 }).today).toEqual({ date: '2026-02-01', position: 0 });
	});

	test('puts today at exactly 1 when it is the end of the range, even after every date in the plan', () => {
		const view = getTimelineView(plan, '2026-06-30', { padDays: 0 });
		expect(view.rangeEnd).toBe('2026-06-30');
		expect(view.today.position).toBe(1);
		expect(view.decision.position).toBeLessThan(1);
	});

	test('gives an action a bar from its start to its due date, and a point when it has no start', () => {
		const view = getTimelineView(plan, '2026-03-20', { padDays: 0 });
		const [kickoff, review] = [view.lanes[0].actions[0], view.lanes[1].actions[0]];
		expect([kickoff.start.position, kickoff.due.position]).toEqual([0, 9 / 60]);
		expect(review.start).toEqual(review.due);
		expect(review.status).toBe('on-track');
	});

	test('makes one lane per milestone in due order, then a lane for actions with no milestone', () => {
		const lanes = getTimelineView(plan, '2026-03-20').lanes;
		expect(lanes.map((lane) => `${lane.milestone?.id}: ${lane.actions.map((action) => action.id).join(', ')}`)).toEqual([
			'early-one: kickoff',
			'late-one: review',
			'undefined: loose',
		]);
	});

	test('lists every item by date with milestones before actions on the same day', () => {
		const items = getTimelineView(plan, '2026-03-20').items;
		expect(items.map((item) => `${item.kind}:${item.id}`)).toEqual([
			'action:kickoff',
			'milestone:early-one',
			'action:loose',
			'milestone:late-one',
			'action:review',
		]);
	});

	test('adds a tick on the first of every month in the range', () => {
		const view = getTimelineView(plan, '2026-03-20', { padDays: 0 });
		expect(view.monthTicks).toEqual([
			{ date: '2026-03-01', position: 0 },
			{ date: '2026-04-01', position: 31 / 60 },
		]);
	});

	test('keeps every position finite for a plan that fits in a single day', () => {
		const oneDay = makePlan({ decisionDate: '2026-06-01', actions: [{ id: 'only', due: '2026-06-01' }] });
		const view = getTimelineView(oneDay, '2026-06-01', { padDays: 0 });
		expect([view.rangeStart, view.rangeEnd]).toEqual(['2026-06-01', '2026-06-01']);
		expect([view.today.position, view.decision.position, view.lanes[0].actions[0].due.position]).toEqual([0.5, 0.5, 0.5]);
		expect(view.monthTicks).toEqual([{ date: '2026-06-01', position: 0.5 }]);
	});

	test('draws a plan with no milestones as one lane', () => {
		const view = getTimelineView(makePlan(), '2026-05-01');
		expect(view.lanes).toHaveLength(1);
		expect(view.lanes[0].milestone).toBeUndefined();
	});
});

describe('createPositioner', () => {
	test.each([
		['2026-01-01', 0],
		['2026-01-06', 0.5],
		['2026-01-11', 1],
	])('places %s at %d on a ten-day range', (date, position) => {
		expect(createPositioner('2026-01-01', '2026-01-11')(date).position).toBe(position);
	});
});

describe('listMonthStarts', () => {
	test.each([
		['2026-01-15', '2026-01-31', []],
		['2026-01-01', '2026-01-01', ['2026-01-01']],
		['2025-11-20', '2026-02-01', ['2025-12-01', '2026-01-01', '2026-02-01']],
	])('lists the firsts of the month from %s to %s', (start, end, expected) => {
		expect(listMonthStarts(start, end)).toEqual(expected);
	});
});

describe('closed periods on the timeline', () => {
	test('lists each side’s closed periods that have not ended, earliest first, with the side’s name and note', () => {
		const plan = makePlan({
			buyer: { name: 'Northwind', calendar: { country: 'US', closed: [{ from: '2026-12-21', to: '2026-12-31', note: 'year-end freeze' }] } },
			seller: { name: 'Acme', calendar: { country: 'DE', closed: [{ from: '2026-01-02', to: '2026-01-03' }, { from: '2026-08-03', to: '2026-08-14', note: 'summer shutdown' }] } },
		});
		expect(getTimelineView(plan, '2026-05-01').closedPeriods).toEqual([
			{ party: 'Acme', from: '2026-08-03', to: '2026-08-14', note: 'summer shutdown' },
			{ party: 'Northwind', from: '2026-12-21', to: '2026-12-31', note: 'year-end freeze' },
		]);
	});
});

