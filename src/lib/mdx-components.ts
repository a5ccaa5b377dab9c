/**
 * The components a plan's MDX body may use. The body is rendered as MDX, which is code, so the
 * check allows these and nothing else: no imports, no exports, no `{expressions}`.
 */
export const PLAN_BODY_COMPONENTS = {
	/** A highlighted note: `<Callout tone="warning">Budget closes Dec 15.</Callout>` (tone: note, warning, success). */
	Callout: { attributes: ['tone', 'title'] },
	/** A headline figure for executives: `<Metric label="Hours saved a week" value="120" />`. */
	Metric: { attributes: ['label', 'value', 'note'] },
	/** A quote from a stakeholder: `<Quote by="Priya Raman, VP Data">...</Quote>`. */
	Quote: { attributes: ['by'] },
} as const;

/** Names of the components a plan body may use. */
export type PlanBodyComponentName = keyof typeof PLAN_BODY_COMPONENTS;

/** Allowed values of `<Callout tone>`. */
export const CALLOUT_TONES = ['note', 'warning', 'success'] as const;
