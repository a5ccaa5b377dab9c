import { getViteConfig } from 'astro/config';

// Astro's Vite config lets tests render .astro components through the Container API.
export default getViteConfig({
	test: {
		include: ['test/**/*.test.ts'],
		testTimeout: 120_000,
		hookTimeout: 600_000,
		// Suites that build a fixture site or drive Chromium are heavy on this 2-core machine.
		maxWorkers: 2,
	},
});
