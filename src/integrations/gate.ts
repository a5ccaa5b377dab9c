/**
 * The password gate as an Astro integration. Before anything renders it checks that every gated
 * plan has a password (fail closed) and works out each deal's URL id; Astro then builds into a
 * private staging folder, and `publishSite` encrypts, scans and swaps the result into `dist/`.
 */
import type { AstroIntegration } from 'astro';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPlanSources, type CheckedPlan } from '../lib/check/index.ts';
import { deriveContentKey, deriveDealPathId } from '../lib/crypto/index.ts';
import { collectSentinels } from '../lib/leak-scan.ts';
import { describeMissingPasswords, resolvePasswords } from '../lib/secrets.ts';
import { getMessages } from '../i18n/index.ts';
import { loadPlans } from '../node/load-plans.ts';
import { publishSite, type DealToPublish } from '../node/publish/publish-site.ts';
import { readSecretsFile, resolveSiteSecret, SECRETS_FILE } from '../node/secrets-file.ts';
import { resolveToday } from '../node/today.ts';
import { readFeedbackSettings } from '../node/feedback-settings.ts';

const VIRTUAL_ID = 'virtual:mapsite/deals';

/** Options of the gate integration. */
export interface GateOptions {
	plansDir?: string;
	/** Where the published site goes, relative to the root; defaults to `MAPSITE_DIST` or `dist`. */
	distDir?: string;
}

// An error whose message is the whole story; Astro would otherwise print a stack trace.
function userError(message: string): Error {
	const error = new Error(message);
	error.stack = message;
	return error;
}

/** Builds gated deal sites; see the module comment. */
export function gate({ plansDir = 'plans', distDir = process.env.MAPSITE_DIST ?? 'dist' }: GateOptions = {}): AstroIntegration {
	let root = '';
	let stageDir = '';
	let plans: CheckedPlan[] = [];
	let deals: DealToPublish[] = [];
	return {
		name: 'mapsite:gate',
		hooks: {
			'astro:config:setup': async ({ config, command, updateConfig }) => {
				root = fileURLToPath(config.root);
				// One staging folder per build process, so two builds at once never mix their pages.
				stageDir = join(root, '.mapsite', `stage-${process.pid}`);
				plans = checkPlanSources(await loadPlans(join(root, plansDir), root)).plans.filter((checked) => checked.plan);
				const today = resolveToday();
				const secretsPath = process.env.MAPSITE_SECRETS ?? join(root, SECRETS_FILE);
				const secrets = await readSecretsFile(secretsPath).catch((error: Error) => {
					throw userError(error.message);
				});
				const isBuild = command === 'build';
				const siteSecret = resolveSiteSecret(process.env, secrets);
				if (isBuild && !siteSecret) {
					throw userError(
						`No site secret, so no deal can be encrypted and nothing was built.\n  Set MAP_SITE_SECRET (32+ random bytes, base64url), or run \`npm run demo\` once to create ${SECRETS_FILE}.`,
					);
				}
				const gatedSlugs = plans.filter((checked) => checked.plan!.access === 'gated').map((checked) => checked.slug);
				const { passwords, missing } = resolvePasswords(gatedSlugs, process.env, secrets);
				if (isBuild && missing.length > 0) throw userError(describeMissingPasswords(missing, SECRETS_FILE));
				deals = await Promise.all(
					plans.map(async ({ slug, plan }) => {
						const routeId = plan!.path ?? (siteSecret ? await deriveDealPathId(siteSecret, slug) : slug);
						const password = passwords.get(slug);
						return {
							slug,
							routeId,
							lang: plan!.locale,
							shellTitle: getMessages(plan!.locale).gate.title,
							sellerName: plan!.seller.name,
							...(plan!.access === 'gated' && password && siteSecret
								? { gate: { password, contentKey: await deriveContentKey(siteSecret, slug, plan!.keyVersion) } }
								: {}),
						};
					}),
				);
				const routes = deals.map(({ slug, routeId, gate }) => ({ slug, routeId, gated: Boolean(gate) }));
				const feedback = await readFeedbackSettings(process.env, deals).catch((error: Error) => {
					throw userError(error.message);
				});
				const moduleSource = [
					`export const deals = ${JSON.stringify(routes)};`,
					`export const today = ${JSON.stringify(today)};`,
					`export const isPreview = ${!isBuild};`,
					`export const feedback = ${JSON.stringify(feedback)};`,
				].join('\n');
				updateConfig({
					...(isBuild ? { outDir: new URL(`./.mapsite/stage-${process.pid}/`, config.root) } : {}),
					vite: {
						plugins: [
							{
								name: 'mapsite:deals',
								resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
								load: (id: string) =>
									id === `\0${VIRTUAL_ID}` ? moduleSource : undefined,
							},
						],
					},
				});
			},
			'astro:build:done': async ({ logger }) => {
				const sentinels = plans.filter((checked) => checked.plan!.access === 'gated').flatMap((checked) => collectSentinels(checked.slug, checked.plan!, checked.body));
				const gatedSlugs = deals.filter((deal) => deal.gate).map((deal) => deal.slug);
				try {
					const result = await publishSite({ stageDir, distDir: resolve(root, distDir), deals, sentinels, gatedSlugs, cacheDir: join(root, '.mapsite', 'cache') });
					logger.info(`Published ${result.files} files to ${distDir}/; ${result.encrypted} pages of ${gatedSlugs.length} gated deals encrypted; leak scan clean.`);
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
