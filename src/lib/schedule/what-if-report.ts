/** A what-if in lines for the terminal: `npm run report -- --what-if` and `npm run plan -- slip`. */
import type { Plan } from '../../schema/plan.ts';
import { daysBetween } from '../dates.ts';
import { describeDayOff } from './explain.ts';
import type { WhatIfChange, WhatIfResult } from './what-if.ts';

/** "What if legal-review is due 2026-06-22 (+5 working days)", the decision before and after, and every move. */
export function formatWhatIf(plan: Pick<Plan, 'actions' | 'locale'>, change: WhatIfChange, result: WhatIfResult): string[] {
	const titleOf = new Map(plan.actions.map((action) => [action.id, action.title]));
	const how = 'days' in change ? ` (+${change.days} working day${change.days === 1 ? '' : 's'} after its projected finish)` : '';
	const { before, after } = result;
	const shift = daysBetween(before.projected, after.projected);
	const decision =
		shift === 0
			? `stays ${after.projected}`
			: `${before.projected} -> ${after.projected} (${Math.abs(shift)} day${Math.abs(shift) === 1 ? '' : 's'} ${shift > 0 ? 'later' : 'earlier'})`;
	const lines = [
		`What if "${change.action}" is due ${result.due}${how}:`,
		`  decision     planned ${after.decisionDate}, projected ${decision}`,
	];
	if (after.slipDays > 0 && after.cause.length > 0) lines.push(`  because      ${after.cause.map((id) => titleOf.get(id) ?? id).join(' -> ')}`);
	for (const { action, dayOff } of after.delays) lines.push(`  moved        ${titleOf.get(action) ?? action}: ${describeDayOff(dayOff, plan.locale, 'iso')}`);
	if (result.moved.length === 0) lines.push('  no projection moves');
	const width = Math.max(0, ...result.moved.map((move) => move.id.length));
	for (const [index, move] of result.moved.entries()) {
		lines.push(`  ${index === 0 ? 'moves       ' : '            '} ${move.id.padEnd(width)}  ${move.from} -> ${move.to}`);
	}
	if (after.undated.length > 0) lines.push(`  not counted  ${after.undated.length} step${after.undated.length === 1 ? '' : 's'} with a date to agree: ${after.undated.join(', ')}`);
	return lines;
}
