import { describe, expect, test } from 'vitest';
import { getPlanView } from '../../../src/lib/views/plan-view.ts';
import { makePlan } from '../../helpers/make-plan.ts';

const TODAY = '2026-11-18';

// A Northwind-like deal: a finished pilot, a security review that slipped twice, a loose step.
const northwind = makePlan({
	decisionDate: '2026-12-18',
	stakeholders: [
		{ id: 'tom', name: 'Tom Okafor', role: 'Head of Data Engineering', side: 'buyer' },
		{ id: 'elena', name: 'Elena Vasquez', role: 'CISO', side: 'buyer' },
		{ id: 'aisha', name: 'Aisha Khan', role: 'Solutions Engineer', side: 'seller' },
	],
	milestones: [
		// Written out of date order on purpose: the page orders by due date.
		{ id: 'security', title: 'Security review passed', due: '2026-11-27' },
		{ id: 'pilot', title: 'Pilot signed off', due: '2026-11-06', description: 'The pilot meets the benchmark.' },
		{ id: 'empty', title: 'Nothing planned yet', due: '2026-12-01' },
	],
	actions: [
		{ id: 'pilot-env', title: 'Provision the pilot', side: 'seller', owner: 'aisha', due: '2026-10-23', status: 'done', completedOn: '2026-10-22', milestone: 'pilot' },
		{ id: 'benchmark', title: 'Run the benchmark', owner: 'tom', due: '2026-11-06', status: 'done', completedOn: '2026-11-05', milestone: 'pilot', dependsOn: ['pilot-env'] },
		{
			id: 'security-review',
			title: 'Review the questionnaire',
			owner: 'elena',
			due: '2026-11-27',
			status: 'in-progress',
			milestone: 'security',
			dependsOn: ['benchmark'],
			// Newest first in the file; the page must still show the history oldest first.
			dateChanges: [
				{ on: '2026-11-17', from: '2026-11-20', to: '2026-11-27', reason: 'Pen-test follow-up' },
				{ on: '2026-11-10', from: '2026-11-13', to: '2026-11-20', reason: 'Quarter-end audit', by: 'Elena Vasquez' },
			],
		},
		{ id: 'sso', title: 'Test single sign-on', side: 'seller', owner: 'aisha', due: '2026-11-16', milestone: 'security' },
		{ id: 'references', title: 'Call two references', owner: 'tom', due: '2026-12-04' },
	],
});

describe('getPlanView', () => {
	const view = getPlanView(northwind, TODAY);

	test('groups actions under milestones in due order, then the actions with no milestone', () => {
		expect(view.groups.map((group) => group.milestone?.id ?? '(none)')).toEqual(['pilot', 'security', 'empty', '(none)']);
		expect(view.groups.map((group) => group.actions.map((action) => action.id))).toEqual([
			['pilot-env', 'benchmark'],
			['sso', 'security-review'],
			[],
			['references'],
		]);
	});

	test('celebrates a milestone only when all of its actions are done', () => {
		expect(view.groups.map((group) => group.milestone?.isCelebrated)).toEqual([true, false, false, undefined]);
	});

	test('gives each milestone its status, progress and description', () => {
		const [pilot, security] = view.groups;
		expect(pilot.milestone).toMatchObject({
			status: 'done',
			light: 'green',
			progress: { done: 2, total: 2, percent: 100 },
			description: 'The pilot meets the benchmark.',
		});
		expect(security.milestone).toMatchObject({ status: 'late', light: 'red', progress: { done: 0, total: 2, percent: 0 } });
	});

	test('shows a slipped action with its date history oldest first, its slip count and original date', () => {
		const review = view.groups[1].actions.find((action) => action.id === 'security-review')!;
		expect(review.dateChanges.map((change) => `${change.on}: ${change.from} -> ${change.to}`)).toEqual([
			'2026-11-10: 2026-11-13 -> 2026-11-20',
			'2026-11-17: 2026-11-20 -> 2026-11-27',
		]);
		expect(review.slipCount).toBe(2);
		expect(review.originalDue).toBe('2026-11-13');
	});

	test('leaves an action that never moved with no history and its own due date as the original', () => {
		const sso = view.groups[1].actions[0];
		expect(sso).toMatchObject({ slipCount: 0, dateChanges: [], originalDue: '2026-11-16' });
	});

	test('marks an open action past its due date as late and nothing else', () => {
		const late = view.groups.flatMap((group) => group.actions).filter((action) => action.isLate);
		expect(late.map((action) => action.id)).toEqual(['sso']);
	});

	test('resolves the owner to a name and side, and prerequisites to titles', () => {
		const review = view.groups[1].actions[1];
		expect(review.owner).toEqual({ id: 'elena', name: 'Elena Vasquez', side: 'buyer', isKnown: true });
		expect(review.prerequisites).toEqual([{ id: 'benchmark', title: 'Run the benchmark', status: 'done' }]);
	});

	test('keeps an unknown owner or prerequisite as its id instead of crashing', () => {
		const broken = { ...northwind, actions: [{ ...northwind.actions[4], owner: 'ghost', dependsOn: ['missing'] }] };
		const [action] = getPlanView(broken, TODAY).groups.at(-1)!.actions;
		expect(action.owner).toEqual({ id: 'ghost', name: 'ghost', side: 'buyer', isKnown: false });
		expect(action.prerequisites).toEqual([{ id: 'missing', title: undefined, status: undefined }]);
	});

	test('puts an action naming an unknown milestone in the group with no milestone', () => {
		const plan = makePlan({ actions: [{ id: 'stray', milestone: 'nowhere' }] });
		expect(getPlanView(plan, TODAY).groups).toMatchObject([{ milestone: undefined, actions: [{ id: 'stray' }] }]);
	});

	test('leaves out the group with no milestone when every action has one', () => {
		const plan = makePlan({
			milestones: [{ id: 'm', title: 'M', due: '2026-06-01' }],
			actions: [{ id: 'a', milestone: 'm' }],
		});
		expect(getPlanView(plan, TODAY).groups.map((group) => group.milestone?.id)).toEqual(['m']);
	});

	test('keeps plan order for milestones and actions due on the same day', () => {
		const plan = makePlan({
			milestones: [
				{ id: 'm2', title: 'Second', due: '2026-06-01' },
				{ id: 'm1', title: 'First', due: '2026-06-01' },
			],
			actions: [
				{ id: 'z', due: '2026-05-01' },
				{ id: 'a', due: '2026-05-01' },
			],
		});
		const { groups } = getPlanView(plan, '2026-04-01');
		expect(groups.map((group) => group.milestone?.id)).toEqual(['m2', 'm1', undefined]);
		expect(groups[2].actions.map((action) => action.id)).toEqual(['z', 'a']);
	});
});
