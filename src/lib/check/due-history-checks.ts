/**
 * Slips are made in the open: a `due` that moved since the last commit needs a new
 * `dateChanges` entry saying when, from what, to what and why.
 */
import { quoteValue, type Problem } from '../problems.ts';
import { getPlanSlug } from './plan-slug.ts';
import { createProblem, getSourceIndex, type CheckContext } from './context.ts';
import { getValueAt } from './field-path.ts';
import { listWrittenEntries, readId } from './written-entries.ts';

/** An action's due date and how many date changes it had in the committed plan. */
interface CommittedDue {
	due: string;
	changeCount: number;
}

/**
 * Actions whose `due` differs from the committed version of the plan (`context.committed`)
 * without a `dateChanges` entry added since. Says nothing without a committed version, or for an
 * action that is new since the commit.
 */
export function findSilentDueChanges(context: CheckContext): Problem[] {
	if (context.committed === undefined) return [];
	const committed = readCommittedDues(context.committed);
	const deal = getPlanSlug(context.file);
	const problems: Problem[] = [];
	context.plan.actions.forEach((action, index) => {
		const before = committed.get(action.id);
		if (before === undefined || before.due === action.due) return;
		// Agreeing a date for a `tbd` step is not a slip, and dateChanges can only record dates.
		if (before.due === 'tbd' || action.due === 'tbd') return;
		// Counted as written: the entry may be in a partial plan with its date changes set aside.
		if (countList(getValueAt(context.data, ['actions', getSourceIndex(context, 'actions', index), 'dateChanges'])) > before.changeCount) return;
		problems.push(
			createProblem(context, ['actions', index, 'due'], {
				code: 'due-changed-silently',
				message: `${quoteValue(action.due)} was ${quoteValue(before.due)} in the last commit, and no dateChanges entry records the move.`,
				hint:
					`Add a dateChanges entry (on: the day it was agreed, from: ${before.due}, to: ${action.due}, reason: "..."), ` +
					`or put due back to ${before.due} and run: npm run plan -- slip ${deal} ${action.id} ${action.due} --reason "..."`,
			}),
		);
	});
	return problems;
}

function readCommittedDues(data: unknown): Map<string, CommittedDue> {
	const dues = new Map<string, CommittedDue>();
	for (const entry of listWrittenEntries(data, 'actions')) {
		const id = readId(entry, 'id');
		const due = entry.fields.due;
		if (id === undefined || typeof due !== 'string' || dues.has(id)) continue;
		dues.set(id, { due, changeCount: countList(entry.fields.dateChanges) });
	}
	return dues;
}

function countList(value: unknown): number {
	return Array.isArray(value) ? value.length : 0;
}
