/** The calendar feeds of a deal, shared by the `.ics` endpoint and the links on the People page. */
import type { CollectionEntry } from 'astro:content';
import { today } from 'virtual:mapsite/deals';
import { getMessages } from '../i18n/index.ts';
import { buildPersonCalendar, buildPlanCalendar, type CalendarOptions } from '../lib/calendar.ts';
import type { Plan } from '../schema/plan.ts';

/** One downloadable feed: `name` is the file name without `.ics`. */
export interface CalendarFeed {
	name: string;
	/** The stakeholder whose actions it lists; absent for the whole plan. */
	personId?: string;
	/** Path within the deal, e.g. `calendar/plan.ics`. */
	path: string;
	build: () => string;
}

/** The whole-plan feed plus one per stakeholder who owns at least one open action (an empty "what I owe" file helps nobody). */
export function getCalendarFeeds(entry: CollectionEntry<'plans'>, routeId: string): CalendarFeed[] {
	const plan = entry.data as Plan;
	const options: CalendarOptions = {
		// Stamped with the build's day, so an unchanged plan builds byte-identical files.
		now: `${today}T00:00:00Z`,
		uidDomain: `${routeId.toLowerCase()}.mapsite`,
		dealSlug: entry.id,
		labels: getMessages(plan.locale).calendarFeed,
	};
	const owners = plan.stakeholders.filter((person) => plan.actions.some((action) => action.owner === person.id && action.status !== 'done'));
	return [
		{ name: 'plan', path: 'calendar/plan.ics', build: () => buildPlanCalendar(plan, options) },
		...owners.map((person) => ({ name: `person-${person.id}`, personId: person.id, path: `calendar/person-${person.id}.ics`, build: () => buildPersonCalendar(plan, person.id, options) })),
	];
}
