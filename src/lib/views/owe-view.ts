/**
 * "What I owe": every person's open actions in date order on one page per deal, so a link such as
 * `owe/#dana-whitfield` can show one person (client side) without a page per person.
 */
import { formatDate, type Messages } from '../../i18n/index.ts';
import { TBD, type Plan, type Side } from '../../schema/plan.ts';
import { getLiveBadge, type LiveBadge } from '../live-status.ts';
import type { ItemStatus, StatusLight } from '../status.ts';
import { getPlanActionHref } from './action-row.ts';
import { getPeopleView } from './people-view.ts';

/** One open action in a person's list. */
export interface OwedRow {
	id: string;
	title: string;
	due: string;
	/** "Due Nov 27". */
	dueText: string;
	status: ItemStatus;
	light: StatusLight;
	statusLabel: string;
	live: LiveBadge | undefined;
	/** The action's row on the plan page. */
	href: string;
}

/** One person's section. */
export interface OwePerson {
	id: string;
	name: string;
	role: string;
	side: Side;
	/** "Buyer: Northwind". */
	sideText: string;
	/** "What Dana Whitfield owes". */
	heading: string;
	/** Open actions, earliest due first. */
	rows: OwedRow[];
	/** Their calendar file within the deal (e.g. `calendar/dana-whitfield.ics`), when there is one. */
	calendarPath: string | undefined;
}

/** What the "what I owe" page renders. */
export interface OweView {
	/** Buyer side first, then in plan order. */
	people: OwePerson[];
}

/** Builds "what I owe" for `plan` as of `today`; `calendarPaths` maps a person's id to their calendar file. */
export function getOweView(plan: Plan, today: string, messages: Messages, base: string, calendarPaths: ReadonlyMap<string, string>): OweView {
	const people = getPeopleView(plan, today).flatMap((group) =>
		group.people.map(({ stakeholder, openActions }): OwePerson => ({
			id: stakeholder.id,
			name: stakeholder.name,
			role: stakeholder.role,
			side: group.side,
			sideText: `${messages.side[group.side]}: ${group.side === 'buyer' ? plan.buyer.name : plan.seller.name}`,
			heading: messages.owe.whatPersonOwes({ name: stakeholder.name }),
			rows: openActions.map((action) => ({
				id: action.id,
				title: action.title,
				due: action.due,
				dueText: action.due === TBD ? messages.schedule.dueToAgree : messages.planPage.dueOn({ date: formatDate(action.due, plan.locale, 'short') }),
				status: action.status,
				light: action.light,
				statusLabel: messages.itemStatus[action.status],
				live: getLiveBadge(action.due, action.status, messages.itemStatus),
				href: getPlanActionHref(base, action.id),
			})),
			calendarPath: calendarPaths.get(stakeholder.id),
		})),
	);
	return { people };
}

/** The link that shows one person on the "what I owe" page. */
export function getOweHref(base: string, personId: string): string {
	return `${base}owe/#${encodeURIComponent(personId)}`;
}
