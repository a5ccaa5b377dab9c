/** The dependencies page: the graph's Mermaid source, its legend and the critical path as text. */
import type { Messages } from '../../i18n/index.ts';
import type { Plan } from '../../schema/plan.ts';
import { buildMermaidSource } from '../mermaid-source.ts';
import { getProjectedDecision } from '../schedule.ts';
import { getPlanStatuses, getStatusLight, ITEM_STATUSES, type ItemStatus, type StatusLight } from '../status.ts';
import { getDecisionReasons, type DecisionReasons } from './decision-reasons.ts';

/** Characters per line of a node's title: narrow nodes keep a phone's graph only a little wider than the screen. */
export const GRAPH_WRAP_AT = 18;

/** What the dependencies page shows. */
export interface GraphView {
	/** A top-down flowchart grouped by milestone; the build draws it as inline SVG. */
	source: string;
	/** The statuses the graph uses, in the site's order, for the legend. */
	legend: Array<{ status: ItemStatus; light: StatusLight }>;
	/** Titles of the critical path's steps, first to last; empty when there is none. */
	criticalPath: string[];
	/** What moves the decision and what it does not count yet, worded as on the overview. */
	reasons: DecisionReasons;
}

/** Builds the graph page's view of `plan` as of `today`, in the words of `messages`. */
export function getGraphView(plan: Plan, today: string, messages: Messages): GraphView {
	const statuses = getPlanStatuses(plan, today);
	const decision = getProjectedDecision(plan, today);
	const chain = decision?.chain ?? [];
	// Top-down on every screen: it grows downwards, the way pages scroll, and with wrapped titles
	// the widest real plan (22 steps) is about as wide as a laptop's column, so labels stay at
	// their natural 13 px instead of shrinking to fit.
	const source = buildMermaidSource(plan, {
		statuses: statuses.actions,
		criticalPath: chain,
		labels: messages.itemStatus,
		direction: 'TD',
		wrapAt: GRAPH_WRAP_AT,
	});
	const used = new Set(statuses.actions.values());
	const titles = new Map(plan.actions.map((action) => [action.id, action.title]));
	return {
		source,
		legend: ITEM_STATUSES.filter((status) => used.has(status)).map((status) => ({ status, light: getStatusLight(status) })),
		criticalPath: chain.map((id) => titles.get(id) ?? id),
		reasons: getDecisionReasons(plan, decision, messages),
	};
}
