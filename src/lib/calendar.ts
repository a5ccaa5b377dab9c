/**
 * iCalendar (RFC 5545) feeds for a deal: the whole plan, or one person's "what I owe".
 *
 * Choices, so that Google Calendar, Outlook and Apple Calendar all import the same way:
 * - every event is all-day (DTSTART/DTEND as DATE, DTEND the next day) and TRANSPARENT;
 * - UIDs are `<kind>-<id>-<hash>@<uidDomain>`, the hash taken from `dealSlug` (or the plan
 *   title when no slug is given), so re-importing updates events instead of duplicating them;
 * - an action has one UID in every file, so importing `plan.ics` and a person's file into one
 *   calendar leaves one event per action, not two;
 * - every open action and open milestone carries an alarm at 09:00 on the working day before;
 * - a person's file ("what I owe") holds only their open actions;
 * - the files are downloads, not subscriptions: no refresh interval is promised;
 * - done actions stay on their due date, STATUS:CONFIRMED, with "Done:" leading the summary;
 *   blocked actions are STATUS:TENTATIVE; risks and check-ins are never events.
 */
import type { Plan } from '../schema/plan.ts';
import { buildActionEvent, buildMilestoneEvent, type EventContext } from './calendar/events.ts';
import { escapeText, formatIcsInstant, hashText, joinContentLines } from './calendar/ics-text.ts';
import { resolveCalendarLabels, type CalendarLabelsInput } from './calendar/labels.ts';

export { DEFAULT_CALENDAR_LABELS, type CalendarLabels, type CalendarLabelsInput } from './calendar/labels.ts';
export { escapeText, foldLine } from './calendar/ics-text.ts';

/** Options for both feeds. */
export interface CalendarOptions {
	/** The deal site's address, added as each event's URL. */
	dealUrl?: string;
	/** ISO instant used as every DTSTAMP; injected so output is reproducible. */
	now: string;
	/** Domain part of every UID, e.g. the site's host name. */
	uidDomain: string;
	/** The deal's slug (plan file name); keeps UIDs stable even if the title is reworded. */
	dealSlug?: string;
	/** Translated labels; missing ones fall back to English. */
	labels?: CalendarLabelsInput;
}

const PRODID = '-//mapsite//Mutual Action Plan//EN';

/** Rejects values that would break out of their content line; they come from configuration. */
function assertSingleToken(name: string, value: string): void {
	// eslint-disable-next-line no-control-regex
	if (/[\s\u0000-\u001f\u007f]/.test(value)) {
		throw new Error(`The calendar ${name} ${JSON.stringify(value)} must not contain spaces or line breaks.`);
	}
}

/** Wraps event lines in a VCALENDAR with the feed's name and returns the CRLF text. */
function wrapCalendar(name: string, eventLines: readonly string[]): string {
	return joinContentLines([
		'BEGIN:VCALENDAR',
		`PRODID:${PRODID}`,
		'VERSION:2.0',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(name)}`,
		...eventLines,
		'END:VCALENDAR',
	]);
}

/** The event context every file of a deal shares, so an item has the same UID in each. */
function createEventContext(plan: Plan, options: CalendarOptions): EventContext {
	assertSingleToken('UID domain', options.uidDomain);
	if (options.dealUrl !== undefined) assertSingleToken('deal URL', options.dealUrl);
	// `\nplan` keeps the UIDs that plan.ics has always had, so calendars that imported it update.
	const hash = hashText(`${options.dealSlug ?? plan.title}\nplan`);
	return {
		plan,
		labels: resolveCalendarLabels(options.labels),
		stamp: formatIcsInstant(options.now),
		makeUid: (kind, id) => `${kind}-${id}-${hash}@${options.uidDomain}`,
		dealUrl: options.dealUrl,
	};
}

/** The whole plan as a calendar: one all-day event per milestone and per action. */
export function buildPlanCalendar(plan: Plan, options: CalendarOptions): string {
	const context = createEventContext(plan, options);
	return wrapCalendar(context.labels.planCalendarName(plan.title), [
		...plan.milestones.flatMap((milestone) => buildMilestoneEvent(milestone, context)),
		...plan.actions.flatMap((action) => buildActionEvent(action, context)),
	]);
}

/** One person's "what I owe" file: only the open actions they own. */
export function buildPersonCalendar(plan: Plan, stakeholderId: string, options: CalendarOptions): string {
	const person = plan.stakeholders.find((stakeholder) => stakeholder.id === stakeholderId);
	if (!person) {
		const known = plan.stakeholders.map((stakeholder) => stakeholder.id).join(', ');
		throw new Error(`No stakeholder has the id ${JSON.stringify(stakeholderId)}; the plan has: ${known}.`);
	}
	const context = createEventContext(plan, options);
	return wrapCalendar(
		context.labels.personCalendarName(person.name, plan.title),
		plan.actions.filter((action) => action.owner === person.id && action.status !== 'done').flatMap((action) => buildActionEvent(action, context)),
	);
}
