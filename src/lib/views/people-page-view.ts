/** The People page in the plan's words: each side's people, what they owe, and a link to "what X owes". */
import { formatDate, type Messages } from '../../i18n/index.ts';
import { TBD, type Plan, type Side, type Stakeholder } from '../../schema/plan.ts';
import { getLiveBadge, type LiveBadge } from '../live-status.ts';
import type { RiskLevel } from './risk-view.ts';
import type { ItemStatus, StatusLight } from '../status.ts';
import { getOweHref } from './owe-view.ts';
import { getPeopleView } from './people-view.ts';

/** One person's card. */
export interface PersonCard {
	stakeholder: Stakeholder;
	/** "Owns 4 actions". */
	ownsText: string;
	/** "What Dana Whitfield owes" and where it is. */
	owe: { text: string; href: string };
	calendarPath: string | undefined;
	/** Time away that has not ended, e.g. "Jan 4 – Jan 8, 2027 (site visit)". */
	away: string[];
	openActions: { id: string; title: string; dueText: string; status: ItemStatus; light: StatusLight; statusLabel: string; live: LiveBadge | undefined }[];
	risks: { id: string; title: string; level: RiskLevel; levelLabel: string }[];
}

/** One side's heading and people. */
export interface PeopleSideView {
	side: Side;
	heading: string;
	people: PersonCard[];
}

/** Builds the People page; `calendarPaths` maps a person's id to their calendar file within the deal. */
export function getPeoplePageView(plan: Plan, today: string, messages: Messages, base: string, calendarPaths: ReadonlyMap<string, string>): PeopleSideView[] {
	return getPeopleView(plan, today).map((group) => ({
		side: group.side,
		heading: `${messages.side[group.side]}: ${group.side === 'buyer' ? plan.buyer.name : plan.seller.name}`,
		people: group.people.map((person) => ({
			stakeholder: person.stakeholder,
			ownsText: messages.people.ownsActions({ count: person.openActions.length + person.doneCount }),
			owe: { text: messages.owe.whatPersonOwes({ name: person.stakeholder.name }), href: getOweHref(base, person.stakeholder.id) },
			calendarPath: calendarPaths.get(person.stakeholder.id),
			away: (person.stakeholder.away ?? [])
				.filter((span) => span.to >= today)
				.map((span) => `${formatDate(span.from, plan.locale, 'short')} – ${formatDate(span.to, plan.locale, 'long')}${span.note ? ` (${span.note})` : ''}`),
			openActions: person.openActions.map((action) => ({
				id: action.id,
				title: action.title,
				dueText: action.due === TBD ? messages.schedule.toAgree : messages.dates.due({ date: formatDate(action.due, plan.locale, 'short') }),
				status: action.status,
				light: action.light,
				statusLabel: messages.itemStatus[action.status],
				live: getLiveBadge(action.due, action.status, messages.itemStatus),
			})),
			risks: person.risks.map((risk) => ({ id: risk.id, title: risk.title, level: risk.level, levelLabel: messages.level[risk.level] })),
		})),
	}));
}
