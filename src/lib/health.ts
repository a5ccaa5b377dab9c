/** A small, explained health score for a plan, for the rep's overview. */
import type { Action, Plan } from '../schema/plan.ts';
import { daysBetween } from './dates.ts';
import { getProjectedDecision } from './schedule.ts';

/** The plan's overall light. */
export type HealthLevel = 'green' | 'yellow' | 'red';

/** Kinds of penalty, stable for tests and translations. */
export type HealthReasonCode =
	| 'overdue-buyer'
	| 'overdue-seller'
	| 'repeated-slips'
	| 'buyer-slipping'
	| 'checkins-missing'
	| 'checkins-overdue'
	| 'unmitigated-risks'
	| 'decision-slip';

/** One penalty and why it applies. */
export interface HealthReason {
	code: HealthReasonCode;
	/** Points taken off the score. */
	points: number;
	/** Plain English explanation for the rep. */
	message: string;
	/** Action or risk ids it is about. */
	ids?: string[];
}

/** The score, its level and the penalties behind it. */
export interface PlanHealth {
	/** 100 minus all penalties, never below 0. */
	score: number;
	level: HealthLevel;
	reasons: HealthReason[];
}

/** Points per overdue buyer action, and the most they can take together. */
export const OVERDUE_BUYER_POINTS = { each: 10, max: 30 };
/** Points per overdue seller action; less than the buyer's, whose delays signal a cooling deal. */
export const OVERDUE_SELLER_POINTS = { each: 5, max: 15 };
/** Points per action whose due date slipped twice or more. */
export const REPEATED_SLIP_POINTS = { each: 5, max: 15 };
/** Points when buyer actions slipped 3+ times in all; this red flag also forces the level to red. */
export const BUYER_SLIPPING_POINTS = 20;
/** Slips across buyer actions that make the buyer-slipping red flag. */
export const BUYER_SLIPPING_THRESHOLD = 3;
/** Points when an active plan has no check-in yet. */
export const CHECKINS_MISSING_POINTS = 15;
/** Points when the last check-in is older than `checkinEveryDays`, and older than twice that. */
export const CHECKINS_OVERDUE_POINTS = { late: 10, veryLate: 20 };
/** Points per high-impact risk without a mitigation. */
export const UNMITIGATED_RISK_POINTS = { each: 10, max: 20 };
/** Points when the projected decision falls after the decision date; enough on its own for yellow. */
export const DECISION_SLIP_POINTS = 25;
/** Lowest score that is still green, and lowest that is still yellow. */
export const HEALTH_THRESHOLDS = { green: 80, yellow: 50 };

/**
 * Scores a plan on `today` from 100 down. Penalties (weights in the constants above):
 * overdue buyer actions 10 each (max 30); overdue seller actions 5 each (max 15); actions
 * slipped 2+ times 5 each (max 15); 3+ slips across buyer actions 20 and level red; an active
 * plan with no check-in 15, or a last check-in older than `checkinEveryDays` 10 (20 when
 * older than twice that); high-impact risks without mitigation 10 each (max 20); projected
 * decision after the decision date 25. Green from 80, yellow from 50, else red. Won and lost
 * plans are closed: green, 100, no reasons.
 */
export function getPlanHealth(plan: Plan, today: string): PlanHealth {
	if (plan.status === 'won' || plan.status === 'lost') return { score: 100, level: 'green', reasons: [] };
	const reasons: HealthReason[] = [
		...findOverdueReasons(plan.actions, today),
		...findSlipReasons(plan.actions),
		...(plan.status === 'active' ? findCheckinReasons(plan, today) : []),
		...findRiskReasons(plan),
		...findDecisionReasons(plan, today),
	];
	const score = Math.max(0, 100 - reasons.reduce((sum, reason) => sum + reason.points, 0));
	const hasRedFlag = reasons.some((reason) => reason.code === 'buyer-slipping');
	const level: HealthLevel =
		hasRedFlag || score < HEALTH_THRESHOLDS.yellow ? 'red' : score < HEALTH_THRESHOLDS.green ? 'yellow' : 'green';
	return { score, level, reasons };
}

/** Slips of one action: date changes that moved the due date later. */
export function countSlips(action: Pick<Action, 'dateChanges'>): number {
	return action.dateChanges.filter((change) => change.to > change.from).length;
}

function findOverdueReasons(actions: readonly Action[], today: string): HealthReason[] {
	const overdue = actions.filter((action) => action.status !== 'done' && action.due < today);
	const reasons: HealthReason[] = [];
	const buyer = overdue.filter((action) => action.side === 'buyer').map((action) => action.id);
	const seller = overdue.filter((action) => action.side === 'seller').map((action) => action.id);
	if (buyer.length > 0) {
		reasons.push({
			code: 'overdue-buyer',
			points: Math.min(OVERDUE_BUYER_POINTS.max, buyer.length * OVERDUE_BUYER_POINTS.each),
			message: `${countActions(buyer.length, 'buyer ')} ${buyer.length === 1 ? 'is' : 'are'} overdue.`,
			ids: buyer,
		});
	}
	if (seller.length > 0) {
		reasons.push({
			code: 'overdue-seller',
			points: Math.min(OVERDUE_SELLER_POINTS.max, seller.length * OVERDUE_SELLER_POINTS.each),
			message: `${countActions(seller.length, 'seller ')} ${seller.length === 1 ? 'is' : 'are'} overdue.`,
			ids: seller,
		});
	}
	return reasons;
}

function findSlipReasons(actions: readonly Action[]): HealthReason[] {
	const reasons: HealthReason[] = [];
	const repeated = actions.filter((action) => countSlips(action) >= 2).map((action) => action.id);
	if (repeated.length > 0) {
		reasons.push({
			code: 'repeated-slips',
			points: Math.min(REPEATED_SLIP_POINTS.max, repeated.length * REPEATED_SLIP_POINTS.each),
			message: `${countActions(repeated.length)} had ${repeated.length === 1 ? 'its' : 'their'} due date moved twice or more.`,
			ids: repeated,
		});
	}
	const buyerSlipped = actions.filter((action) => action.side === 'buyer' && countSlips(action) > 0);
	const buyerSlips = buyerSlipped.reduce((sum, action) => sum + countSlips(action), 0);
	if (buyerSlips >= BUYER_SLIPPING_THRESHOLD) {
		reasons.push({
			code: 'buyer-slipping',
			points: BUYER_SLIPPING_POINTS,
			message: `The buyer has moved due dates ${buyerSlips} times; the deal may be losing priority.`,
			ids: buyerSlipped.map((action) => action.id),
		});
	}
	return reasons;
}

function findCheckinReasons(plan: Plan, today: string): HealthReason[] {
	// A check-in booked for later has not happened yet, so it does not count.
	const last = plan.checkins
		.map((checkin) => checkin.date)
		.filter((date) => date <= today)
		.sort()
		.at(-1);
	if (last === undefined) {
		return [{ code: 'checkins-missing', points: CHECKINS_MISSING_POINTS, message: 'No check-in has been logged yet.' }];
	}
	const days = daysBetween(last, today);
	if (days <= plan.checkinEveryDays) return [];
	return [
		{
			code: 'checkins-overdue',
			points: days > 2 * plan.checkinEveryDays ? CHECKINS_OVERDUE_POINTS.veryLate : CHECKINS_OVERDUE_POINTS.late,
			message: `The last check-in was ${days} days ago; they are planned every ${plan.checkinEveryDays} days.`,
		},
	];
}

function findRiskReasons(plan: Plan): HealthReason[] {
	const open = plan.risks.filter((risk) => risk.impact === 'high' && risk.mitigation === undefined).map((risk) => risk.id);
	if (open.length === 0) return [];
	return [
		{
			code: 'unmitigated-risks',
			points: Math.min(UNMITIGATED_RISK_POINTS.max, open.length * UNMITIGATED_RISK_POINTS.each),
			message: `${open.length === 1 ? '1 high-impact risk has' : `${open.length} high-impact risks have`} no mitigation.`,
			ids: open,
		},
	];
}

function findDecisionReasons(plan: Plan, today: string): HealthReason[] {
	const decision = getProjectedDecision(plan, today);
	if (!decision || decision.slipDays <= 0) return [];
	return [
		{
			code: 'decision-slip',
			points: DECISION_SLIP_POINTS,
			message: `The decision is projected for ${decision.projected}, ${decision.slipDays} ${decision.slipDays === 1 ? 'day' : 'days'} after the planned ${decision.decisionDate}.`,
			ids: decision.chain,
		},
	];
}

function countActions(count: number, kind = ''): string {
	return `${count} ${kind}${count === 1 ? 'action' : 'actions'}`;
}
