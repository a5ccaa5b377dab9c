// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { gate } from './src/integrations/gate.ts';
import { planCheck } from './src/integrations/plan-check.ts';
import { quietAstroHeadInjectWarnings } from './src/integrations/quiet-bundler-warnings.ts';

// The deal sites are static files for plain hosting; every page is prerendered.
export default defineConfig({
	output: 'static',
	integrations: [planCheck({ plansDir: process.env.MAPSITE_PLANS || 'plans', strict: process.env.MAP_STRICT === '1' }), gate(), mdx()],
	// Mermaid blocks stay as source so the build can draw them as diagrams.
	markdown: { syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] } },
	// The gate keeps only linked stylesheets in the shell it publishes, so no CSS is inlined.
	build: { inlineStylesheets: 'never' },
	// Source maps could carry deal text into the published site.
	// Every plan would also print a warning about Astro's own head-injection directive (see the module).
	vite: { build: { sourcemap: false, cssCodeSplit: false, rolldownOptions: { onwarn: quietAstroHeadInjectWarnings } } },
});
