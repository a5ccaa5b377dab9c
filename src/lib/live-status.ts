/**
 * Late and due-soon recomputed for the viewer's day. Statuses are computed when the site is
 * built; between builds the browser moves an open action on to "late" or "due soon" with the
 * same date rules the build uses, and never anything else (dependencies are not known there).
 */
import { DEFAULT_DUE_SOON_DAYS, getActionStatus, ITEM_STATUSES, type ItemStatus, type StatusContext } from './status-rules.ts';

/** The statuses the browser can move a badge to. */
export type LiveStatus = Extract<ItemStatus, 'late' | 'due-soon'>;

/** The words for the statuses a badge can move to, in the plan's language. */
export type LiveStatusLabels = Readonly<Record<LiveStatus, string>>;

/** What a badge carries so the browser can refresh it: the action's due date and the words it may need. */
export interface LiveBadge {
	/** The action's due date, `YYYY-MM-DD`. */
	due: string;
	labels: LiveStatusLabels;
}

// The build's own date rules with nothing known about dependencies or the schedule.
const DATES_ONLY: StatusContext = { schedule: undefined, waitingOnTrouble: new Set(), dueSoonDays: DEFAULT_DUE_SOON_DAYS };

/**
 * The status to show on `today` for an action that had `built` at build time and is due on `due`.
 * Done, blocked and late never change. An open action past its due date becomes late (late
 * outranks at-risk in the build too); an on-track one within the due-soon window becomes due
 * soon. The rules only ever make a status worse, so a viewer whose date is before the build
 * date (a clock or time zone behind the build machine) keeps the build-time status.
 */
export function getLiveStatus(built: ItemStatus, due: string, today: string, dueSoonDays = DEFAULT_DUE_SOON_DAYS): ItemStatus {
	if (built === 'done' || built === 'blocked' || built === 'late') return built;
	const byDate = getActionStatus({ id: '', due, status: 'todo' }, { ...DATES_ONLY, dueSoonDays }, today);
	if (byDate === 'late') return 'late';
	if (byDate === 'due-soon' && built === 'on-track') return 'due-soon';
	return built;
}

/**
 * What a status badge needs for the live refresh, or `undefined` for a done action, which never
 * changes. `words` is the catalogue's `itemStatus` group.
 */
export function getLiveBadge(due: string, status: ItemStatus, words: Readonly<Record<ItemStatus, string>>): LiveBadge | undefined {
	// A date still to agree (`due: tbd`) never turns late or due soon in the browser either.
	if (status === 'done' || due === 'tbd') return undefined;
	return { due, labels: { late: words.late, 'due-soon': words['due-soon'] } };
}

/** Whether `value` is a status the site knows, for reading it back from markup. */
export function isItemStatus(value: unknown): value is ItemStatus {
	return typeof value === 'string' && (ITEM_STATUSES as readonly string[]).includes(value);
}
