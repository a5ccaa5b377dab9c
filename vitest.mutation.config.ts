import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (stryker.config.mjs): only the fast unit tests of
 * the safety-critical modules. No site builds, no Chromium, no Astro container: a mutant run has
 * to finish in seconds on a 2-core machine, and those heavier suites are the normal CI's job.
 */
export default defineConfig({
	test: {
		include: [
			'test/lib/crypto/**/*.test.ts',
			'test/lib/gate/**/*.test.ts',
			'test/node/publish/**/*.test.ts',
			'test/lib/leak-scan.test.ts',
			'test/lib/leak-vocabulary.test.ts',
			'test/lib/check/**/*.test.ts',
			'test/lib/schedule.test.ts',
			'test/lib/schedule-calendars.test.ts',
			'test/lib/schedule/**/*.test.ts',
			'test/lib/feedback/merge/**/*.test.ts',
			'test/relay/handler.test.ts',
			// The commands that edit plans through the feedback merge's layout-keeping printer.
			'test/lib/plan-commands/**/*.test.ts',
			'test/lib/rotate-key.test.ts',
			// The unit tests written to kill survivors; build-promises.test.ts builds sites and stays out.
			'test/promises/**/*.test.ts',
		],
		exclude: ['test/promises/build-promises.test.ts'],
		testTimeout: 60_000,
	},
});
