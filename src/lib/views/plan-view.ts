/** The plan page: actions grouped under their milestones, each with what the page needs precomputed. */
import type { Action, DateChange, Milestone, Plan, Side } from '../../schema/plan.ts';
import { countProgress, type ProgressCount } from '../progress.ts';
import { projectDecision } from '../schedule.ts';
import { getActionFloats } from '../schedule/float.ts';
import { getPlanStatuses, getStatusLight, type ItemStatus, type StatusLight } from '../status.ts';
import { sortByDate } from './sort-by-date.ts';
import { resolveStakeholder, type StakeholderRef } from './stakeholder-ref.ts';

/** A prerequisite by id; `title` is `undefined` when the id names no action in the plan. */
export interface PrerequisiteRef {
	id: string;
	title: string | undefined;
	status: ItemStatus | undefined;
}

/** One action as the plan page shows it. */
export interface ActionView {
	id: string;
	title: string;
	side: Side;
	due: string;
	start: string | undefined;
	completedOn: string | undefined;
	notes: string | undefined;
	status: ItemStatus;
	light: StatusLight;
	owner: StakeholderRef;
	prerequisites: PrerequisiteRef[];
	/** Every due-date change, oldest first. */
	dateChanges: DateChange[];
	/** How many times the due date moved. */
	slipCount: number;
	/** The due date before any change; equals `due` when it never moved. */
	originalDue: string;
	/** Open and past its due date. */
	isLate: boolean;
	/** Working days it can slip before the projected decision moves (0: on the critical path); absent when done, undated or after the decision. */
	float: number | undefined;
}

/** A milestone heading with its roll-up. */
export interface MilestoneView {
	id: string;
	title: string;
	due: string;
	description: string | undefined;
	status: ItemStatus;
	light: StatusLight;
	progress: ProgressCount;
	/** Every one of its actions is done (a milestone with no actions has nothing to celebrate). */
	isCelebrated: boolean;
}

/** A milestone with its actions, or the trailing group of actions under no known milestone. */
export interface ActionGroup {
	/** `undefined` for the group of actions with no (known) milestone. */
	milestone: MilestoneView | undefined;
	/** By due date, ties in plan order. */
	actions: ActionView[];
}

/** What the plan page renders. */
export interface PlanView {
	today: string;
	/** Milestones by due date (ties in plan order), then actions with no milestone if there are any. */
	groups: ActionGroup[];
}

/** Builds the plan page's model for `plan` as of `today`. */
export function getPlanView(plan: Plan, today: string): PlanView {
	const statuses = getPlanStatuses(plan, today);
	const schedule = statuses.context.schedule;
	const floats = schedule ? getActionFloats(plan, schedule, projectDecision(plan, schedule)) : new Map<string, number>();
	const actionsById = new Map(plan.actions.map((action) => [action.id, action]));
	const milestoneIds = new Set(plan.milestones.map((milestone) => milestone.id));
	const toView = (action: Action): ActionView => {
		const status = statuses.actions.get(action.id) ?? 'on-track';
		const dateChanges = sortByDate(action.dateChanges, (change) => change.on);
		return {
			id: action.id,
			title: action.title,
			side: action.side,
			due: action.due,
			start: action.start,
			completedOn: action.completedOn,
			notes: action.notes,
			status,
			light: getStatusLight(status),
			owner: resolveStakeholder(plan.stakeholders, action.owner, action.side),
			prerequisites: action.dependsOn.map((id) => ({
				id,
				title: actionsById.get(id)?.title,
				status: statuses.actions.get(id),
			})),
			dateChanges,
			slipCount: dateChanges.length,
			originalDue: dateChanges[0]?.from ?? action.due,
			isLate: status === 'late',
			float: floats.get(action.id),
		};
	};
	const groups: ActionGroup[] = sortByDate(plan.milestones, (milestone) => milestone.due).map((milestone) => {
		const actions = plan.actions.filter((action) => action.milestone === milestone.id);
		return {
			milestone: toMilestoneView(milestone, actions, statuses.milestones.get(milestone.id) ?? 'on-track'),
			actions: sortByDate(actions, (action) => action.due).map(toView),
		};
	});
	// An action naming a milestone that does not exist must still appear somewhere, as in progress.ts.
	const loose = plan.actions.filter((action) => action.milestone === undefined || !milestoneIds.has(action.milestone));
	if (loose.length > 0) groups.push({ milestone: undefined, actions: sortByDate(loose, (action) => action.due).map(toView) });
	return { today, groups };
}

function toMilestoneView(milestone: Milestone, actions: readonly Action[], status: ItemStatus): MilestoneView {
	const progress = countProgress(actions);
	return {
		id: milestone.id,
		title: milestone.title,
		due: milestone.due,
		description: milestone.description,
		status,
		light: getStatusLight(status),
		progress,
		isCelebrated: progress.total > 0 && progress.done === progress.total,
	};
}
