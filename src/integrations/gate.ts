/**
 * The password gate as an Astro integration. Before anything renders it checks that every gated
 * plan has a password and the site has its public URL (fail closed) and works out each deal's URL
 * id; Astro then builds into a private staging folder, and `publishSite` encrypts, scans and swaps
 * the result into `dist/`.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectDeals } from '../lib/build/deal-selection.ts';
import { recordBuildOutcome } from '../node/build-outcome.ts';
import { writeBuildState } from '../node/build-state.ts';
import { selectRebuild, type RebuildSelection } from '../node/rebuild-selection.ts';
import type { CheckedPlan } from '../lib/check/index.ts';
import { deriveContentKey } from '../lib/crypto/index.ts';
import { formatDealAddress, resolveRouteId } from '../lib/deal-address.ts';
import { collectGatedSentinels } from '../lib/leak-scan.ts';
import { getProductVocabulary } from '../lib/leak-vocabulary.ts';
import { buildFavicon } from '../lib/og/favicon.ts';
import { getSharePreviews } from '../lib/og/share-preview.ts';
import { describeMissingPasswords, resolvePasswords } from '../lib/secrets.ts';
import { getMessages } from '../i18n/index.ts';
import { readBuildSettings, type BuildSettings } from '../node/build-settings.ts';
import { readFeedbackSettings } from '../node/feedback-settings.ts';
import { deriveDealEmailKeys } from '../node/feedback-email/deal-email-keys.ts';
import { readSellerLogoUrl } from '../node/logos.ts';
import { loadCheckedPlans } from '../node/checked-plans.ts';
import { publishSite, type DealToPublish } from '../node/publish/publish-site.ts';
import { getWrappedKey } from '../node/publish/wrapped-key-cache.ts';
import { readSecretsFile, resolveSiteSecret, SECRETS_FILE } from '../node/secrets-file.ts';
import { resolveToday } from '../node/today.ts';

const VIRTUAL_ID = 'virtual:mapsite/deals';

// An error whose message is the whole story; Astro would otherwise print a stack trace.
function userError(message: string): Error {
	const error = new Error(message);
	error.stack = message;
	return error;
}

/** Builds gated deal sites; see the module comment. Settings come from the environment (src/node/build-settings.ts). */
export function gate(): AstroIntegration {
	let root = '';
	let stageDir = '';
	let settings: BuildSettings;
	let plans: CheckedPlan[] = [];
	let allPlans: CheckedPlan[] = [];
	let deals: DealToPublish[] = [];
	const phases = { validate: 0, render: 0 };
	// Incremental rebuilds: what was kept, why not, and what to record after publishing.
	let incremental: RebuildSelection['incremental'];
	let fullReason: string | undefined;
	let record: RebuildSelection['record'];
	let renderStarted = 0;
	let siteSecret: Uint8Array | undefined;
	return {
		name: 'mapsite:gate',
		hooks: {
			'astro:config:setup': async ({ config, command, updateConfig }) => {
				const started = performance.now();
				root = fileURLToPath(config.root);
				const isBuild = command === 'build';
				try {
					settings = readBuildSettings(process.env, config.site);
				} catch (error) {
					throw userError((error as Error).message);
				}
				// One staging folder per build process, so two builds at once never mix their pages.
				stageDir = join(root, '.mapsite', `stage-${process.pid}`);
				const { sources, checked } = await loadCheckedPlans(resolve(root, settings.plansDir), root);
				const sourceOf = new Map(sources.map((source) => [source.file, source.source]));
				allPlans = checked.plans.filter((plan) => plan.plan);
				let selected: string[];
				try {
					selected = selectDeals(
						allPlans.map((checked) => checked.slug),
						{ only: settings.only, shard: settings.shard },
					);
				} catch (error) {
					throw userError((error as Error).message);
				}
				const today = resolveToday();
				const secretsPath = process.env.MAPSITE_SECRETS ?? join(root, SECRETS_FILE);
				const secrets = await readSecretsFile(secretsPath).catch((error: Error) => {
					throw userError(error.message);
				});
				siteSecret = resolveSiteSecret(process.env, secrets);
				if (isBuild && !siteSecret) {
					throw userError(
						`No site secret, so no deal can be encrypted and nothing was built.\n  Set MAP_SITE_SECRET (32+ random bytes, base64url), or run \`npm run demo\` once to create ${SECRETS_FILE}.`,
					);
				}
				if (isBuild && !settings.siteUrl) {
					throw userError(
						'No site URL, so link previews cannot point at their images and nothing was built.\n  Set MAPSITE_SITE_URL to where the site is served, for example MAPSITE_SITE_URL=https://plans.example.com (or `site` in astro.config.mjs).',
					);
				}
				const candidates = allPlans.filter((checked) => selected.includes(checked.slug));
				const gatedSlugs = candidates.filter((checked) => checked.plan!.access === 'gated').map((checked) => checked.slug);
				const { passwords, missing } = resolvePasswords(gatedSlugs, process.env, secrets);
				if (isBuild && missing.length > 0) throw userError(describeMissingPasswords(missing, SECRETS_FILE));
				const routeIds = new Map(
					// Without a secret (only under `astro dev`) the slug stands in for the id.
					await Promise.all(candidates.map(async ({ slug, plan }) => [slug, (await resolveRouteId(slug, plan!.path, siteSecret)) ?? slug] as const)),
				);
				plans = candidates;
				if (isBuild && siteSecret) {
					const selection = await selectRebuild({ root, settings, candidates, sourceOf, passwords, routeIds, siteSecret, today, env: process.env });
					plans = selection.plans;
					incremental = selection.incremental;
					fullReason = selection.fullReason;
					record = selection.record;
				}
				// Read by src/content.config.ts: a partial build loads only the plans it renders.
				if (plans.length < allPlans.length) process.env.MAPSITE_SELECTED_DEALS = plans.map((checked) => checked.slug).join(',');
				else delete process.env.MAPSITE_SELECTED_DEALS;
				const cacheDir = join(root, '.mapsite', 'cache');
				deals = await Promise.all(
					plans.map(async ({ slug, plan, file }) => {
						const routeId = routeIds.get(slug)!;
						const password = passwords.get(slug);
						const messages = getMessages(plan!.locale);
						const deal: DealToPublish = {
							slug,
							routeId,
							lang: plan!.locale,
							shellTitle: messages.gate.title,
							sellerName: plan!.seller.name,
							sellerLogo: await readSellerLogoUrl(plan!, file, root),
							brand: plan!.brand,
							gateLabels: messages.gateShell,
							share: {
								previews: getSharePreviews(plan!, messages),
								themeColor: plan!.brand.primary,
								favicon: buildFavicon(plan!.seller.name, plan!.brand.primary),
							},
						};
						if (isBuild && plan!.access === 'gated' && password && siteSecret) {
							const contentKey = await deriveContentKey(siteSecret, slug, plan!.keyVersion);
							// Cached so an unchanged deal costs no PBKDF2 and its shells stay byte-identical.
							const wrappedKey = await getWrappedKey({ cacheDir: join(cacheDir, 'wrapped-keys'), siteSecret, dealId: routeId, password, contentKey });
							deal.gate = { contentKey, wrappedKey };
						}
						return deal;
					}),
				);
				const routes = deals.map(({ slug, routeId, gate }) => ({ slug, routeId, gated: Boolean(gate) }));
				const feedback = await readFeedbackSettings(process.env, deals).catch((error: Error) => {
					throw userError(error.message);
				});
				// Derived from the site secret, slug and keyVersion: the rep checks pasted emails offline with the same secret.
				const feedbackEmailKeys = await deriveDealEmailKeys(plans, siteSecret);
				const moduleSource = [
					`export const deals = ${JSON.stringify(routes)};`,
					`export const today = ${JSON.stringify(today)};`,
					`export const isPreview = ${!isBuild};`,
					`export const feedback = ${JSON.stringify(feedback)};`,
					`export const feedbackEmailKeys = ${JSON.stringify(feedbackEmailKeys)};`,
				].join('\n');
				updateConfig({
					...(isBuild ? { outDir: new URL(`./.mapsite/stage-${process.pid}/`, config.root) } : {}),
					vite: {
						plugins: [
							{
								name: 'mapsite:deals',
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
			'astro:build:done': async ({ logger }) => {
				phases.render = performance.now() - renderStarted;
				// Every plan counts, not only those rebuilt: kept public deals stay published.
				const sentinels = collectGatedSentinels(
					allPlans.map((checked) => ({ slug: checked.slug, file: checked.file, plan: checked.plan!, body: checked.body })),
					getProductVocabulary(),
				);
				const gatedSlugs = deals.filter((deal) => deal.gate).map((deal) => deal.slug);
				const partial = settings.only.length > 0 || incremental !== undefined;
				try {
					const result = await publishSite({
						stageDir,
						distDir: resolve(root, settings.distDir),
						deals,
						sentinels,
						gatedSlugs,
						cacheDir: join(root, '.mapsite', 'cache'),
						siteUrl: settings.siteUrl,
						keepOtherDeals: partial,
						removeRoutes: incremental?.removeRoutes,
					});
					if (record) await writeBuildState(record.file, record.state);
					const what = `${result.encrypted} pages of ${gatedSlugs.length} gated deals encrypted; ${result.cards.rendered} preview images drawn, ${result.cards.cached} from cache; leak scan clean`;
					const scope = incremental
						? ` (incremental: ${deals.length} changed deal${deals.length === 1 ? '' : 's'} rebuilt${deals.length > 0 ? `: ${deals.map((deal) => deal.slug).join(', ')}` : ''}; ${incremental.kept.length} unchanged kept; MAPSITE_FULL=1 rebuilds all)`
						: settings.only.length > 0
							? ` (only ${settings.only.join(', ')}; other deals kept)`
							: fullReason
								? ` (full build: ${fullReason})`
								: '';
					logger.info(`Published ${result.files} files to ${settings.distDir}/${scope}; ${what}.`);
					const siteUrl = settings.siteUrl!;
					const built = new Set(deals.map((deal) => deal.slug));
					const kept = settings.shard ? [] : allPlans.filter((checked) => !built.has(checked.slug));
					recordBuildOutcome({
						distDir: settings.distDir,
						built: deals.map((deal) => ({ slug: deal.slug, address: formatDealAddress(siteUrl, deal.routeId) })),
						kept: await Promise.all(
							kept.map(async ({ slug, plan }) => ({ slug, address: formatDealAddress(siteUrl, (await resolveRouteId(slug, plan!.path, siteSecret))!) })),
						),
						otherShards: settings.shard ? allPlans.length - deals.length : 0,
						partial: settings.shard ? 'shard' : incremental ? 'incremental' : settings.only.length > 0 ? 'only' : undefined,
					});
					if (settings.timingsFile) {
						const timings = { phases: { ...phases, ...result.timings }, deals: deals.length, kept: incremental?.kept.length ?? 0, pages: result.encrypted, cards: result.cards, searchBytes: result.searchBytes };
						await mkdir(dirname(resolve(root, settings.timingsFile)), { recursive: true });
						await writeFile(resolve(root, settings.timingsFile), `${JSON.stringify(timings, null, 2)}\n`);
					}
				} catch (error) {
					throw userError((error as Error).message);
				} finally {
					// The staging folder holds plaintext; it must not linger where someone could deploy it.
					await rm(stageDir, { recursive: true, force: true });
				}
			},
		},
	};
}
