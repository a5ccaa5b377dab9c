/**
 * Checks that ids are unique and that every id a plan refers to exists. They read the lists as
 * written (see `written-entries.ts`), so they run in full even when the schema found problems.
 */
import { quoteValue, type Problem } from '../problems.ts';
import { findClosestName, listNames } from './closest-name.ts';
import { createProblemInFile, type CheckContext } from './context.ts';
import type { FieldPath } from './parse-yaml.ts';
import { listWrittenEntries, listWrittenIds, readId, readIdList } from './written-entries.ts';

const LISTS = ['stakeholders', 'milestones', 'actions', 'risks'] as const;
const SINGULAR = { actions: 'action', milestones: 'milestone', stakeholders: 'stakeholder', risks: 'risk' };

/** Two entries of the same list sharing an id. */
export function findDuplicateIds(context: CheckContext): Problem[] {
	const problems: Problem[] = [];
	for (const list of LISTS) {
		const firstIndex = new Map<string, number>();
		for (const entry of listWrittenEntries(context.data, list)) {
			const id = readId(entry, 'id');
			if (id === undefined) continue;
			const first = firstIndex.get(id);
			if (first === undefined) {
				firstIndex.set(id, entry.index);
				continue;
			}
			problems.push(
				createProblemInFile(context, [list, entry.index, 'id'], {
					code: 'id-duplicate',
					message: `${quoteValue(id)} is already used by ${list}[${first}].`,
					hint: `Give every ${SINGULAR[list]} its own id.`,
				}),
			);
		}
	}
	return problems;
}

/** Owners, milestones, dependencies and attendees that point at no existing id. */
export function findUnknownReferences(context: CheckContext): Problem[] {
	const { data } = context;
	const stakeholderIds = [...new Set(listWrittenIds(data, 'stakeholders'))];
	const milestoneIds = [...new Set(listWrittenIds(data, 'milestones'))];
	const actionIds = [...new Set(listWrittenIds(data, 'actions'))];
	const stakeholders = new Set(stakeholderIds);
	const milestones = new Set(milestoneIds);
	const actions = new Set(actionIds);
	const problems: Problem[] = [];
	const report = (path: FieldPath, value: string, what: string, known: string[], code: string): void => {
		problems.push(createProblemInFile(context, path, { code, ...describeUnknown(value, what, known) }));
	};

	for (const entry of listWrittenEntries(data, 'actions')) {
		const owner = readId(entry, 'owner');
		if (owner !== undefined && !stakeholders.has(owner)) {
			report(['actions', entry.index, 'owner'], owner, 'stakeholder', stakeholderIds, 'owner-unknown');
		}
		const milestone = readId(entry, 'milestone');
		if (milestone !== undefined && !milestones.has(milestone)) {
			report(['actions', entry.index, 'milestone'], milestone, 'milestone', milestoneIds, 'milestone-unknown');
		}
		for (const { position, id } of readIdList(entry, 'dependsOn')) {
			if (!actions.has(id)) report(['actions', entry.index, 'dependsOn', position], id, 'action', actionIds, 'dependency-unknown');
		}
	}
	for (const entry of listWrittenEntries(data, 'risks')) {
		const owner = readId(entry, 'owner');
		if (owner !== undefined && !stakeholders.has(owner)) {
			report(['risks', entry.index, 'owner'], owner, 'stakeholder', stakeholderIds, 'owner-unknown');
		}
	}
	for (const entry of listWrittenEntries(data, 'checkins')) {
		for (const { position, id } of readIdList(entry, 'attendees')) {
			if (!stakeholders.has(id)) {
				report(['checkins', entry.index, 'attendees', position], id, 'stakeholder', stakeholderIds, 'attendee-unknown');
			}
		}
	}
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
	// The first stakeholder with an id wins, matching the duplicate-id report.
	const sideOf = new Map<string, unknown>();
	for (const entry of listWrittenEntries(context.data, 'stakeholders')) {
		const id = readId(entry, 'id');
		if (id !== undefined && !sideOf.has(id)) sideOf.set(id, entry.fields.side);
	}
	const problems: Problem[] = [];
	for (const entry of listWrittenEntries(context.data, 'actions')) {
		const owner = readId(entry, 'owner');
		const ownerSide = owner === undefined ? undefined : sideOf.get(owner);
		const side = entry.fields.side;
		if (!isSide(ownerSide) || !isSide(side) || ownerSide === side) continue;
		problems.push(
			createProblemInFile(context, ['actions', entry.index, 'owner'], {
				code: 'owner-wrong-side',
				severity: 'warning',
				message: `${quoteValue(owner)} is on the ${ownerSide} side, but the action is a ${side} action.`,
				hint: `Set side: ${ownerSide}, or pick a ${side} stakeholder as owner.`,
			}),
		);
	}
	return problems;
}

function isSide(value: unknown): value is 'buyer' | 'seller' {
	return value === 'buyer' || value === 'seller';
}
