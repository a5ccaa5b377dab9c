// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The deal sites are static files for plain hosting; every page is prerendered.
export default defineConfig({
	output: 'static',
	integrations: [mdx()],
	// Source maps could carry deal text into the published site.
	vite: { build: { sourcemap: false } },
});
