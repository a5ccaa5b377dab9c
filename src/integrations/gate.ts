/**
 * The password gate as an Astro integration. It only wires hooks to steps (src/node/gate/):
 * before anything renders it reads and checks the build's inputs (fail closed: every gated plan
 * has a password, the site has a secret and a public URL), picks the deals to rebuild and
 * prepares their keys; Astro then builds into a private staging folder, and `publishSite`
 * encrypts, scans and swaps the result into `dist/`.
 */
import type { AstroIntegration } from 'astro';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectGatedSentinels } from '../lib/leak-scan.ts';
import { getProductVocabulary } from '../lib/leak-vocabulary.ts';
import { writeBuildState } from '../node/build-state.ts';
import { readFeedbackSettings } from '../node/feedback-settings.ts';
import { deriveDealEmailKeys } from '../node/feedback-email/deal-email-keys.ts';
import { readBuildInputs, type BuildInputs } from '../node/gate/build-inputs.ts';
import { createDealsModulePlugin } from '../node/gate/deals-module.ts';
import { attachDealKeys, listDealsToWrap, prepareDeals, resolveRouteIds } from '../node/gate/deals-to-publish.ts';
import { describePublished, reportBuild } from '../node/gate/report-build.ts';
import { asUserError } from '../node/gate/user-error.ts';
import { startKeyWraps, type KeyWraps } from '../node/publish/key-wraps.ts';
import { publishSite, type DealToPublish } from '../node/publish/publish-site.ts';
import { selectRebuild, type RebuildSelection } from '../node/rebuild-selection.ts';

/** Builds gated deal sites; see the module comment. Settings come from the environment (src/node/build-settings.ts). */
export function gate(): AstroIntegration {
	let root = '';
	// One staging folder per build process, so two builds at once never mix their pages.
	const stageName = `stage-${process.pid}`;
	let inputs: BuildInputs;
	let selection: RebuildSelection;
	let deals: DealToPublish[] = [];
	const phases = { check: 0, validate: 0, keys: 0, render: 0 };
	// PBKDF2 key wraps run on libuv's pool while Astro renders on the main thread; awaited before publishing.
	let keyWraps: KeyWraps | undefined;
	let gatedSlugs: ReadonlySet<string> = new Set();
	let renderStarted = 0;
	let relayUrl: string | undefined;
	return {
		name: 'mapsite:gate',
		hooks: {
			'astro:config:setup': async ({ config, command, updateConfig }) => {
				const started = performance.now();
				root = fileURLToPath(config.root);
				const isBuild = command === 'build';
				inputs = await readBuildInputs({ root, astroSite: config.site, isBuild, env: process.env });
				const { candidates, siteSecret, passwords } = inputs;
				const routeIds = await resolveRouteIds(candidates, siteSecret);
				selection = isBuild && siteSecret ? await selectRebuild({ root, ...inputs, routeIds, siteSecret: siteSecret, env: process.env }) : { plans: candidates };
				// Read by src/content.config.ts: a partial build loads only the plans it renders.
				if (selection.plans.length < inputs.allPlans.length) process.env.MAPSITE_SELECTED_DEALS = selection.plans.map((checked) => checked.slug).join(',');
				else delete process.env.MAPSITE_SELECTED_DEALS;
				// Usually paid already by the plan-check integration, before this hook started.
				phases.check = inputs.checkTiming.milliseconds;
				deals = await prepareDeals({ root, plans: selection.plans, routeIds });
				// Decided here, before anything renders: the pages of these deals are built to be encrypted.
				const toWrap = isBuild ? listDealsToWrap({ plans: selection.plans, routeIds, passwords, siteSecret }) : [];
				gatedSlugs = new Set(toWrap.map((deal) => deal.slug));
				if (siteSecret && toWrap.length > 0) keyWraps = startKeyWraps(toWrap, { cacheDir: join(root, '.mapsite', 'cache', 'wrapped-keys'), siteSecret });
				const tokenDeals = selection.plans.map(({ slug, plan }) => ({ slug, routeId: routeIds.get(slug)!, keyVersion: plan!.keyVersion }));
				// Each token binds the deal's route id, slug and keyVersion (src/relay/feedback-token.ts).
				const feedback = await asUserError(() => readFeedbackSettings(process.env, tokenDeals));
				relayUrl = feedback.relayUrl;
				// Derived from the site secret, slug and keyVersion: the rep checks pasted emails offline with the same secret.
				const feedbackEmailKeys = await deriveDealEmailKeys(selection.plans, siteSecret);
				updateConfig({
					...(isBuild ? { outDir: new URL(`./.mapsite/${stageName}/`, config.root) } : {}),
					vite: { plugins: [createDealsModulePlugin({ deals, gatedSlugs, today: inputs.today, isPreview: !isBuild, feedback, feedbackEmailKeys })] },
				});
				phases.validate = performance.now() - started;
			},
			'astro:build:start': () => {
				renderStarted = performance.now();
			},
			'astro:build:done': async ({ logger }) => {
				phases.render = performance.now() - renderStarted;
				const { settings, allPlans } = inputs;
				const stageDir = join(root, '.mapsite', stageName);
				try {
					await asUserError(async () => {
						if (keyWraps) {
							keyWraps.hurry();
							const keys = await keyWraps.done;
							phases.keys = keyWraps.milliseconds();
							attachDealKeys(deals, gatedSlugs, keys);
						}
						const result = await publishSite({
							stageDir,
							distDir: resolve(root, settings.distDir),
							deals,
							// Every plan counts, not only those rebuilt: kept public deals stay published.
							sentinels: collectGatedSentinels(
								allPlans.map((checked) => ({ slug: checked.slug, file: checked.file, plan: checked.plan!, body: checked.body })),
								getProductVocabulary(),
							),
							gatedSlugs: deals.filter((deal) => deal.gate).map((deal) => deal.slug),
							cacheDir: join(root, '.mapsite', 'cache'),
							siteUrl: settings.siteUrl,
							keepOtherDeals: settings.only.length > 0 || selection.incremental !== undefined,
							removeRoutes: selection.incremental?.removeRoutes,
							relayUrl,
						});
						if (selection.record) await writeBuildState(selection.record.file, selection.record.state);
						const report = { root, settings, allPlans, deals, siteSecret: inputs.siteSecret, incremental: selection.incremental, fullReason: selection.fullReason, phases, result };
						logger.info(describePublished(report));
						await reportBuild(report);
					});
				} finally {
					// The staging folder holds plaintext; it must not linger where someone could deploy it.
					await rm(stageDir, { recursive: true, force: true });
				}
			},
		},
	};
}
