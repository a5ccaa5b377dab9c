/** The executive summary: where the deal stands, as of when, what the buyer must do, and the notes for executives. */
import { getMessages, SUPPORTED_LOCALES, type Messages } from '../../i18n/index.ts';
import type { Plan } from '../../schema/plan.ts';
import { getBodySection, renderBodySection } from '../body-section.ts';
import { isDealClosed } from '../deal-standing.ts';
import { getDealStandingView, type DealStandingView } from './deal-standing-view.ts';
import type { PlanOverview } from '../plan-overview.ts';
import { getStatusLight, type ItemStatus, type StatusLight } from '../status.ts';
import { formatDecisionReasonsLine, getDecisionReasons } from './decision-reasons.ts';
import { resolveStakeholder } from './stakeholder-ref.ts';

/** One thing the buyer's side must do or unblock for the decision to hold. */
export interface SummaryAsk {
	id: string;
	title: string;
	ownerName: string;
	/** `YYYY-MM-DD` */
	due: string;
	status: ItemStatus;
	light: StatusLight;
}

/** What the executive summary shows, beyond the objective, progress and risks. */
export interface SummaryView {
	/** The day the figures hold for, `YYYY-MM-DD`. */
	asOf: string;
	standing: DealStandingView;
	/** Won or lost: the page reports the outcome and projects nothing. */
	isClosed: boolean;
	/** Open buyer steps on the critical path, first to last; empty for a closed deal. */
	asks: SummaryAsk[];
	/** Why the projected decision moves and what it does not count yet, as one short line (the overview's words); `undefined` when nothing to say. */
	decisionReasons: string | undefined;
	/** The body's notes for executives as safe HTML, or `undefined` when the plan has none. */
	notesHtml: string | undefined;
}

/** Builds the summary's view of `plan` from its overview, with words from `messages`. */
export function getSummaryView(plan: Plan, body: string, overview: PlanOverview, messages: Messages): SummaryView {
	const words = messages.executiveSummary;
	const isClosed = isDealClosed(plan);
	const byId = new Map(plan.actions.map((action) => [action.id, action]));
	const asks = isClosed
		? []
		: (overview.decision?.chain ?? []).flatMap((id): SummaryAsk[] => {
				const action = byId.get(id);
				const status = overview.statuses.actions.get(id);
				if (action === undefined || status === undefined || status === 'done' || action.side !== 'buyer') return [];
				const owner = resolveStakeholder(plan.stakeholders, action.owner, action.side);
				return [{ id, title: action.title, ownerName: owner.name, due: action.due, status, light: getStatusLight(status) }];
			});
	// A rep may write the heading in either language, whatever the plan's locale.
	const titles = [...words.notesSectionTitles, ...SUPPORTED_LOCALES.flatMap((locale) => getMessages(locale).executiveSummary.notesSectionTitles)];
	const notes = getBodySection(body, titles);
	return {
		asOf: overview.today,
		standing: getDealStandingView(plan, overview, messages),
		isClosed,
		asks,
		decisionReasons: formatDecisionReasonsLine(getDecisionReasons(plan, overview.decision, messages)),
		notesHtml: notes === undefined ? undefined : renderBodySection(notes),
	};
}
