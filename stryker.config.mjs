// @ts-check
import { MUTATION_MODULES, MUTATION_SCORE_FLOOR } from './tools/mutation/modules.ts';

/**
 * Mutation testing of the code the site's promises rest on (docs/mutation.md): StrykerJS changes
 * one thing at a time (a condition, a constant, a removed statement) and checks that some test
 * fails. `npm run mutation` runs it; the weekly workflow .github/workflows/mutation.yml too.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'vitest.mutation.config.ts', related: true },
	// Each mutant runs only the tests that executed its code, which is what makes a run feasible here.
	coverageAnalysis: 'perTest',
	checkers: [],
	// Static mutants (module-level constants) rerun every test for each mutant: 10% of the mutants,
	// 71% of the time on this project. The promise tests (test/promises) pin the constants that matter.
	ignoreStatic: true,
	mutate: MUTATION_MODULES.flatMap((module) => module.mutate),
	// Two cores: one test process per core.
	concurrency: 2,
	timeoutMS: 20_000,
	// Reuses the results of mutants whose code and tests did not change since the last run.
	incremental: true,
	incrementalFile: 'reports/stryker-incremental.json',
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/mutation.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always',
	// The floor: a total below `break` fails the run; scripts/mutation.ts holds each module to it as well.
	thresholds: { high: 90, low: MUTATION_SCORE_FLOOR, break: MUTATION_SCORE_FLOOR },
};
