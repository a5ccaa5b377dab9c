import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		testTimeout: 120_000,
		hookTimeout: 600_000,
		// Suites that build a fixture site or drive Chromium are heavy on this 2-core machine.
		fileParallelism: true,
		maxWorkers: 2,
	},
});
