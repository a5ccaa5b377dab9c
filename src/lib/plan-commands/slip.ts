/**
 * `npm run plan -- slip <deal> <action> <date> --reason "..." [--by <person>]`: moves an action's
 * due date in the open, and the steps and milestones that would otherwise break with it.
 */
import { YAMLMap } from 'yaml';
import { TBD, type Plan } from '../../schema/plan.ts';
import { getPlanSlug } from '../check/index.ts';
import { addDays, daysBetween } from '../dates.ts';
import { buildDependencyGraph, sortTopologically } from '../graph.ts';
import { getProjectedDecision } from '../schedule.ts';
import { tryWhatIf } from '../schedule/what-if.ts';
import { formatWhatIf } from '../schedule/what-if-report.ts';
import { appendTo, quoted, setScalar } from '../yaml-edit.ts';
import { checkDate, checkKnownId, requireOption, suggestId } from './input-checks.ts';
import { closePlan, isRefused, openPlan, type OpenPlan } from './plan-document.ts';
import type { PlanCommandInput, PlanCommandResult, SlipCommand } from './types.ts';

/** One due date the slip moves. */
interface Move {
	index: number;
	id: string;
	from: string;
	to: string;
}

/**
 * Moves the action's `due` to `command.date` and records the `dateChanges` entry. Open actions
 * that depend on it (directly or not) and would now be due before a prerequisite move by the same
 * number of days, each with its own entry; so does a milestone that would fall before its actions.
 */
export function slipAction(command: SlipCommand, input: PlanCommandInput): PlanCommandResult {
	const opened = openPlan(input);
	if (isRefused(opened)) return { ok: false, problems: opened.problems };
	const { plan } = opened;
	const deal = getPlanSlug(input.file);
	const actionIds = plan.actions.map((a) => a.id);
	const exampleAction = actionIds.includes(command.action) ? command.action : (suggestId(command.action, actionIds) ?? command.action);
	const problems = [
		checkKnownId('action', command.action, actionIds, (id) => `npm run plan -- slip ${deal} ${id} ${command.date} --reason "..."`),
		checkDate('The new date', command.date),
		requireOption(command.reason, '--reason', `npm run plan -- slip ${deal} ${exampleAction} ${command.date} --reason "Security team away until the 20th"`),
		command.by === undefined ? undefined : checkKnownId('person', command.by, plan.stakeholders.map((s) => s.id)),
	].filter((problem) => problem !== undefined);
	if (problems.length > 0) return { ok: false, problems };

	const index = plan.actions.findIndex((a) => a.id === command.action);
	const action = plan.actions[index]!;
	if (action.status === 'done') return { ok: false, problems: [`"${action.id}" is already done (completedOn ${action.completedOn}), so its date cannot slip.`] };
	if (action.due === command.date) return { ok: false, problems: [`"${action.id}" is already due on ${command.date}; nothing was changed.`] };
	// What the move does to the schedule, worked out on the plan as it is, before anything is written.
	const preview = describePreview(plan, action.id, command.date, input.today);
	if (action.due === TBD) return agreeDate(opened, input, index, command.date, preview);

	const days = daysBetween(action.due, command.date);
	const moves = [{ index, id: action.id, from: action.due, to: command.date }, ...findDependentsToMove(plan, index, days)];
	const reason = command.reason!.trim();
	// The rep types the id; the site shows this text, so it gets the person's name.
	const by = plan.stakeholders.find((s) => s.id === command.by)?.name;
	for (const move of moves) {
		const isFollower = move.index !== index;
		const why = isFollower ? `Follows "${action.id}": ${reason}` : reason;
		moveDue(opened, move, days, { on: input.today, reason: why, by }, isFollower);
	}
	const milestoneMoves = moveMilestones(opened, moves, days);

	const closed = closePlan(input, opened);
	if ('problems' in closed) return { ok: false, problems: closed.problems };
	const lines = [...preview, `Moved "${action.id}" from ${action.due} to ${command.date} (${describeDays(days)}): ${JSON.stringify(reason)}.`];
	if (moves.length > 1) {
		lines.push(`Also moved ${describeDays(days)}, so they still come after it:`);
		for (const move of moves.slice(1)) lines.push(`  ${move.id}: ${move.from} -> ${move.to}`);
	}
	for (const move of milestoneMoves) lines.push(`Moved the milestone "${move.id}" from ${move.from} to ${move.to}, so it still comes after its actions.`);
	lines.push(describeDecision(closed.plan, input.today));
	return { ok: true, source: closed.source, lines };
}

function describePreview(plan: Plan, id: string, date: string, today: string): string[] {
	const change = { action: id, date };
	const result = tryWhatIf(plan, change, today);
	return result ? [...formatWhatIf(plan, change, result), ''] : [];
}

// A date agreed for a `tbd` step is not a slip: no dateChanges entry (there is no date to move from) and nothing follows it.
function agreeDate(opened: OpenPlan, input: PlanCommandInput, index: number, date: string, preview: string[]): PlanCommandResult {
	setScalar(opened.doc.getIn(['actions', index], true) as YAMLMap, 'due', date);
	const closed = closePlan(input, opened);
	if ('problems' in closed) return { ok: false, problems: closed.problems };
	const id = opened.plan.actions[index]!.id;
	return { ok: true, source: closed.source, lines: [...preview, `Agreed a date for "${id}": due ${date} (it was tbd).`, describeDecision(closed.plan, input.today)] };
}

// In dependency order, so a step that moves is already at its new date when its own dependents are weighed.
function findDependentsToMove(plan: Plan, index: number, days: number): Move[] {
	if (days <= 0) return [];
	const graph = buildDependencyGraph(plan.actions);
	const order = sortTopologically(graph) ?? [];
	const indexOf = new Map(plan.actions.map((a, i) => [a.id, i]));
	const due = new Map(plan.actions.map((a) => [a.id, a.due]));
	const slipped = plan.actions[index]!.id;
	due.set(slipped, addDays(plan.actions[index]!.due, days));
	const affected = new Set([slipped]);
	const moves: Move[] = [];
	for (const id of order) {
		const prerequisites = graph.prerequisites.get(id) ?? [];
		if (id === slipped || !prerequisites.some((p) => affected.has(p))) continue;
		const action = plan.actions[indexOf.get(id)!]!;
		const latest = prerequisites.reduce((max, p) => (due.get(p)! > max ? due.get(p)! : max), '');
		if (action.status === 'done' || action.due >= latest) continue;
		const to = addDays(action.due, days);
		due.set(id, to);
		affected.add(id);
		moves.push({ index: indexOf.get(id)!, id, from: action.due, to });
	}
	return moves;
}

// A step that follows the slip keeps its length, so its start moves too; the slipped action keeps
// its start unless the new due date falls before it.
function moveDue(opened: OpenPlan, move: Move, days: number, change: { on: string; reason: string; by?: string }, isFollower: boolean): void {
	const entry = opened.doc.getIn(['actions', move.index], true) as YAMLMap;
	const action = opened.plan.actions[move.index]!;
	setScalar(entry, 'due', move.to);
	if (action.start !== undefined && (isFollower || action.start > move.to)) setScalar(entry, 'start', addDays(action.start, days));
	const record = new YAMLMap<unknown, unknown>();
	record.set('on', change.on);
	record.set('from', move.from);
	record.set('to', move.to);
	record.set('reason', quoted(change.reason));
	if (change.by !== undefined) record.set('by', quoted(change.by));
	appendTo(opened.doc, ['actions', move.index, 'dateChanges'], record);
}

function moveMilestones(opened: OpenPlan, moves: readonly Move[], days: number): Move[] {
	const newDue = new Map(moves.map((move) => [move.id, move.to]));
	const latest = new Map<string, string>();
	for (const action of opened.plan.actions) {
		if (action.milestone === undefined) continue;
		const due = newDue.get(action.id) ?? action.due;
		if (due > (latest.get(action.milestone) ?? '')) latest.set(action.milestone, due);
	}
	const milestoneMoves: Move[] = [];
	opened.plan.milestones.forEach((milestone, index) => {
		const needed = latest.get(milestone.id);
		if (needed === undefined || milestone.due >= needed) return;
		const to = addDays(milestone.due, days) >= needed ? addDays(milestone.due, days) : needed;
		setScalar(opened.doc.getIn(['milestones', index], true) as YAMLMap, 'due', to);
		milestoneMoves.push({ index, id: milestone.id, from: milestone.due, to });
	});
	return milestoneMoves;
}

function describeDays(days: number): string {
	const count = `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`;
	return days > 0 ? `${count} later` : `${count} earlier`;
}

/** The projected decision after the change, in one sentence. */
export function describeDecision(plan: Plan, today: string): string {
	const decision = getProjectedDecision(plan, today);
	if (!decision) return 'The decision date cannot be projected: the plan has a dependency cycle.';
	if (decision.slipDays === 0) return `Projected decision: ${decision.projected}, on the planned date ${decision.decisionDate}.`;
	const days = `${decision.slipDays} day${decision.slipDays === 1 ? '' : 's'}`;
	return `Projected decision: ${decision.projected}, ${days} after the planned ${decision.decisionDate} (because of ${decision.cause.join(' -> ')}).`;
}
