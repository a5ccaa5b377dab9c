/** The words a calendar feed shows, so the UI can pass its own translations (en and id). */
import type { ActionStatus, Side } from '../../schema/plan.ts';

/** What an action event's summary is built from. */
export interface ActionSummaryParts {
	/** The action's title. */
	title: string;
	/** The side, already translated through `sides`. */
	side: string;
	/** The owner's name, or the owner id when no stakeholder has it. */
	ownerName: string;
}

/** Every text a calendar feed shows; functions where word order differs between languages. */
export interface CalendarLabels {
	/** The plan feed's calendar name. */
	planCalendarName: (planTitle: string) => string;
	/** The person feed's calendar name, saying whose feed it is. */
	personCalendarName: (personName: string, planTitle: string) => string;
	/** Summary of a milestone event. */
	milestoneSummary: (title: string) => string;
	/** Summary of an open action event, e.g. "Security review due (buyer: Dana Ortiz)". */
	openActionSummary: (parts: ActionSummaryParts) => string;
	/** Summary of a done action event, e.g. "Done: Security review (buyer: Dana Ortiz)". */
	doneActionSummary: (parts: ActionSummaryParts) => string;
	/** Names of the two sides. */
	sides: Record<Side, string>;
	/** Names of the action statuses. */
	statuses: Record<ActionStatus, string>;
	/** Field names in event descriptions. */
	fields: { status: string; owner: string; milestone: string; notes: string; plan: string };
}

/** The English labels, used for every label a caller does not give. */
export const DEFAULT_CALENDAR_LABELS: CalendarLabels = {
	planCalendarName: (planTitle) => planTitle,
	personCalendarName: (personName, planTitle) => `${personName}: what I owe · ${planTitle}`,
	milestoneSummary: (title) => `Milestone: ${title}`,
	openActionSummary: ({ title, side, ownerName }) => `${title} due (${side}: ${ownerName})`,
	doneActionSummary: ({ title, side, ownerName }) => `Done: ${title} (${side}: ${ownerName})`,
	sides: { buyer: 'buyer', seller: 'seller' },
	statuses: { todo: 'To do', 'in-progress': 'In progress', done: 'Done', blocked: 'Blocked' },
	fields: { status: 'Status', owner: 'Owner', milestone: 'Milestone', notes: 'Notes', plan: 'Plan' },
};

/** Labels a caller may give; nested tables may be partial too. */
export type CalendarLabelsInput = Partial<Omit<CalendarLabels, 'sides' | 'statuses' | 'fields'>> & {
	sides?: Partial<CalendarLabels['sides']>;
	statuses?: Partial<CalendarLabels['statuses']>;
	fields?: Partial<CalendarLabels['fields']>;
};

/** Fills every label the caller left out with the English default. */
export function resolveCalendarLabels(input: CalendarLabelsInput = {}): CalendarLabels {
	const defaults = DEFAULT_CALENDAR_LABELS;
	// An explicit `undefined` must not wipe out a default.
	const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
	return {
		...defaults,
		...given,
		sides: { ...defaults.sides, ...input.sides },
		statuses: { ...defaults.statuses, ...input.statuses },
		fields: { ...defaults.fields, ...input.fields },
	};
}
