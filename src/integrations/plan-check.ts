/**
 * Runs `npm run check`'s checks before Astro builds anything, so a plan with errors is never
 * published and the build reports the same problems, all at once, as the check does.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, hasBlockingProblems } from '../lib/problems.ts';
import { loadCheckedPlans } from '../node/checked-plans.ts';
import { findLogoProblems } from '../node/logos.ts';

/** Options of the plan-check integration. */
export interface PlanCheckOptions {
	/** Folder of plan files, relative to the project root. */
	plansDir?: string;
	/** Treat warnings as errors, like `npm run check -- --strict`. */
	strict?: boolean;
}

/** Fails the build, before any page is written, when a plan has errors. */
export function planCheck({ plansDir = 'plans', strict = false }: PlanCheckOptions = {}): AstroIntegration {
	return {
		name: 'mapsite:plan-check',
		hooks: {
			'astro:config:setup': async ({ config, logger }) => {
				const root = fileURLToPath(config.root);
				const { checked } = await loadCheckedPlans(resolve(root, plansDir), root);
				const problems = [...checked.problems, ...(await findLogoProblems(checked.plans, root))];
				for (const problem of problems) {
					const text = formatProblem(problem);
					if (problem.severity === 'warning') logger.warn(text);
					else logger.error(text);
				}
				if (hasBlockingProblems(problems, strict)) {
					const count = problems.filter((p) => strict || p.severity === 'error').length;
					// A plain Error would print a stack trace; the problems above already say everything.
					const error = new Error(`${count} problem${count === 1 ? '' : 's'} in plans/ (listed above); nothing was built. Fix them and build again, or run \`npm run check\`.`);
					error.stack = error.message;
					throw error;
				}
			},
		},
	};
}
