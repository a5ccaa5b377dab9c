/** Checks that ids are unique and that every id a plan refers to exists. */
import { quoteValue, type Problem } from '../problems.ts';
import { findClosestName, listNames } from './closest-name.ts';
import { createProblem, type CheckContext } from './context.ts';
import type { FieldPath } from './parse-yaml.ts';

const LISTS = ['actions', 'milestones', 'stakeholders', 'risks'] as const;
const SINGULAR = { actions: 'action', milestones: 'milestone', stakeholders: 'stakeholder', risks: 'risk' };

/** Two entries of the same list sharing an id. */
export function findDuplicateIds(context: CheckContext): Problem[] {
	const problems: Problem[] = [];
	for (const list of LISTS) {
		const firstIndex = new Map<string, number>();
		context.plan[list].forEach((entry, index) => {
			const first = firstIndex.get(entry.id);
			if (first === undefined) {
				firstIndex.set(entry.id, index);
				return;
			}
			problems.push(
				createProblem(context, [list, index, 'id'], {
					code: 'id-duplicate',
					message: `${quoteValue(entry.id)} is already used by ${list}[${first}].`,
					hint: `Give every ${SINGULAR[list]} its own id.`,
				}),
			);
		});
	}
	return problems;
}

/** Owners, milestones, dependencies and attendees that point at no existing id. */
export function findUnknownReferences(context: CheckContext): Problem[] {
	const { plan } = context;
	const stakeholderIds = plan.stakeholders.map((s) => s.id);
	const milestoneIds = plan.milestones.map((m) => m.id);
	const actionIds = plan.actions.map((a) => a.id);
	const stakeholders = new Set(stakeholderIds);
	const milestones = new Set(milestoneIds);
	const actions = new Set(actionIds);
	const problems: Problem[] = [];
	const report = (path: FieldPath, value: string, what: string, known: string[], code: string): void => {
		problems.push(createProblem(context, path, { code, ...describeUnknown(value, what, known) }));
	};

	plan.actions.forEach((action, index) => {
		if (!stakeholders.has(action.owner)) {
			report(['actions', index, 'owner'], action.owner, 'stakeholder', stakeholderIds, 'owner-unknown');
		}
		if (action.milestone !== undefined && !milestones.has(action.milestone)) {
			report(['actions', index, 'milestone'], action.milestone, 'milestone', milestoneIds, 'milestone-unknown');
		}
		action.dependsOn.forEach((id, depIndex) => {
			if (!actions.has(id)) report(['actions', index, 'dependsOn', depIndex], id, 'action', actionIds, 'dependency-unknown');
		});
	});
	plan.risks.forEach((risk, index) => {
		if (risk.owner !== undefined && !stakeholders.has(risk.owner)) {
			report(['risks', index, 'owner'], risk.owner, 'stakeholder', stakeholderIds, 'owner-unknown');
		}
	});
	plan.checkins.forEach((checkin, index) => {
		checkin.attendees.forEach((id, attendeeIndex) => {
			if (!stakeholders.has(id)) {
				report(['checkins', index, 'attendees', attendeeIndex], id, 'stakeholder', stakeholderIds, 'attendee-unknown');
			}
		});
	});
	return problems;
}

function describeUnknown(value: string, what: string, known: string[]): { message: string; hint: string } {
	const closest = findClosestName(value, known);
	const list = known.length > 0 ? `Use one of: ${listNames(known)}.` : `Add the ${what} first.`;
	return {
		message: `${quoteValue(value)} matches no ${what} id.`,
		hint: closest ? `Did you mean "${closest}"? ${list}` : list,
	};
}

/** A buyer action owned by a seller person, or the other way round. */
export function findOwnersOnWrongSide(context: CheckContext): Problem[] {
	// Reversed so the first stakeholder with an id wins, matching the duplicate-id report.
	const sideOf = new Map(context.plan.stakeholders.toReversed().map((s) => [s.id, s]));
	const problems: Problem[] = [];
	context.plan.actions.forEach((action, index) => {
		const owner = sideOf.get(action.owner);
		if (!owner || owner.side === action.side) return;
		problems.push(
			createProblem(context, ['actions', index, 'owner'], {
				code: 'owner-wrong-side',
				severity: 'warning',
				message: `${quoteValue(action.owner)} is on the ${owner.side} side, but the action is a ${action.side} action.`,
				hint: `Set side: ${owner.side}, or pick a ${action.side} stakeholder as owner.`,
			}),
		);
	});
	return problems;
}
