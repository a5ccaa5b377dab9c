/** A plain-text rendering of a deal's overview, for the terminal (`npm run demo`). */
import type { Plan } from '../schema/plan.ts';
import type { ProgressCount } from './progress.ts';
import type { PlanOverview } from './plan-overview.ts';

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
	}
	for (const { action, status } of overview.needsAttention) {
		lines.push(`  ${status.padEnd(12)} ${action.title} (${action.owner}, due ${action.due})`);
	}
	if (overview.nextSteps.length > 0) {
		lines.push('  next steps');
		for (const { action } of overview.nextSteps) lines.push(`    ${action.due}  ${action.title} (${action.side}: ${action.owner})`);
	}
	lines.push(`  health       ${health.level} (${health.score}/100)`);
	for (const reason of health.reasons) lines.push(`    -${reason.points} ${reason.message}`);
	if (overview.latestCheckin) lines.push(`  last check-in ${overview.latestCheckin.date}: ${overview.latestCheckin.summary}`);
	return lines.join('\n');
}
