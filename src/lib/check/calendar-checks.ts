/**
 * Checks of working calendars and time away: codes the holiday library knows, spans that run
 * forwards, due dates on days the owner cannot work, and dates still to agree.
 */
import { TBD } from '../../schema/plan.ts';
import type { DateSpan } from '../../schema/plan-calendar.ts';
import { findClosestName, listNames } from './closest-name.ts';
import { quoteValue, type Problem } from '../problems.ts';
import { createSideCalendars } from '../schedule.ts';
import { describeDayOff } from '../schedule/explain.ts';
import { getCountryName, getRegionCodes } from '../schedule/holidays.ts';
import { withTimeAway } from '../schedule/working-calendar.ts';
import { createProblem, type CheckContext } from './context.ts';
import type { FieldPath } from './parse-yaml.ts';

/** A country code `date-holidays` does not know, a region it does not know, or a span that ends before it starts. */
export function findCalendarProblems(context: CheckContext): Problem[] {
	const problems: Problem[] = [];
	for (const side of ['buyer', 'seller'] as const) {
		const calendar = context.plan[side]?.calendar;
		if (!calendar) continue;
		if (getCountryName(calendar.country, 'en') === undefined) {
			problems.push(
				createProblem(context, [side, 'calendar', 'country'], {
					code: 'calendar-country-unknown',
					message: `${quoteValue(calendar.country)} is not a country the holiday calendar knows.`,
					hint: 'Use the two-letter ISO 3166 code of the country whose public holidays count, e.g. "ID" for Indonesia or "SG" for Singapore.',
				}),
			);
		} else if (calendar.region !== undefined) {
			const regions = getRegionCodes(calendar.country);
			if (!regions.includes(calendar.region.toUpperCase())) {
				const suggestion = findClosestName(calendar.region.toUpperCase(), regions);
				problems.push(
					createProblem(context, [side, 'calendar', 'region'], {
						code: 'calendar-region-unknown',
						message: `${quoteValue(calendar.region)} is not a region of ${calendar.country} the holiday calendar knows.`,
						hint:
							regions.length === 0
								? `${calendar.country} has no regional holidays; remove region.`
								: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Known regions: ${listNames(regions)}.`,
					}),
				);
			}
		}
		(calendar.closed ?? []).forEach((span, index) => problems.push(...checkSpan(context, [side, 'calendar', 'closed', index], span)));
	}
	context.plan.stakeholders.forEach((person, index) =>
		(person.away ?? []).forEach((span, spanIndex) => problems.push(...checkSpan(context, ['stakeholders', index, 'away', spanIndex], span))),
	);
	return problems;
}

/**
 * An open action due on a day its owner cannot work: a public holiday, a closed period or a day
 * outside the working week of its side, or a day its owner is away. A warning: the schedule
 * already moves the action to the next day the owner works.
 */
export function findDueOnDaysOff(context: CheckContext): Problem[] {
	const { plan } = context;
	const sides = createSideCalendars(plan);
	const people = new Map(plan.stakeholders.map((person) => [person.id, person]));
	const problems: Problem[] = [];
	plan.actions.forEach((action, index) => {
		if (action.status === 'done' || action.due === TBD || !sides[action.side]) return;
		const person = people.get(action.owner);
		const calendar = person ? withTimeAway(sides[action.side], person.name, person.away ?? []) : sides[action.side];
		const dayOff = calendar.explainDayOff(action.due);
		if (!dayOff) return;
		const why = describeDayOff(dayOff, 'en', 'iso');
		problems.push(
			createProblem(context, ['actions', index, 'due'], {
				code: dayOff.kind === 'away' ? 'due-while-away' : 'due-on-day-off',
				severity: 'warning',
				message:
					dayOff.kind === 'away'
						? `${quoteValue(action.due)} falls while its owner is away: ${why}.`
						: `${quoteValue(action.due)} is not a working day: ${why}.`,
				hint:
					dayOff.kind === 'away'
						? `Move the due date before ${dayOff.span.from} or after ${dayOff.span.to}, or give the action to someone who is there.`
						: 'Move the due date to a working day; the schedule already counts it on the next one.',
			}),
		);
	});
	return problems;
}

/** Every open action whose date is still to agree, as a reminder that never blocks a build. */
export function findDatesToAgree(context: CheckContext): Problem[] {
	const problems: Problem[] = [];
	const names = new Map(context.plan.stakeholders.map((person) => [person.id, person.name]));
	context.plan.actions.forEach((action, index) => {
		if (action.due !== TBD || action.status === 'done') return;
		problems.push(
			createProblem(context, ['actions', index, 'due'], {
				code: 'date-to-agree',
				severity: 'reminder',
				message: '"tbd" is a date still to agree: the projected decision does not count this step yet.',
				hint: `Agree a date with ${names.get(action.owner) ?? action.owner} and write it as due: YYYY-MM-DD.`,
			}),
		);
	});
	return problems;
}

function checkSpan(context: CheckContext, path: FieldPath, span: DateSpan): Problem[] {
	if (span.from <= span.to) return [];
	return [
		createProblem(context, [...path, 'to'], {
			code: 'span-ends-before-start',
			message: `${quoteValue(span.to)} is before from ${quoteValue(span.from)}.`,
			hint: 'Swap the two dates, or set to to the last day of the period.',
		}),
	];
}
