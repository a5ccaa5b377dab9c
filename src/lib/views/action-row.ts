/** One action in a short list (next steps, what is late, what a person owes): title, who, when, status. */
import { formatDate, type Messages } from '../../i18n/index.ts';
import { TBD, type Action, type Plan } from '../../schema/plan.ts';
import type { ActionWithStatus } from '../plan-overview.ts';
import { getLiveBadge, type LiveBadge } from '../live-status.ts';
import { getStatusLight, type ItemStatus, type StatusLight } from '../status.ts';
import { resolveStakeholder } from './stakeholder-ref.ts';

/** The props of one `<ActionSummary>` row. */
export interface ActionRow {
	id: string;
	title: string;
	/** "Priya Raman · Buyer · due Dec 4". */
	meta: string;
	status: ItemStatus;
	light: StatusLight;
	statusLabel: string;
	/** Due date and words for the browser's late / due-soon refresh; absent for done actions. */
	live: LiveBadge | undefined;
	/** Where the action is shown in full, e.g. `plan/#action-sign-msa`; absent when the list is that place. */
	href?: string | undefined;
}

/** "Priya Raman · Buyer · due Dec 4" for `action` in `plan`. */
export function formatActionMeta(action: Pick<Action, 'owner' | 'side' | 'due'>, plan: Pick<Plan, 'stakeholders' | 'locale'>, messages: Messages): string {
	const owner = resolveStakeholder(plan.stakeholders, action.owner, action.side);
	const due = action.due === TBD ? messages.schedule.toAgree : messages.dates.due({ date: formatDate(action.due, plan.locale, 'short') });
	return `${owner.name} · ${messages.side[action.side]} · ${due}`;
}

/** The row of `action` with its status on the page's date; `href` links the row to its full entry. */
export function toActionRow({ action, status }: ActionWithStatus, plan: Pick<Plan, 'stakeholders' | 'locale'>, messages: Messages, href?: string): ActionRow {
	return {
		id: action.id,
		title: action.title,
		meta: formatActionMeta(action, plan, messages),
		status,
		light: getStatusLight(status),
		statusLabel: messages.itemStatus[status],
		live: getLiveBadge(action.due, status, messages.itemStatus),
		href,
	};
}

/** The link to an action's row on the plan page, under the deal's root `base`. */
export function getPlanActionHref(base: string, actionId: string): string {
	return `${base}plan/#action-${encodeURIComponent(actionId)}`;
}
