/** The people page: who is involved on each side and what each person owes. */
import type { Action, Plan, Side, Stakeholder } from '../../schema/plan.ts';
import { getPlanStatuses, getStatusLight, type ItemStatus, type StatusLight } from '../status.ts';
import { getRiskView, type RiskLevel } from './risk-view.ts';
import { sortByDate } from './sort-by-date.ts';

/** An open action in a person's list. */
export interface OwedAction {
	id: string;
	title: string;
	due: string;
	milestone: string | undefined;
	status: ItemStatus;
	light: StatusLight;
}

/** A risk a person watches. */
export interface OwnedRisk {
	id: string;
	title: string;
	level: RiskLevel;
	isUnmitigated: boolean;
}

/** One stakeholder with their workload. */
export interface PersonView {
	stakeholder: Stakeholder;
	/** Open actions they own, by due date, ties in plan order. */
	openActions: OwedAction[];
	/** How many of their actions are done. */
	doneCount: number;
	/** Risks they own, most severe first. */
	risks: OwnedRisk[];
}

/** The stakeholders of one side, in plan order. */
export interface SideGroup {
	side: Side;
	people: PersonView[];
}

// The microsite is for the buyer, so their own people come first.
const SIDE_ORDER: readonly Side[] = ['buyer', 'seller'];

/** Stakeholders split by side, buyer first, each with their open actions, done count and risks. */
export function getPeopleView(plan: Plan, today: string): SideGroup[] {
	const statuses = getPlanStatuses(plan, today);
	const risks = getRiskView(plan);
	return SIDE_ORDER.map((side) => ({
		side,
		people: plan.stakeholders
			.filter((stakeholder) => stakeholder.side === side)
			.map((stakeholder): PersonView => {
				const owned = plan.actions.filter((action) => action.owner === stakeholder.id);
				return {
					stakeholder,
					openActions: toOwed(owned, statuses.actions),
					doneCount: owned.filter((action) => action.status === 'done').length,
					risks: risks
						.filter((risk) => risk.owner?.id === stakeholder.id)
						.map(({ id, title, level, isUnmitigated }) => ({ id, title, level, isUnmitigated })),
				};
			}),
	}));
}

/** "What I owe": the open actions `stakeholderId` owns, by due date; empty for an unknown id. */
export function getOwedBy(plan: Plan, stakeholderId: string, today: string): OwedAction[] {
	const statuses = getPlanStatuses(plan, today);
	return toOwed(
		plan.actions.filter((action) => action.owner === stakeholderId),
		statuses.actions,
	);
}

function toOwed(actions: readonly Action[], statuses: ReadonlyMap<string, ItemStatus>): OwedAction[] {
	return sortByDate(
		actions.filter((action) => action.status !== 'done'),
		(action) => action.due,
	).map((action) => {
		const status = statuses.get(action.id) ?? 'on-track';
		return { id: action.id, title: action.title, due: action.due, milestone: action.milestone, status, light: getStatusLight(status) };
	});
}
