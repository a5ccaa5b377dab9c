/** A plain-text rendering of a deal's overview, for the terminal (`npm run demo`). */
import type { Plan } from '../schema/plan.ts';
import type { ProgressCount } from './progress.ts';
import type { PlanOverview } from './plan-overview.ts';
import { describeDayOff } from './schedule/explain.ts';

function describeProgress({ done, total, percent }: ProgressCount): string {
	return `${done} of ${total} done, ${percent}%`;
}

/** The overview as indented lines: progress, decision, attention list, next steps, health. */
export function formatOverviewReport(slug: string, plan: Plan, overview: PlanOverview): string {
	const titleOf = new Map(plan.actions.map((action) => [action.id, action.title]));
	const { progress, decision, health } = overview;
	const lines = [
		`${slug}: ${plan.title} (${plan.status})`,
		`  progress     ${describeProgress(progress.overall)} (buyer ${describeProgress(progress.bySide.buyer)}; seller ${describeProgress(progress.bySide.seller)})`,
	];
	if (decision) {
		const late = decision.slipDays > 0 ? `, ${decision.slipDays} days late` : ', on time';
		lines.push(`  decision     planned ${decision.decisionDate}, projected ${decision.projected}${late}`);
		if (decision.slipDays > 0) {
			lines.push(`  because      ${decision.cause.map((id) => titleOf.get(id) ?? id).join(' -> ')}`);
		}
		// The same reasons the site gives, in the plan's language, with dates as the rep types them.
		for (const { action, dayOff } of decision.delays) lines.push(`  moved        ${titleOf.get(action) ?? action}: ${describeDayOff(dayOff, plan.locale, 'iso')}`);
		if (decision.undated.length > 0) {
			lines.push(`  not counted  ${decision.undated.length} step${decision.undated.length === 1 ? '' : 's'} with a date to agree: ${decision.undated.join(', ')}`);
		}
		const critical = plan.actions.filter((action) => overview.floats.get(action.id) === 0).map((action) => action.id);
		if (critical.length > 0) lines.push(`  critical     ${critical.join(', ')} (no float: a slip moves the decision)`);
	}
	for (const { action, status } of overview.needsAttention) {
		lines.push(`  ${status.padEnd(12)} ${action.title} (${action.owner}, due ${action.due})`);
	}
	if (overview.nextSteps.length > 0) {
		lines.push('  next steps');
		for (const { action } of overview.nextSteps) {
			const float = overview.floats.get(action.id);
			const slack = float === undefined ? '' : float === 0 ? ', critical' : `, can slip ${float} day${float === 1 ? '' : 's'}`;
			lines.push(`    ${action.due === 'tbd' ? 'tbd       ' : action.due}  ${action.title} (${action.side}: ${action.owner}${slack})`);
		}
	}
	lines.push(`  health       ${health.level} (${health.score}/100)`);
	for (const reason of health.reasons) lines.push(`    -${reason.points} ${reason.message}`);
	if (overview.latestCheckin) lines.push(`  last check-in ${overview.latestCheckin.date}: ${overview.latestCheckin.summary}`);
	return lines.join('\n');
}
