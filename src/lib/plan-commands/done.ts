/** `npm run plan -- done <deal> <action> [--on <date>]`: marks an action done. */
import type { YAMLMap } from 'yaml';
import { getPlanSlug } from '../check/index.ts';
import { setAfter } from '../yaml-edit.ts';
import { checkDate, checkKnownId } from './input-checks.ts';
import { closePlan, isRefused, openPlan } from './plan-document.ts';
import type { DoneCommand, PlanCommandInput, PlanCommandResult } from './types.ts';

/** Sets `status: done` and `completedOn` (by default today) on one action. */
export function markActionDone(command: DoneCommand, input: PlanCommandInput): PlanCommandResult {
	const opened = openPlan(input);
	if (isRefused(opened)) return { ok: false, problems: opened.problems };
	const deal = getPlanSlug(input.file);
	const day = command.on ?? input.today;
	const problems = [
		checkKnownId('action', command.action, opened.plan.actions.map((a) => a.id), (id) => `npm run plan -- done ${deal} ${id}`),
		command.on === undefined ? undefined : checkDate('--on', command.on),
		command.on !== undefined && command.on > input.today ? `--on ${command.on} is after today (${input.today}); mark an action done on the day it was done, or later.` : undefined,
	].filter((problem) => problem !== undefined);
	if (problems.length > 0) return { ok: false, problems };

	const index = opened.plan.actions.findIndex((a) => a.id === command.action);
	const action = opened.plan.actions[index]!;
	if (action.status === 'done') {
		return { ok: false, problems: [`"${action.id}" is already done (completedOn ${action.completedOn}); nothing was changed.`] };
	}
	const entry = opened.doc.getIn(['actions', index], true) as YAMLMap;
	setAfter(entry, 'status', 'done');
	setAfter(entry, 'completedOn', day, 'status');
	const closed = closePlan(input, opened);
	if ('problems' in closed) return { ok: false, problems: closed.problems };
	return { ok: true, source: closed.source, lines: [`Marked "${action.id}" (${action.title}) done on ${day}; it was ${action.status}.`] };
}
