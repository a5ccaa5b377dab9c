import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/messages/en.ts';
import { id } from '../../src/i18n/messages/id.ts';
import { getLiveBadge, getLiveStatus, isItemStatus } from '../../src/lib/live-status.ts';
import { getPlanStatuses, ITEM_STATUSES, type ItemStatus } from '../../src/lib/status.ts';
import { makePlan } from '../helpers/make-plan.ts';

const BUILT_ON = '2026-05-10';

describe('getLiveStatus', () => {
	test.each<[string, ItemStatus, string, string, ItemStatus]>([
		['an on-track action past its due date turns late', 'on-track', '2026-05-20', '2026-05-21', 'late'],
		['a due-soon action past its due date turns late', 'due-soon', '2026-05-12', '2026-05-13', 'late'],
		['an at-risk action past its due date turns late, as late outranks at-risk in the build', 'at-risk', '2026-05-20', '2026-05-21', 'late'],
		['an action due today is due soon, not late', 'on-track', '2026-05-21', '2026-05-21', 'due-soon'],
		['an on-track action due in 7 days turns due soon', 'on-track', '2026-05-28', '2026-05-21', 'due-soon'],
		['an on-track action due in 8 days stays on track', 'on-track', '2026-05-29', '2026-05-21', 'on-track'],
		['an at-risk action within the window stays at risk', 'at-risk', '2026-05-22', '2026-05-21', 'at-risk'],
		['a done action never changes', 'done', '2026-05-12', '2026-06-30', 'done'],
		['a blocked action stays blocked', 'blocked', '2026-05-12', '2026-06-30', 'blocked'],
		['a late action stays late', 'late', '2026-05-01', '2026-05-02', 'late'],
	])('%s', (_, built, due, today, expected) => {
		expect(getLiveStatus(built, due, today)).toBe(expected);
	});

	test('keeps the build-time status when the viewer is a day behind the build', () => {
		// Built on May 10: due May 9 was late, due May 18 on track; a viewer on May 9 changes nothing.
		expect(getLiveStatus('late', '2026-05-09', '2026-05-09')).toBe('late');
		expect(getLiveStatus('on-track', '2026-05-18', '2026-05-09')).toBe('on-track');
		expect(getLiveStatus('due-soon', '2026-05-10', '2026-05-09')).toBe('due-soon');
	});

	test('moves the due-soon boundary with dueSoonDays', () => {
		expect(getLiveStatus('on-track', '2026-05-24', '2026-05-21', 3)).toBe('due-soon');
		expect(getLiveStatus('on-track', '2026-05-25', '2026-05-21', 3)).toBe('on-track');
	});

	test.each(['2026-05-10', '2026-05-14', '2026-05-17', '2026-05-18', '2026-06-02'])(
		'agrees with a rebuild on %s for actions that depend on nothing',
		(later) => {
			const plan = makePlan({
				actions: ['2026-05-11', '2026-05-14', '2026-05-17', '2026-05-18', '2026-05-25', '2026-06-01', '2026-07-01'].map((due, index) => ({
					id: `a${index}`,
					due,
				})),
			});
			const built = getPlanStatuses(plan, BUILT_ON).actions;
			const rebuilt = getPlanStatuses(plan, later).actions;
			for (const action of plan.actions) {
				expect(getLiveStatus(built.get(action.id)!, action.due, later), action.id).toBe(rebuilt.get(action.id));
			}
		},
	);
});

describe('getLiveBadge', () => {
	test('carries the due date and the late and due-soon words of the plan language', () => {
		expect(getLiveBadge('2026-05-20', 'on-track', id.itemStatus)).toEqual({
			due: '2026-05-20',
			labels: { late: 'Terlambat', 'due-soon': 'Segera jatuh tempo' },
		});
		expect(getLiveBadge('2026-05-20', 'at-risk', en.itemStatus)?.labels).toEqual({ late: 'Late', 'due-soon': 'Due soon' });
	});

	test('gives nothing for a done action', () => {
		expect(getLiveBadge('2026-05-20', 'done', en.itemStatus)).toBeUndefined();
	});
});

describe('isItemStatus', () => {
	test('accepts every status and nothing else', () => {
		expect(ITEM_STATUSES.every(isItemStatus)).toBe(true);
		expect(isItemStatus('overdue')).toBe(false);
		expect(isItemStatus(undefined)).toBe(false);
	});
});
