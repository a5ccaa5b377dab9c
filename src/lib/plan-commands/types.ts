/** What the plan commands take and give back. */

/** `done <deal> <action> [--on <date>]`. */
export interface DoneCommand {
	verb: 'done';
	action: string;
	on?: string;
}

/** `slip <deal> <action> <date> --reason "..." [--by <person>]`. */
export interface SlipCommand {
	verb: 'slip';
	action: string;
	date: string;
	reason?: string;
	by?: string;
}

/** `checkin <deal> --summary "..." [--attendees a,b] [--decision "..."]...`. */
export interface CheckinCommand {
	verb: 'checkin';
	summary?: string;
	attendees: string[];
	decisions: string[];
}

/** `add-action <deal> --title "..." --owner <person> --due <date> [...]`. */
export interface AddActionCommand {
	verb: 'add-action';
	title?: string;
	owner?: string;
	due?: string;
	side?: string;
	milestone?: string;
	dependsOn: string[];
	id?: string;
}

/** `status <deal>`. */
export interface StatusCommand {
	verb: 'status';
}

/** One plan command, its deal already resolved to a file. */
export type PlanCommand = DoneCommand | SlipCommand | CheckinCommand | AddActionCommand | StatusCommand;

/** The plan file a command works on, and the day it runs. */
export interface PlanCommandInput {
	/** The plan file as shown to the rep, e.g. `plans/northwind.mdx`. */
	file: string;
	source: string;
	/** The file's text in the last commit, so the result is checked exactly like `npm run check`. */
	committedSource?: string;
	/** `YYYY-MM-DD`; `MAP_TODAY` when set. */
	today: string;
}

/**
 * What a command did: the new file text (absent when it only reads) and sentences saying what
 * changed; or every reason it refused, in which case nothing may be written.
 */
export type PlanCommandResult = { ok: true; source?: string; lines: string[] } | { ok: false; problems: string[] };
