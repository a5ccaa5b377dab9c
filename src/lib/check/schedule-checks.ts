/** Checks that a plan's dates and dependencies can actually happen in order. */
import { TBD, type Action } from '../../schema/plan.ts';
import { buildDependencyGraph, findCycles } from '../graph.ts';
import { quoteValue, type Problem } from '../problems.ts';
import { createProblem, type CheckContext } from './context.ts';

/** Actions that wait for each other in a loop, printed as "legal -> procurement -> legal". */
export function findDependencyCycles(context: CheckContext): Problem[] {
	const { actions } = context.plan;
	const indexOf = new Map(actions.map((action, index) => [action.id, index]));
	return findCycles(buildDependencyGraph(actions)).map((cycle) =>
		createProblem(context, ['actions', indexOf.get(cycle[0]) ?? 0, 'dependsOn'], {
			code: 'dependency-cycle',
			message: `makes a dependency cycle: ${cycle.join(' -> ')}.`,
			hint: 'Remove one of these dependsOn entries so the actions can happen in order.',
		}),
	);
}

/** An action due before an action it depends on. */
export function findDueBeforeDependency(context: CheckContext): Problem[] {
	const byId = new Map<string, Action>();
	for (const action of context.plan.actions) if (!byId.has(action.id)) byId.set(action.id, action);
	const problems: Problem[] = [];
	context.plan.actions.forEach((action, index) => {
		for (const id of new Set(action.dependsOn)) {
			const before = byId.get(id);
			// A date still to agree cannot be out of order yet.
			if (!before || before.due === TBD || action.due === TBD || before.due <= action.due) continue;
			problems.push(
				createProblem(context, ['actions', index, 'due'], {
					code: 'due-before-dependency',
					message: `${quoteValue(action.due)} is before ${quoteValue(before.due)}, the due date of "${id}" it depends on.`,
					hint: `Move the due date to ${before.due} or later, or drop "${id}" from dependsOn.`,
				}),
			);
		}
	});
	return problems;
}

/** `done` without `completedOn`, `completedOn` without `done`, and `start` after `due`. */
export function findStatusAndDateMismatches(context: CheckContext): Problem[] {
	const problems: Problem[] = [];
	context.plan.actions.forEach((action, index) => {
		if (action.status === 'done' && action.completedOn === undefined) {
			problems.push(
				createProblem(context, ['actions', index, 'status'], {
					code: 'done-without-completed-on',
					message: '"done" needs a completedOn date.',
					hint: 'Add "completedOn: YYYY-MM-DD" with the day it was done.',
				}),
			);
		}
		if (action.status !== 'done' && action.completedOn !== undefined) {
			problems.push(
				createProblem(context, ['actions', index, 'completedOn'], {
					code: 'completed-on-without-done',
					message: `${quoteValue(action.completedOn)} is set, but the status is ${quoteValue(action.status)}.`,
					hint: 'Set status: done, or remove completedOn.',
				}),
			);
		}
		if (action.start !== undefined && action.due !== TBD && action.start > action.due) {
			problems.push(
				createProblem(context, ['actions', index, 'start'], {
					code: 'start-after-due',
					message: `${quoteValue(action.start)} is after the due date ${quoteValue(action.due)}.`,
					hint: 'Move start to the due date or earlier.',
				}),
			);
		}
	});
	return problems;
}

/** A milestone due before the latest of its own actions. */
export function findMilestonesBeforeActions(context: CheckContext): Problem[] {
	const latest = new Map<string, Action>();
	for (const action of context.plan.actions) {
		if (action.milestone === undefined || action.due === TBD) continue;
		const current = latest.get(action.milestone);
		if (!current || action.due > current.due) latest.set(action.milestone, action);
	}
	const problems: Problem[] = [];
	context.plan.milestones.forEach((milestone, index) => {
		const action = latest.get(milestone.id);
		if (!action || action.due <= milestone.due) return;
		problems.push(
			createProblem(context, ['milestones', index, 'due'], {
				code: 'milestone-before-action',
				message: `${quoteValue(milestone.due)} is before ${quoteValue(action.due)}, the due date of its action "${action.id}".`,
				hint: `Move the milestone to ${action.due} or later, or move "${action.id}" earlier.`,
			}),
		);
	});
	return problems;
}

/** Date changes that do not end at the current due date, or do not follow on from each other. */
export function findDateChangeGaps(context: CheckContext): Problem[] {
	const problems: Problem[] = [];
	context.plan.actions.forEach((action, index) => {
		const changes = action.dateChanges;
		changes.forEach((change, changeIndex) => {
			const previous = changes[changeIndex - 1];
			if (previous && change.from !== previous.to) {
				problems.push(
					createProblem(context, ['actions', index, 'dateChanges', changeIndex, 'from'], {
						code: 'date-change-gap',
						severity: 'warning',
						message: `${quoteValue(change.from)} does not match ${quoteValue(previous.to)}, where the previous change moved the date to.`,
						hint: `Set from: ${previous.to}, so the history reads as one chain.`,
					}),
				);
			}
		});
		const last = changes.at(-1);
		if (last && last.to !== action.due) {
			problems.push(
				createProblem(context, ['actions', index, 'dateChanges', changes.length - 1, 'to'], {
					code: 'date-change-mismatch',
					message: `${quoteValue(last.to)} is not the action's due date ${quoteValue(action.due)}.`,
					hint: 'The last date change must move the date to the current due; fix one of the two.',
				}),
			);
		}
	});
	return problems;
}
