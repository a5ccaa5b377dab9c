/** The one-line "who and when" under an action in short lists, and the rows built from it. */
import { formatDate, type Messages } from '../i18n/index.ts';
import type { Action, Plan } from '../schema/plan.ts';
import type { ActionWithStatus } from '../lib/plan-overview.ts';
import { getLiveBadge } from '../lib/live-status.ts';
import { getStatusLight } from '../lib/status.ts';
import { resolveStakeholder } from '../lib/views/stakeholder-ref.ts';

/** "Priya Raman · Buyer · due Dec 4" for `action` in `plan`. */
export function formatActionMeta(action: Pick<Action, 'owner' | 'side' | 'due'>, plan: Plan, messages: Messages): string {
	const owner = resolveStakeholder(plan.stakeholders, action.owner, action.side);
	const due = messages.dates.due({ date: formatDate(action.due, plan.locale, 'short') });
	return `${owner.name} · ${messages.side[action.side]} · ${due}`;
}

/** The props of one `<ActionSummary>` row for an action and its status on the page's date. */
export function toActionSummaryItem({ action, status }: ActionWithStatus, plan: Plan, messages: Messages) {
	return {
		id: action.id,
		title: action.title,
		meta: formatActionMeta(action, plan, messages),
		status,
		light: getStatusLight(status),
		statusLabel: messages.itemStatus[status],
		live: getLiveBadge(action.due, status, messages.itemStatus),
	};
}
