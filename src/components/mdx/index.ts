/** The components a plan body may use, passed to `<Content components={planBodyComponents} />`. */
import type { PlanBodyComponentName } from '../../lib/mdx-components.ts';
import Callout from './Callout.astro';
import Metric from './Metric.astro';
import Quote from './Quote.astro';

/** Every component in `PLAN_BODY_COMPONENTS`, by name; the type keeps the two lists in step. */
export const planBodyComponents: Record<PlanBodyComponentName, unknown> = { Callout, Metric, Quote };
