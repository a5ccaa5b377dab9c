/** Float, time away and dates to agree as the buyer's pages word them. */
import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/messages/en.ts';
import { id } from '../../../src/i18n/messages/id.ts';
import { getOverviewView } from '../../../src/lib/views/overview-view.ts';
import { getPlanPageView } from '../../../src/lib/views/plan-page-view.ts';
import { makePlan } from '../../helpers/make-plan.ts';

// Every day counts (no calendar). Budi is away 1 to 21 Jun, so sign finishes Mon 22 Jun and the
// decision is projected then. legal may finish up to 21 Jun: (10 Jun, 21 Jun] = 11 days of float;
// security up to 20 Jun: (1 Jun, 20 Jun] = 19. sign sets the decision: 0. The review has no date.
const plan = makePlan({
	decisionDate: '2026-06-11',
	stakeholders: [
		{ id: 'ana', name: 'Ana Buyer', role: 'CTO', side: 'buyer' },
		{ id: 'budi', name: 'Budi Santoso', role: 'CFO', side: 'buyer', away: [{ from: '2026-06-01', to: '2026-06-21', note: 'travelling' }] },
		{ id: 'sam', name: 'Sam Seller', role: 'Account executive', side: 'seller' },
	],
	actions: [
		{ id: 'security', due: '2026-06-01' },
		{ id: 'legal', due: '2026-06-10', dependsOn: ['security'] },
		{ id: 'sign', owner: 'budi', due: '2026-06-11', dependsOn: ['legal'] },
		{ id: 'review', due: 'tbd' },
	],
});

describe('getPlanPageView', () => {
	test('says how far each open action can slip, and shows a date to agree', () => {
		const rows = getPlanPageView(plan, '2026-05-20', en).groups.flatMap((group) => group.open);
		expect(rows.map((row) => [row.id, row.dueText, row.floatText ?? null, row.isCritical])).toEqual([
			['security', 'Due Jun 1', 'can slip 19 days', false],
			['legal', 'Due Jun 10', 'can slip 11 days', false],
			['sign', 'Due Jun 11', 'on the critical path', true],
			['review', 'Date to agree', null, false],
		]);
		expect(rows[3]!.live).toBeUndefined();
	});

	test('words float in Indonesian', () => {
		const rows = getPlanPageView({ ...plan, locale: 'id' }, '2026-05-20', id).groups.flatMap((group) => group.open);
		expect(rows.map((row) => row.floatText ?? row.dueText)).toEqual(['bisa mundur 19 hari kerja', 'bisa mundur 11 hari kerja', 'di jalur kritis', 'Tanggal menyusul']);
	});
});

describe('getOverviewView', () => {
	test('names the time away that moves the decision and counts the steps it does not account for', () => {
		// sign: Budi is away 1 to 21 Jun, so it finishes 22 Jun; the decision slips 11 days.
		const view = getOverviewView(plan, '2026-05-20', en, '/d/');
		expect(view.decision.projected).toMatchObject({ date: '2026-06-22', lateText: '11 days late' });
		expect(view.decision.causeTitles).toEqual(['Action sign']);
		expect(view.decision.causeDelays).toEqual(['Budi Santoso is away Jun 1 – Jun 21 (travelling)']);
		expect(view.decision.undatedText).toBe('Not counted yet: 1 step with a date to agree');
	});
});
