/** The overview, the dependencies page and the executive summary give the same reasons for the projected decision. */
import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/messages/en.ts';
import { id } from '../../../src/i18n/messages/id.ts';
import { getPlanOverview } from '../../../src/lib/plan-overview.ts';
import { formatDecisionReasonsLine, getDecisionReasons, isDecisionProjected } from '../../../src/lib/views/decision-reasons.ts';
import { getGraphView } from '../../../src/lib/views/graph-view.ts';
import { getOverviewView } from '../../../src/lib/views/overview-view.ts';
import { getSummaryView } from '../../../src/lib/views/summary-view.ts';
import type { Plan } from '../../../src/schema/plan.ts';
import { makePlan } from '../../helpers/make-plan.ts';

const TODAY = '2026-05-20';

// The buyer has no calendar and the seller works every day in Germany, which has no national
// holiday in June 2026, so only the closed period and time away move work. The seller is closed 8 to 14 Jun, so its security review (due 10 Jun) finishes 15 Jun;
// legal waits on it and finishes 15 Jun too; Budi signs and is away 1 to 21 Jun, so signing
// finishes 22 Jun instead of the planned 16 Jun. The pricing call has no date yet.
const plan = makePlan({
	decisionDate: '2026-06-16',
	seller: { name: 'Acme', calendar: { country: 'DE', workdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], closed: [{ from: '2026-06-08', to: '2026-06-14', note: 'offsite' }] } },
	stakeholders: [
		{ id: 'ana', name: 'Ana Buyer', role: 'CTO', side: 'buyer' },
		{ id: 'budi', name: 'Budi Santoso', role: 'CFO', side: 'buyer', away: [{ from: '2026-06-01', to: '2026-06-21', note: 'travelling' }] },
		{ id: 'sam', name: 'Sam Seller', role: 'Account executive', side: 'seller' },
	],
	actions: [
		{ id: 'security', title: 'Security review', side: 'seller', owner: 'sam', due: '2026-06-10' },
		{ id: 'legal', title: 'Legal review', due: '2026-06-12', dependsOn: ['security'] },
		{ id: 'sign', title: 'Sign the contract', owner: 'budi', due: '2026-06-16', dependsOn: ['legal'] },
		{ id: 'pricing', title: 'Pricing call', due: 'tbd' },
	],
});

const CLOSED = 'Acme is closed Jun 8 – Jun 14 (offsite)';
const AWAY = 'Budi Santoso is away Jun 1 – Jun 21 (travelling)';
const UNDATED = 'Not counted yet: 1 step with a date to agree';

function getAllThree(target: Plan, messages = en) {
	const overview = getOverviewView(target, TODAY, messages, '/d/').decision;
	const graph = getGraphView(target, TODAY, messages).reasons;
	const summary = getSummaryView(target, '', getPlanOverview(target, TODAY), messages).decisionReasons;
	return { overview, graph, summary };
}

describe('getDecisionReasons', () => {
	test('names the closed period and the time away that move the decision, and counts the undated step', () => {
		const reasons = getDecisionReasons(plan, getPlanOverview(plan, TODAY).decision, en);
		expect(reasons.causeTitles).toEqual(['Security review', 'Legal review', 'Sign the contract']);
		expect(reasons.causeDelays).toEqual([CLOSED, undefined, AWAY]);
		expect(reasons.undatedText).toBe(UNDATED);
	});

	test('gives the same reasons and undated count to the overview, the dependencies page and the summary', () => {
		const { overview, graph, summary } = getAllThree(plan);
		expect(overview.projected).toMatchObject({ date: '2026-06-22', lateText: '6 days late' });
		for (const reasons of [overview, graph]) {
			expect(reasons.causeDelays).toEqual([CLOSED, undefined, AWAY]);
			expect(reasons.undatedText).toBe(UNDATED);
		}
		expect(summary).toBe(`${CLOSED} · ${AWAY} · ${UNDATED}`);
	});

	test('words the reasons in the plan’s language everywhere', () => {
		const { overview, graph, summary } = getAllThree({ ...plan, locale: 'id' }, id);
		expect(overview.causeDelays[2]).toMatch(/^Budi Santoso/);
		expect(graph.causeDelays).toEqual(overview.causeDelays);
		expect(graph.undatedText).toBe(overview.undatedText);
		expect(summary).toBe([overview.causeDelays[0], overview.causeDelays[2], overview.undatedText].join(' · '));
		expect(summary).not.toContain('Not counted');
	});

	test.each(['won', 'lost', 'paused'] as const)('gives no reasons for a %s deal, which projects no decision', (status) => {
		const closed = { ...plan, status };
		expect(isDecisionProjected(closed)).toBe(false);
		const { overview, graph, summary } = getAllThree(closed);
		for (const reasons of [overview, graph]) expect(reasons).toMatchObject({ causeTitles: [], causeDelays: [], undatedText: undefined });
		expect(summary).toBeUndefined();
	});

	test('gives an on-time plan with every step dated nothing to explain', () => {
		const onTime = makePlan({ decisionDate: '2026-06-30', actions: [{ id: 'sign', due: '2026-06-30' }] });
		const { overview, graph, summary } = getAllThree(onTime);
		expect(overview).toMatchObject({ causeTitles: [], undatedText: undefined });
		expect(graph).toEqual({ causeTitles: [], causeDelays: [], undatedText: undefined });
		expect(summary).toBeUndefined();
	});
});

describe('formatDecisionReasonsLine', () => {
	test('says each day off once, then what is not counted', () => {
		expect(formatDecisionReasonsLine({ causeTitles: ['A', 'B', 'C'], causeDelays: [AWAY, undefined, AWAY], undatedText: UNDATED })).toBe(`${AWAY} · ${UNDATED}`);
	});

	test('says only what is not counted when nothing moved the decision', () => {
		expect(formatDecisionReasonsLine({ causeTitles: [], causeDelays: [], undatedText: UNDATED })).toBe(UNDATED);
	});
});
