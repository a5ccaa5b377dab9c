import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/messages/en.ts';
import { getPlanOverview } from '../../../src/lib/plan-overview.ts';
import { getSummaryView } from '../../../src/lib/views/summary-view.ts';
import { makePlan } from '../../helpers/make-plan.ts';
import type { PlanInput } from '../../../src/schema/plan.ts';

const TODAY = '2026-05-10';
const stakeholders: PlanInput['stakeholders'] = [
	{ id: 'ana', name: 'Ana Buyer', role: 'CFO', side: 'buyer' },
	{ id: 'sam', name: 'Sam Seller', role: 'AE', side: 'seller' },
];
const actions: PlanInput['actions'] = [
	{ id: 'demo', title: 'Demo', side: 'seller', owner: 'sam', due: '2026-05-01', status: 'done', completedOn: '2026-05-01' },
	{ id: 'budget', title: 'Approve the budget', side: 'buyer', owner: 'ana', due: '2026-05-20', status: 'todo', dependsOn: ['demo'] },
	{ id: 'quote', title: 'Send the quote', side: 'seller', owner: 'sam', due: '2026-05-25', status: 'todo', dependsOn: ['budget'] },
	{ id: 'sign', title: 'Sign', side: 'buyer', owner: 'ana', due: '2026-06-01', status: 'todo', dependsOn: ['quote'] },
	{ id: 'side', title: 'Side quest', side: 'buyer', owner: 'ana', due: '2026-05-12', status: 'todo' },
];

describe('getSummaryView', () => {
	test('dates the summary and lists the open buyer steps of the critical path with owner and date', () => {
		const plan = makePlan({ decisionDate: '2026-06-01', stakeholders, actions });
		const view = getSummaryView(plan, '', getPlanOverview(plan, TODAY), en);
		expect(view.asOf).toBe(TODAY);
		expect(view.asks.map(({ title, ownerName, due }) => [title, ownerName, due])).toEqual([
			['Approve the budget', 'Ana Buyer', '2026-05-20'],
			['Sign', 'Ana Buyer', '2026-06-01'],
		]);
		expect(view.standing).toMatchObject({ word: 'on-track', label: 'On track', reason: en.dealStanding.onPlan });
	});

	test('reports a won deal as won, with nothing to ask', () => {
		const plan = makePlan({ status: 'won', decisionDate: '2026-06-01', stakeholders, actions });
		const view = getSummaryView(plan, '', getPlanOverview(plan, TODAY), en);
		expect(view).toMatchObject({ isClosed: true, asks: [], standing: { word: 'won', label: 'Won', reason: 'The deal is won.' } });
	});

	test('quotes the body section of notes for executives, and has none without one', () => {
		const plan = makePlan({ decisionDate: '2026-06-01', stakeholders, actions });
		const overview = getPlanOverview(plan, TODAY);
		expect(getSummaryView(plan, '## Notes for executives\n\nBudget is **tight**.\n', overview, en).notesHtml).toBe('<p>Budget is <strong>tight</strong>.</p>\n');
		expect(getSummaryView(plan, '## Context\n\nText.\n', overview, en).notesHtml).toBeUndefined();
		// A heading in the other language counts too.
		expect(getSummaryView(plan, '## Catatan untuk pimpinan\n\nAnggaran ketat.\n', overview, en).notesHtml).toBe('<p>Anggaran ketat.</p>\n');
	});
});
