/**
 * Why the projected decision moves and which steps it does not count yet, worded once so the
 * overview, the dependencies page and the executive summary say exactly the same thing.
 */
import type { Messages } from '../../i18n/index.ts';
import type { Plan } from '../../schema/plan.ts';
import { isDealClosed } from '../deal-standing.ts';
import { describeDayOff } from '../schedule/explain.ts';
import type { ProjectedDecision } from '../schedule.ts';

/** The reasons behind the projected decision, empty once nothing is projected. */
export interface DecisionReasons {
	/** Titles of the actions that push the decision out, first to last; empty when on time. */
	causeTitles: string[];
	/** Beside each cause title: the holiday, closed period or time away that moved it ("Budi Santoso is away ..."), else `undefined`. */
	causeDelays: (string | undefined)[];
	/** "Not counted yet: 2 steps with a date to agree", while open steps have `due: tbd`. */
	undatedText: string | undefined;
}

/** Whether the site projects a decision: a won, lost or paused deal reports its state instead. */
export function isDecisionProjected(plan: Pick<Plan, 'status'>): boolean {
	return !isDealClosed(plan) && plan.status !== 'paused';
}

/** Words the reasons of `decision` for `plan` in its language; none for a deal that projects no decision. */
export function getDecisionReasons(
	plan: Pick<Plan, 'actions' | 'locale' | 'status'>,
	decision: ProjectedDecision | undefined,
	messages: Messages,
): DecisionReasons {
	if (!decision || !isDecisionProjected(plan)) return { causeTitles: [], causeDelays: [], undatedText: undefined };
	const titles = new Map(plan.actions.map((action) => [action.id, action.title]));
	const delays = new Map(decision.delays.map((delay) => [delay.action, delay.dayOff]));
	return {
		causeTitles: decision.cause.map((id) => titles.get(id) ?? id),
		causeDelays: decision.cause.map((id) => {
			const dayOff = delays.get(id);
			return dayOff && describeDayOff(dayOff, plan.locale, 'short');
		}),
		undatedText: decision.undated.length > 0 ? messages.schedule.undated({ count: decision.undated.length }) : undefined,
	};
}

/**
 * The reasons as one short line for a printed page: each distinct day off once, then what is not
 * counted, joined by " · "; `undefined` when there is nothing to explain.
 */
export function formatDecisionReasonsLine(reasons: DecisionReasons): string | undefined {
	const delays = [...new Set(reasons.causeDelays.filter((text): text is string => text !== undefined))];
	const parts = reasons.undatedText === undefined ? delays : [...delays, reasons.undatedText];
	return parts.length > 0 ? parts.join(' · ') : undefined;
}
