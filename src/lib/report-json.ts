/** The overview of each plan as data for `npm run report -- --json` (format: src/schema/report.ts). */
import type { Plan } from '../schema/plan.ts';
import { REPORT_FORMAT_VERSION, type PlanReport, type Report, type ReportAction, type ReportOpenAction } from '../schema/report.ts';
import { describeDayOff } from './schedule/explain.ts';
import type { ActionWithStatus, PlanOverview } from './plan-overview.ts';
import type { ItemStatus } from './status.ts';

/** A checked plan and where it came from. */
export interface ReportedPlan {
	slug: string;
	file: string;
	plan: Plan;
	overview: PlanOverview;
}

/** One plan's entry: progress, decision, late, at-risk and blocked actions, health. */
export function createPlanReport({ slug, file, plan, overview }: ReportedPlan): PlanReport {
	const withStatus = plan.actions.map((action) => ({ action, status: overview.statuses.actions.get(action.id)! }));
	const having = (status: ItemStatus) => withStatus.filter((entry) => entry.status === status).map(describeAction);
	const { progress, decision, health } = overview;
	return {
		slug,
		file,
		title: plan.title,
		status: plan.status,
		locale: plan.locale,
		progress: { overall: progress.overall, buyer: progress.bySide.buyer, seller: progress.bySide.seller },
		decision: decision
			? {
					planned: decision.decisionDate,
					projected: decision.projected,
					slipDays: decision.slipDays,
					decisionAction: decision.decisionAction ?? null,
					chain: decision.chain,
					cause: decision.cause,
					delays: decision.delays.map(({ action, dayOff }) => ({ action, kind: dayOff.kind, date: dayOff.date, text: describeDayOff(dayOff, plan.locale, 'iso') })),
					undated: decision.undated,
				}
			: null,
		late: having('late'),
		atRisk: having('at-risk'),
		blocked: having('blocked'),
		openActions: withStatus
			.filter(({ status }) => status !== 'done')
			.map((entry): ReportOpenAction => ({
				...describeAction(entry),
				projected: overview.statuses.context.schedule?.actions.get(entry.action.id)?.projectedFinish ?? entry.action.due,
				float: overview.floats.get(entry.action.id) ?? null,
			})),
		health: {
			level: health.level,
			score: health.score,
			reasons: health.reasons.map((reason) => ({ code: reason.code, points: reason.points, message: reason.message, ids: reason.ids ?? [] })),
		},
	};
}

/** The whole report for `today`. */
export function createReport(today: string, plans: readonly ReportedPlan[]): Report {
	return { version: REPORT_FORMAT_VERSION, today, plans: plans.map(createPlanReport) };
}

function describeAction({ action, status }: ActionWithStatus): ReportAction {
	return { id: action.id, title: action.title, side: action.side, owner: action.owner, due: action.due, status };
}
