/** `npm run plan -- status <deal>`: where the deal stands, in a few lines, with the ids the other commands take. */
import { getPlanOverview } from '../plan-overview.ts';
import { isRefused, openPlan } from './plan-document.ts';
import { describeDecision } from './slip.ts';
import type { PlanCommandInput, PlanCommandResult, StatusCommand } from './types.ts';

/** Progress, projected decision, what is late or at risk and the next steps; changes nothing. */
export function describeStatus(_command: StatusCommand, input: PlanCommandInput): PlanCommandResult {
	const opened = openPlan(input);
	if (isRefused(opened)) return { ok: false, problems: opened.problems };
	const { plan } = opened;
	const overview = getPlanOverview(plan, input.today);
	const { overall } = overview.progress;
	const lines = [
		`${plan.title} (${plan.status}), as of ${input.today}`,
		`Progress: ${overall.done} of ${overall.total} actions done (${overall.percent}%). Health: ${overview.health.level}.`,
		describeDecision(plan, input.today),
	];
	if (overview.needsAttention.length > 0) {
		lines.push('Needs attention:');
		for (const { action, status } of overview.needsAttention) lines.push(`  ${status.padEnd(8)} ${action.id} (${action.owner}, due ${action.due}): ${action.title}`);
	}
	if (overview.nextSteps.length > 0) {
		lines.push('Next steps:');
		for (const { action } of overview.nextSteps) lines.push(`  ${action.due}  ${action.id} (${action.owner}): ${action.title}`);
	}
	if (overview.latestCheckin) lines.push(`Last check-in: ${overview.latestCheckin.date}, ${JSON.stringify(overview.latestCheckin.summary)}`);
	return { ok: true, lines };
}
