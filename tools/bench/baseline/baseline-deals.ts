/**
 * The baseline build's stand-in for the gate integration: it gives the deal pages their route
 * list (every plan, at its slug, none gated) and writes Astro's output straight to `MAPSITE_DIST`,
 * with the validate and render timings the benchmark reads. Its pages are readable, so it refuses
 * to write into `dist`.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCheckedPlans } from '../../../src/node/checked-plans.ts';
import { resolveToday } from '../../../src/node/today.ts';

const VIRTUAL_ID = 'virtual:mapsite/deals';

/** Where the baseline may write; throws when `MAPSITE_DIST` is unset or is the published `dist`. */
export function readBaselineDist(env: Readonly<Record<string, string | undefined>>): string {
	const dist = env.MAPSITE_DIST?.trim();
	if (!dist || dist.replace(/\/+$/, '') === 'dist') {
		throw new Error('The benchmark baseline builds readable, unencrypted pages; set MAPSITE_DIST to a scratch folder other than dist.');
	}
	return dist;
}

/** The baseline's Astro integration; see the module comment. */
export function baselineDeals(): AstroIntegration {
	let root = '';
	let timingsFile: string | undefined;
	const phases = { check: 0, validate: 0, render: 0 };
	let renderStarted = 0;
	return {
		name: 'mapsite-bench:baseline-deals',
		hooks: {
			'astro:config:setup': async ({ config, updateConfig }) => {
				const started = performance.now();
				root = fileURLToPath(config.root);
				const dist = readBaselineDist(process.env);
				timingsFile = process.env.MAPSITE_TIMINGS?.trim() || undefined;
				const { checked, timing } = await loadCheckedPlans(resolve(root, process.env.MAPSITE_PLANS?.trim() || 'plans'), root);
				// Paid by the plan-check integration, which runs first in the baseline too.
				phases.check = timing.milliseconds;
				const deals = checked.plans.filter((plan) => plan.plan).map(({ slug }) => ({ slug, routeId: slug, gated: false }));
				const moduleSource = [
					`export const deals = ${JSON.stringify(deals)};`,
					`export const today = ${JSON.stringify(resolveToday())};`,
					'export const isPreview = false;',
					`export const feedback = ${JSON.stringify({ relayUrl: undefined, repository: undefined, tokens: {} })};`,
					// No site secret in the baseline, so no signed feedback emails either.
					'export const feedbackEmailKeys = {};',
				].join('\n');
				updateConfig({
					outDir: pathToFileURL(`${resolve(root, dist)}/`),
					vite: {
						plugins: [
							{
								name: 'mapsite-bench:deals',
								resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
								load: (id: string) => (id === `\0${VIRTUAL_ID}` ? moduleSource : undefined),
							},
						],
					},
				});
				phases.validate = performance.now() - started;
			},
			'astro:build:start': () => {
				renderStarted = performance.now();
			},
			'astro:build:done': async () => {
				phases.render = performance.now() - renderStarted;
				if (!timingsFile) return;
				const file = resolve(root, timingsFile);
				await mkdir(dirname(file), { recursive: true });
				await writeFile(file, `${JSON.stringify({ phases }, null, 2)}\n`);
			},
		},
	};
}
