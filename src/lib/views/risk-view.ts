/** The risks page: risks scored and sorted so the worst come first. */
import type { Level, Plan, Risk } from '../../schema/plan.ts';
import { resolveStakeholder, type StakeholderRef } from './stakeholder-ref.ts';

/** How bad a risk is overall, from its severity score. */
export type RiskLevel = 'high' | 'medium' | 'low';

/** One risk as the page shows it. */
export interface RiskView {
	id: string;
	title: string;
	probability: Level;
	impact: Level;
	/** Probability times impact on a 1-3 scale each: 1, 2, 3, 4, 6 or 9. */
	severity: number;
	level: RiskLevel;
	mitigation: string | undefined;
	/** `undefined` when nobody owns the risk. */
	owner: StakeholderRef | undefined;
	/** Nothing is written down about what is being done. */
	isUnmitigated: boolean;
}

const SCALE: Record<Level, number> = { low: 1, medium: 2, high: 3 };

/** The score of a risk: probability x impact, each low 1, medium 2, high 3. */
export function getRiskSeverity(risk: Pick<Risk, 'probability' | 'impact'>): number {
	return SCALE[risk.probability] * SCALE[risk.impact];
}

/** The level for a severity score: high from 6, medium from 3, else low. */
export function getRiskLevel(severity: number): RiskLevel {
	if (severity >= 6) return 'high';
	if (severity >= 3) return 'medium';
	return 'low';
}

/** Every risk of `plan`, most severe first, ties in plan order. */
export function getRiskView(plan: Pick<Plan, 'risks' | 'stakeholders'>): RiskView[] {
	const views = plan.risks.map((risk): RiskView => {
		const severity = getRiskSeverity(risk);
		return {
			id: risk.id,
			title: risk.title,
			probability: risk.probability,
			impact: risk.impact,
			severity,
			level: getRiskLevel(severity),
			mitigation: risk.mitigation,
			owner: risk.owner === undefined ? undefined : resolveStakeholder(plan.stakeholders, risk.owner),
			isUnmitigated: (risk.mitigation ?? '').trim() === '',
		};
	});
	// Stable sort: equal severities keep the order the author wrote them in.
	return views.sort((a, b) => b.severity - a.severity);
}
