import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/messages/en.ts';
import { id } from '../../../src/i18n/messages/id.ts';
import { getOverviewView, OVERVIEW_NEXT_STEPS } from '../../../src/lib/views/overview-view.ts';
import { makePlan } from '../../helpers/make-plan.ts';

const TODAY = '2026-06-10';
const BASE = '/k3v9q2xw7m4tp8ra/';

// Two done steps, one late step that the decision waits on, and four open steps after it.
const actions = [
	{ id: 'kickoff', due: '2026-05-01', status: 'done' as const, completedOn: '2026-05-01' },
	{ id: 'pilot', due: '2026-05-20', status: 'done' as const, completedOn: '2026-05-19' },
	{ id: 'legal', title: 'Legal review', due: '2026-06-05' },
	{ id: 'security', title: 'Security review', owner: 'sam', side: 'seller' as const, due: '2026-06-20' },
	{ id: 'pricing', due: '2026-06-22', side: 'seller' as const, owner: 'sam' },
	{ id: 'references', due: '2026-06-25' },
	{ id: 'sign', title: 'Sign the contract', due: '2026-06-30', dependsOn: ['legal'] },
];

describe('getOverviewView', () => {
	test('leads with one status word, the progress sentence and the planned against the projected decision', () => {
		const view = getOverviewView(makePlan({ decisionDate: '2026-06-30', actions }), TODAY, en, BASE);
		expect(view.standing).toMatchObject({ word: 'at-risk', light: 'yellow', label: 'At risk', prefix: 'Status' });
		expect(view.standingReason).toBe('2 open actions are late, blocked or at risk.');
		expect(view.progressSentence).toBe('2 of 7 done, 29%');
		expect(view.decision).toMatchObject({ planned: '2026-06-30', plannedText: 'June 30, 2026' });
		expect(view.decision.projected).toMatchObject({ date: '2026-06-30', isLate: false, lateText: undefined });
	});

	test('lists the next three open steps by due date, each linked to its row on the plan page', () => {
		const view = getOverviewView(makePlan({ actions }), TODAY, en, BASE);
		expect(view.nextSteps.map((row) => row.id)).toEqual(['legal', 'security', 'pricing']);
		expect(view.nextSteps).toHaveLength(OVERVIEW_NEXT_STEPS);
		expect(view.nextSteps[1]).toMatchObject({ title: 'Security review', meta: 'Sam Seller · Seller · due Jun 20', statusLabel: 'On track', href: `${BASE}plan/#action-security` });
		expect(view.links).toEqual({ plan: `${BASE}plan/`, owe: `${BASE}owe/` });
	});

	test('does not list a late step twice: the late list leaves out what next steps show, and says "also"', () => {
		const view = getOverviewView(makePlan({ actions }), TODAY, en, BASE);
		expect(view.nextSteps[0]).toMatchObject({ id: 'legal', status: 'late' });
		// Signing waits on the late legal review, so it is at risk; it is not among the next three steps.
		expect(view.late.map((row) => [row.id, row.status])).toEqual([['sign', 'at-risk']]);
		expect(view.isLateListedAbove).toBe(true);
	});

	test('shows a slipping decision in red with how many days late, and leaves the reason to that line', () => {
		const plan = makePlan({ decisionDate: '2026-06-12', actions: [{ id: 'legal', due: '2026-06-05' }, { id: 'sign', start: '2026-06-01', due: '2026-06-12', dependsOn: ['legal'] }] });
		const view = getOverviewView(plan, TODAY, en, BASE);
		expect(view.standing.word).toBe('late');
		expect(view.standingReason).toBeUndefined();
		expect(view.decision.projected?.isLate).toBe(true);
		expect(view.decision.projected?.lateText).toMatch(/^\d+ days? late$/);
		expect(view.decision.causeTitles.length).toBeGreaterThan(0);
	});

	test.each([
		['won', 'Won', 'The deal is won.'],
		['lost', 'Lost', 'The deal is closed as lost.'],
	] as const)('a %s deal says so and projects no decision', (status, label, reason) => {
		const view = getOverviewView(makePlan({ status, actions }), TODAY, en, BASE);
		expect(view.standing.label).toBe(label);
		expect(view.standingReason).toBe(reason);
		expect(view.decision.projected).toBeUndefined();
		expect(view.decision.causeTitles).toEqual([]);
	});

	test('offers no links to open actions or what people owe when every action is done', () => {
		const allDone = actions.map((action) => ({ ...action, status: 'done' as const, completedOn: action.due }));
		const view = getOverviewView(makePlan({ status: 'won', actions: allDone }), TODAY, en, BASE);
		expect(view.nextSteps).toEqual([]);
		expect(view.links).toBeUndefined();
	});

	test('speaks the plan language', () => {
		const view = getOverviewView(makePlan({ locale: 'id', status: 'won', actions }), TODAY, id, BASE);
		expect(view.standing.label).toBe('Menang');
		expect(view.progressSentence).toBe('2 dari 7 selesai, 29%');
	});
});
