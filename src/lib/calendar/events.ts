/** The VEVENT content lines for milestones and actions. */
import { TBD, type Action, type Milestone, type Plan } from '../../schema/plan.ts';
import { addDays, toDayNumber } from '../dates.ts';
import { escapeText, formatIcsDate } from './ics-text.ts';
import type { CalendarLabels } from './labels.ts';

/** What every event of one feed shares. */
export interface EventContext {
	/** The plan the events come from. */
	plan: Plan;
	/** Resolved labels. */
	labels: CalendarLabels;
	/** DTSTAMP value, already formatted. */
	stamp: string;
	/** Builds the UID for an item of a kind; must be stable across builds. */
	makeUid: (kind: 'milestone' | 'action', id: string) => string;
	/** Link to the deal site, added as URL and at the end of every description. */
	dealUrl?: string;
}

/** An all-day event: DTEND is the next day because DTEND is exclusive (RFC 5545 3.6.1). */
function buildAllDayLines(date: string): string[] {
	return [`DTSTART;VALUE=DATE:${formatIcsDate(date)}`, `DTEND;VALUE=DATE:${formatIcsDate(addDays(date, 1))}`];
}

/**
 * A reminder at 09:00 on the working day before an all-day event: the trigger counts back from
 * the event's start (midnight, local time), so a Monday's reminder rings on Friday morning.
 */
export function buildReminderLines(date: string, description: string): string[] {
	// 0 Sunday ... 6 Saturday; day 0, 1970-01-01, was a Thursday.
	const weekday = (toDayNumber(date) + 4) % 7;
	// Monday -> Friday (3 days back), Sunday -> Friday (2), any other day -> the day before.
	const daysBack = weekday === 1 ? 3 : weekday === 0 ? 2 : 1;
	const trigger = daysBack === 1 ? '-PT15H' : `-P${daysBack - 1}DT15H`;
	return ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(description)}`, `TRIGGER:${trigger}`, 'END:VALARM'];
}

/** Description lines joined with real newlines; escaping turns them into `\n`. */
function buildDescription(lines: readonly (string | undefined)[], context: EventContext): string {
	const withLink = context.dealUrl ? [...lines, `${context.labels.fields.plan}: ${context.dealUrl}`] : lines;
	return withLink.filter((line): line is string => line !== undefined).join('\n');
}

/** The content lines shared by every event, between BEGIN and END. */
function buildCommonLines(uid: string, summary: string, description: string, context: EventContext): string[] {
	return [
		`UID:${uid}`,
		`DTSTAMP:${context.stamp}`,
		`SUMMARY:${escapeText(summary)}`,
		...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
		...(context.dealUrl ? [`URL:${context.dealUrl}`] : []),
		// Deadlines are markers, not meetings: they must not show the owner as busy all day.
		'TRANSP:TRANSPARENT',
	];
}

/** The VEVENT lines for one milestone; one not yet reached gets a reminder. */
export function buildMilestoneEvent(milestone: Milestone, context: EventContext): string[] {
	const summary = context.labels.milestoneSummary(milestone.title);
	const leading = context.plan.actions.filter((action) => action.milestone === milestone.id);
	// Reached only when it has actions and all are done; a bare date is always worth a reminder.
	const isOpen = leading.length === 0 || leading.some((action) => action.status !== 'done');
	return [
		'BEGIN:VEVENT',
		...buildCommonLines(context.makeUid('milestone', milestone.id), summary, buildDescription([milestone.description], context), context),
		...buildAllDayLines(milestone.due),
		'STATUS:CONFIRMED',
		...(isOpen ? buildReminderLines(milestone.due, summary) : []),
		'END:VEVENT',
	];
}

/**
 * The VEVENT lines for one action on its due date. Blocked actions are TENTATIVE because
 * their date is in doubt; every other status is CONFIRMED, and done ones say so in the summary.
 * SEQUENCE counts the recorded date changes, so clients that honour it accept each slip. An
 * open action carries a reminder the working day before.
 */
export function buildActionEvent(action: Action, context: EventContext): string[] {
	// A date still to agree has no day to put in a calendar.
	if (action.due === TBD) return [];
	const { plan, labels } = context;
	const owner = plan.stakeholders.find((person) => person.id === action.owner);
	const milestone = plan.milestones.find((item) => item.id === action.milestone);
	const parts = { title: action.title, side: labels.sides[action.side], ownerName: owner?.name ?? action.owner };
	const summary = action.status === 'done' ? labels.doneActionSummary(parts) : labels.openActionSummary(parts);
	const description = buildDescription(
		[
			`${labels.fields.status}: ${labels.statuses[action.status]}`,
			`${labels.fields.owner}: ${parts.ownerName} (${parts.side})`,
			milestone ? `${labels.fields.milestone}: ${milestone.title}` : undefined,
			action.notes ? `${labels.fields.notes}: ${action.notes}` : undefined,
		],
		context,
	);
	return [
		'BEGIN:VEVENT',
		...buildCommonLines(context.makeUid('action', action.id), summary, description, context),
		...buildAllDayLines(action.due),
		`STATUS:${action.status === 'blocked' ? 'TENTATIVE' : 'CONFIRMED'}`,
		`SEQUENCE:${action.dateChanges.length}`,
		...(action.status === 'done' ? [] : buildReminderLines(action.due, summary)),
		'END:VEVENT',
	];
}
