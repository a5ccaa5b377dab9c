import { describe, expect, test } from 'vitest';
import { getDealStanding, isDealClosed } from '../../src/lib/deal-standing.ts';
import { getPlanOverview } from '../../src/lib/plan-overview.ts';
import { makePlan, type PlanOverrides } from '../helpers/make-plan.ts';

const TODAY = '2026-05-10';

function standingOf(overrides: PlanOverrides) {
	const plan = makePlan(overrides);
	return getDealStanding(plan, getPlanOverview(plan, TODAY));
}

describe('getDealStanding', () => {
	test('an open plan whose steps are all on time is on track', () => {
		expect(standingOf({ decisionDate: '2026-06-01', actions: [{ id: 'sign', due: '2026-06-01' }] })).toEqual({
			word: 'on-track',
			light: 'green',
			reason: { code: 'on-plan' },
		});
	});

	test('a late step that does not move the decision makes the deal at risk, naming the step', () => {
		const standing = standingOf({
			decisionDate: '2026-06-01',
			actions: [
				{ id: 'quote', due: '2026-05-05' },
				{ id: 'sign', due: '2026-06-01' },
			],
		});
		expect(standing.word).toBe('at-risk');
		expect(standing.light).toBe('yellow');
		expect(standing.reason).toEqual({ code: 'actions-need-attention', actionIds: ['quote'] });
	});

	test('a decision projected after the planned date makes the deal late, with the slip', () => {
		const standing = standingOf({
			// legal was due on the 8th and is still open on the 10th, so signing cannot happen on the 10th.
			decisionDate: '2026-05-10',
			actions: [
				{ id: 'legal', start: '2026-05-01', due: '2026-05-08' },
				{ id: 'sign', due: '2026-05-10', dependsOn: ['legal'] },
			],
		});
		expect(standing.word).toBe('late');
		expect(standing.reason).toMatchObject({ code: 'decision-slips' });
		expect(standing.reason.code === 'decision-slips' && standing.reason.slipDays).toBeGreaterThan(0);
	});

	test.each([
		['won', 'green'],
		['lost', 'grey'],
		['paused', 'grey'],
	] as const)('a %s deal says so, whatever its steps', (status, light) => {
		const standing = standingOf({ status, decisionDate: '2026-05-01', actions: [{ id: 'sign', due: '2026-04-01' }] });
		expect(standing).toEqual({ word: status, light, reason: { code: status } });
	});
});

describe('isDealClosed', () => {
	test.each([
		['won', true],
		['lost', true],
		['active', false],
		['paused', false],
	] as const)('%s is closed: %s', (status, closed) => {
		expect(isDealClosed({ status })).toBe(closed);
	});
});
