/** A person named by id, resolved for display, with a safe fallback for ids the plan does not list. */
import type { Side, Stakeholder } from '../../schema/plan.ts';

/** Who an id points at; `isKnown` is false when the plan has no such stakeholder. */
export interface StakeholderRef {
	id: string;
	/** The stakeholder's name, or the raw id when unknown, so the page still shows something. */
	name: string;
	/** The stakeholder's side; for an unknown id, the caller's fallback (e.g. the action's side) or `undefined`. */
	side: Side | undefined;
	isKnown: boolean;
}

/** Resolves `id` against `stakeholders`; never throws, since validation may not have run on every caller's data. */
export function resolveStakeholder(
	stakeholders: readonly Stakeholder[],
	id: string,
	fallbackSide?: Side,
): StakeholderRef {
	const found = stakeholders.find((stakeholder) => stakeholder.id === id);
	if (found) return { id, name: found.name, side: found.side, isKnown: true };
	return { id, name: id, side: fallbackSide, isKnown: false };
}
