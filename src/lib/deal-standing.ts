/**
 * Where a deal stands, in one word: the status every page, the executive summary and the report
 * lead with. One implementation, so the site and the rep's terminal never disagree.
 */
import type { Plan } from '../schema/plan.ts';
import type { PlanOverview } from './plan-overview.ts';

/** The one-word standing of a deal. */
export type DealStandingWord = 'on-track' | 'at-risk' | 'late' | 'won' | 'lost' | 'paused';

/** The colour a standing is shown in; grey for deals that no longer move. */
export type DealStandingLight = 'green' | 'yellow' | 'red' | 'grey';

/** Why the deal has its standing, as data for the catalogues to word. */
export type DealStandingReason =
	| { code: 'won' | 'lost' | 'paused' }
	/** The projected decision falls `slipDays` after the planned decision date. */
	| { code: 'decision-slips'; slipDays: number; projected: string }
	/** Open actions are late, blocked or at risk, but the decision still holds. */
	| { code: 'actions-need-attention'; actionIds: string[] }
	| { code: 'on-plan' };

/** A deal's standing with its colour and reason. */
export interface DealStanding {
	word: DealStandingWord;
	light: DealStandingLight;
	reason: DealStandingReason;
}

/**
 * The standing of `plan` from its overview: a closed deal says how it closed; an open one is late
 * when its decision is projected after the planned date, at risk when any open action is late,
 * blocked or at risk, and on track otherwise.
 */
export function getDealStanding(plan: Pick<Plan, 'status'>, overview: Pick<PlanOverview, 'decision' | 'needsAttention'>): DealStanding {
	if (plan.status === 'won') return { word: 'won', light: 'green', reason: { code: 'won' } };
	if (plan.status === 'lost') return { word: 'lost', light: 'grey', reason: { code: 'lost' } };
	if (plan.status === 'paused') return { word: 'paused', light: 'grey', reason: { code: 'paused' } };
	const decision = overview.decision;
	if (decision && decision.slipDays > 0) {
		return { word: 'late', light: 'red', reason: { code: 'decision-slips', slipDays: decision.slipDays, projected: decision.projected } };
	}
	if (overview.needsAttention.length > 0) {
		return { word: 'at-risk', light: 'yellow', reason: { code: 'actions-need-attention', actionIds: overview.needsAttention.map(({ action }) => action.id) } };
	}
	return { word: 'on-track', light: 'green', reason: { code: 'on-plan' } };
}

/** Whether the deal is closed (won or lost), so pages report the outcome instead of projecting a decision. */
export function isDealClosed(plan: Pick<Plan, 'status'>): boolean {
	return plan.status === 'won' || plan.status === 'lost';
}
