/**
 * The plan page in the plan's words: one compact row per action (title, owner, due, status), open
 * actions first in each milestone and done ones folded under a count, details behind a disclosure,
 * and the people the filters offer.
 */
import { formatDate, formatDateChange, formatProgress, type Messages } from '../../i18n/index.ts';
import { TBD, type Plan, type Side } from '../../schema/plan.ts';
import { getLiveBadge, type LiveBadge } from '../live-status.ts';
import type { ItemStatus, StatusLight } from '../status.ts';
import { getPlanView, type ActionView } from './plan-view.ts';

/** One action as a row of the plan page. */
export interface PlanRow {
	id: string;
	title: string;
	status: ItemStatus;
	light: StatusLight;
	statusLabel: string;
	live: LiveBadge | undefined;
	ownerId: string;
	ownerName: string;
	side: Side;
	sideLabel: string;
	/** "Due Nov 27". */
	dueText: string;
	/** "can slip 3 days" or "on the critical path" for an open action the decision waits for. */
	floatText: string | undefined;
	/** Float 0: a slip of this action moves the decision. */
	isCritical: boolean;
	/** "moved twice" when the due date slipped, so slips stay in the open on the row itself. */
	movedText: string | undefined;
	isDone: boolean;
	/** Label and value pairs for the details, e.g. ["Owner", "Priya Raman (Buyer)"]. */
	facts: [string, string][];
	notes: string | undefined;
	/** Every date change as a sentence, oldest first. */
	dateHistory: string[];
}

/** A milestone (or the trailing "other actions") with its open rows and its folded done rows. */
export interface PlanGroupView {
	/** Unique on the page, for the heading's id. */
	key: string;
	heading: string;
	milestone:
		| { status: ItemStatus; light: StatusLight; statusLabel: string; dueText: string; progressText: string; description: string | undefined; isCelebrated: boolean }
		| undefined;
	/** Open actions by due date. */
	open: PlanRow[];
	/** Done actions by due date, shown folded. */
	done: PlanRow[];
	/** "4 done", the fold's label. */
	doneLabel: string;
}

/** A person the filter offers. */
export interface FilterPerson {
	id: string;
	name: string;
	side: Side;
}

/** What the plan page renders. */
export interface PlanPageView {
	/** Milestones with open actions by due date, then those with none left (ties in plan order). */
	groups: PlanGroupView[];
	/** Owners of open actions, buyer side first, in plan order. */
	people: FilterPerson[];
}

/** Builds the plan page of `plan` as of `today`, worded by `messages`. */
export function getPlanPageView(plan: Plan, today: string, messages: Messages): PlanPageView {
	const view = getPlanView(plan, today);
	const toRow = (action: ActionView): PlanRow => toPlanRow(action, plan, messages);
	const groups = view.groups.map((group, index): PlanGroupView => {
		const rows = group.actions.map(toRow);
		const done = rows.filter((row) => row.isDone);
		const milestone = group.milestone;
		return {
			key: milestone?.id ?? `other-${index}`,
			heading: milestone?.title ?? messages.planPage.otherActions,
			milestone: milestone && {
				status: milestone.status,
				light: milestone.light,
				statusLabel: messages.itemStatus[milestone.status],
				dueText: messages.dates.due({ date: formatDate(milestone.due, plan.locale, 'long') }),
				progressText: formatProgress(milestone.progress, plan.locale),
				description: milestone.description,
				isCelebrated: milestone.isCelebrated,
			},
			open: rows.filter((row) => !row.isDone),
			done,
			doneLabel: messages.planPage.doneCount({ count: done.length }),
		};
	});
	// Completed work never pushes open work down: milestones with nothing left to do go last.
	const ordered = [...groups.filter((group) => group.open.length > 0), ...groups.filter((group) => group.open.length === 0)];
	return { groups: ordered, people: listOpenOwners(groups.flatMap((group) => group.open), plan) };
}

function toPlanRow(action: ActionView, plan: Pick<Plan, 'locale'>, messages: Messages): PlanRow {
	const long = (date: string) => formatDate(date, plan.locale, 'long');
	const facts: [string, string][] = [
		[messages.action.owner, `${action.owner.name} (${messages.side[action.side]})`],
		[messages.action.due, action.due === TBD ? messages.schedule.dueToAgree : long(action.due)],
	];
	if (action.start) facts.push([messages.action.start, long(action.start)]);
	if (action.completedOn) facts.push([messages.actionStatus.done, long(action.completedOn)]);
	if (action.prerequisites.length > 0) facts.push([messages.action.dependsOn, action.prerequisites.map((p) => p.title ?? p.id).join('; ')]);
	return {
		id: action.id,
		title: action.title,
		status: action.status,
		light: action.light,
		statusLabel: messages.itemStatus[action.status],
		live: getLiveBadge(action.due, action.status, messages.itemStatus),
		ownerId: action.owner.id,
		ownerName: action.owner.name,
		side: action.side,
		sideLabel: messages.side[action.side],
		dueText: action.due === TBD ? messages.schedule.dueToAgree : messages.planPage.dueOn({ date: formatDate(action.due, plan.locale, 'short') }),
		floatText: action.float === undefined ? undefined : action.float === 0 ? messages.schedule.critical : messages.schedule.canSlip({ count: action.float }),
		isCritical: action.float === 0,
		movedText: action.slipCount > 0 ? messages.planPage.moved({ count: action.slipCount }) : undefined,
		isDone: action.status === 'done',
		facts,
		notes: action.notes,
		dateHistory: action.dateChanges.map((change) => formatDateChange(change, plan.locale)),
	};
}

function listOpenOwners(rows: readonly PlanRow[], plan: Pick<Plan, 'stakeholders'>): FilterPerson[] {
	const owners = new Map<string, FilterPerson>();
	for (const row of rows) if (!owners.has(row.ownerId)) owners.set(row.ownerId, { id: row.ownerId, name: row.ownerName, side: row.side });
	const order = new Map(plan.stakeholders.map((stakeholder, index) => [stakeholder.id, index]));
	const rank = (person: FilterPerson) => (person.side === 'buyer' ? 0 : 1) * 1e6 + (order.get(person.id) ?? 1e5);
	return [...owners.values()].sort((a, b) => rank(a) - rank(b));
}
