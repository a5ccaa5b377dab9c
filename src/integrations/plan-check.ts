/**
 * Runs `npm run check`'s checks before Astro builds anything, so a plan with errors is never
 * published and the build reports the same problems, all at once, as the check does.
 */
import type { AstroIntegration } from 'astro';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLACEHOLDER_CODE } from '../lib/check/placeholder-checks.ts';
import { formatProblem, isBlockingSeverity, type Problem } from '../lib/problems.ts';
import { loadCheckedPlans } from '../node/checked-plans.ts';
import { findLogoProblems } from '../node/logos.ts';
import { findDiagramProblems } from '../node/mermaid/find-diagram-problems.ts';

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
			'astro:config:setup': async ({ command, config, logger }) => {
				const root = fileURLToPath(config.root);
				const { sources, checked } = await loadCheckedPlans(resolve(root, plansDir), root);
				const diagramProblems = await findDiagramProblems(sources, { cacheDir: join(root, '.mapsite', 'cache', 'mermaid-check') });
				const problems = [...checked.problems, ...(await findLogoProblems(checked.plans, root)), ...diagramProblems];
				// A placeholder is only a warning while a rep drafts (check, dev), but never published.
				const isBlocking = (problem: Problem) =>
					isBlockingSeverity(problem.severity, strict) || (command === 'build' && problem.code === PLACEHOLDER_CODE);
				for (const problem of problems) {
					const text = formatProblem(isBlocking(problem) ? { ...problem, severity: 'error' } : problem);
					if (isBlocking(problem)) logger.error(text);
					else logger.warn(text);
				}
				const blocking = problems.filter(isBlocking);
				if (blocking.length > 0) {
					const count = blocking.length;
					const placeholders = blocking.some((problem) => problem.code === PLACEHOLDER_CODE)
						? ' Text in [[…]] is a template placeholder: write the real content in its place.'
						: '';
					// A plain Error would print a stack trace; the problems above already say everything.
					const error = new Error(
						`${count} problem${count === 1 ? '' : 's'} in plans/ (listed above); nothing was built.${placeholders} Fix them and build again, or run \`npm run check\`.`,
					);
					error.stack = error.message;
					throw error;
				}
			},
		},
	};
}
