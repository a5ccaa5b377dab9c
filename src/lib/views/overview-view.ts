/**
 * The overview page: its first phone screen answers where the deal stands (one word, progress,
 * planned against projected decision) and what comes next; the objective and the rest follow.
 */
import { formatDate, formatProgress, formatDaysLate, type Messages } from '../../i18n/index.ts';
import type { Checkin, Plan } from '../../schema/plan.ts';
import { getPlanOverview, type PlanOverview } from '../plan-overview.ts';
import type { PlanProgress, ProgressCount } from '../progress.ts';
import { getPlanActionHref, toActionRow, type ActionRow } from './action-row.ts';
import { getDealStandingView, type DealStandingView } from './deal-standing-view.ts';
import { getDecisionReasons, isDecisionProjected, type DecisionReasons } from './decision-reasons.ts';

/** How many open steps the first screen lists. */
export const OVERVIEW_NEXT_STEPS = 3;

/** The decision as one short summary list: planned, and projected while the deal is open, with the reasons it moves. */
export interface DecisionView extends DecisionReasons {
	/** "September 30, 2026". */
	plannedText: string;
	planned: string;
	/** Absent once the deal is won, lost or paused: a closed deal reports its outcome, not a projection. */
	projected: { date: string; text: string; isLate: boolean; /** "14 days late" when it slips. */ lateText: string | undefined } | undefined;
}

/** What the overview page renders. */
export interface OverviewView {
	standing: DealStandingView;
	progress: PlanProgress;
	/** "12 of 18 done, 67%". */
	progressSentence: string;
	overall: ProgressCount;
	decision: DecisionView;
	/** The next open steps by due date, at most {@link OVERVIEW_NEXT_STEPS}. */
	nextSteps: ActionRow[];
	/** Open actions that are late, blocked or at risk, the most urgent first, less those next steps already show. */
	late: ActionRow[];
	/** Whether next steps already show some late or at-risk actions, so the list below says "also". */
	isLateListedAbove: boolean;
	/** Why the deal has its standing; absent when the decision line below already says it (a slipping decision). */
	standingReason: string | undefined;
	latestCheckin: (Checkin & { dateText: string }) | undefined;
	/** Links one tap away: the plan page and "what I owe"; absent when nothing is open, as they would lead to empty lists. */
	links: { plan: string; owe: string } | undefined;
}

/** Builds the overview of `plan` as of `today` under the deal root `base`. */
export function getOverviewView(plan: Plan, today: string, messages: Messages, base: string): OverviewView {
	const overview: PlanOverview = getPlanOverview(plan, today);
	const decision = overview.decision;
	const projectedDate = decision?.projected ?? plan.decisionDate;
	const slipDays = decision?.slipDays ?? 0;
	const isOpen = isDecisionProjected(plan);
	const toRow = (entry: PlanOverview['nextSteps'][number]) => toActionRow(entry, plan, messages, getPlanActionHref(base, entry.action.id));
	const latest = overview.latestCheckin;
	const nextSteps = overview.nextSteps.slice(0, OVERVIEW_NEXT_STEPS);
	const nextIds = new Set(nextSteps.map((entry) => entry.action.id));
	const standing = getDealStandingView(plan, overview, messages);
	return {
		standing,
		progress: overview.progress,
		progressSentence: formatProgress(overview.progress.overall, plan.locale),
		overall: overview.progress.overall,
		decision: {
			planned: plan.decisionDate,
			plannedText: formatDate(plan.decisionDate, plan.locale, 'long'),
			projected: isOpen
				? {
						date: projectedDate,
						text: formatDate(projectedDate, plan.locale, 'long'),
						isLate: slipDays > 0,
						lateText: slipDays > 0 ? formatDaysLate(slipDays, plan.locale) : undefined,
					}
				: undefined,
			...getDecisionReasons(plan, decision, messages),
		},
		nextSteps: nextSteps.map(toRow),
		late: overview.needsAttention.filter((entry) => !nextIds.has(entry.action.id)).map(toRow),
		isLateListedAbove: overview.needsAttention.some((entry) => nextIds.has(entry.action.id)),
		standingReason: standing.word === 'late' && isOpen ? undefined : standing.reason,
		latestCheckin: latest && { ...latest, dateText: formatDate(latest.date, plan.locale, 'long') },
		links: nextSteps.length > 0 ? { plan: `${base}plan/`, owe: `${base}owe/` } : undefined,
	};
}
