// @ts-check
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
	mutate: [
		'src/lib/crypto/**/*.ts',
		'src/lib/gate/**/*.ts',
		'src/node/publish/**/*.ts',
		'src/lib/leak-scan.ts',
		'src/lib/check/**/*.ts',
		'src/lib/schedule.ts',
		'src/lib/feedback/merge/**/*.ts',
		'src/relay/handler.ts',
	],
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
	// The floor: a score below `break` fails the run (and the weekly workflow).
	thresholds: { high: 90, low: 85, break: 85 },
};
