/** Plan validation for `npm run check` and the build. */
export { checkPlanSource, checkPlanSources, getPlanSlug, type CheckedPlan, type CheckOptions, type CheckSourcesOptions, type PlanSource } from './check-plan.ts';
