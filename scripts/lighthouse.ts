/**
 * `npm run lighthouse [-- --deal <slug>] [--page plan/] [--smoke]`: builds the bundled example plans
 * (or, with `--deal`, that deal alone with its own secrets) into a temp folder, serves them, and
 * runs Lighthouse on the unlocked page (opened with its share link) as a phone and as a desktop.
 * Prints the scores and every failing audit; exits 1 when a target of issue #3 is missed
 * (accessibility 100, performance 95). `--smoke`: accessibility on mobile only.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildShareLink, formatDealAddress, resolveRouteId } from '../src/lib/deal-address.ts';
import { loadCheckedPlans } from '../src/node/checked-plans.ts';
import { buildExampleSite, buildPlansSite, EXAMPLE_SLUGS, getExamplePageUrl, type ExampleSite } from '../src/node/example-site.ts';
import { readSecretsFile, resolveSiteSecret, SECRETS_FILE } from '../src/node/secrets-file.ts';
import { runLighthouse, type FormFactor } from '../tools/lighthouse/run-lighthouse.ts';
import { getDealBuildEnv, selectLighthouseSite } from '../tools/lighthouse/select-site.ts';
import { findMissedTargets, formatLighthouseSummary, LIGHTHOUSE_CATEGORIES, LIGHTHOUSE_TARGETS } from '../tools/lighthouse/summarize.ts';

const USAGE = 'Usage: npm run lighthouse [-- --deal <slug>] [--page plan/] [--smoke]';
const AUDITED_EXAMPLE = 'northwind-data-platform';

async function openSite(deal: string | undefined, page: string): Promise<{ site: ExampleSite; url: string; slug: string }> {
	const root = process.cwd();
	const plansDir = process.env.MAPSITE_PLANS?.trim() || 'plans';
	const { checked } = await loadCheckedPlans(resolve(root, plansDir), root);
	const parsed = checked.plans.filter((entry) => entry.plan);
	const plans = parsed.map((entry) => ({ slug: entry.slug, file: relative(resolve(root, plansDir), resolve(root, entry.file)) }));
	const choice = selectLighthouseSite({ deal, plans, exampleSlugs: EXAMPLE_SLUGS, auditedExample: AUDITED_EXAMPLE, plansDir });
	if (choice.mode === 'examples') {
		console.log('Building the example plans...');
		const site = await buildExampleSite(resolve(root, plansDir));
		return { site, url: await getExamplePageUrl(site.origin, choice.slug, page), slug: choice.slug };
	}
	const plan = parsed.find((entry) => entry.slug === choice.slug)!.plan!;
	const secretsFile = resolve(root, process.env.MAPSITE_SECRETS ?? SECRETS_FILE);
	const siteSecret = resolveSiteSecret(process.env, await readSecretsFile(secretsFile));
	const routeId = await resolveRouteId(choice.slug, plan.path, siteSecret);
	if (!routeId || (plan.access === 'gated' && !siteSecret)) {
		throw new Error(`No site secret, so ${choice.slug} can be neither built nor opened. Set MAP_SITE_SECRET, or add "siteSecret" to ${SECRETS_FILE}: the same secret the build uses.`);
	}
	console.log(`Building ${choice.slug} alone, with its own secrets...`);
	const site = await buildPlansSite({ plansDir: resolve(root, plansDir), files: choice.files, env: getDealBuildEnv(process.env, secretsFile) });
	const address = formatDealAddress(site.origin, routeId) + page;
	const url = plan.access === 'gated' ? await buildShareLink(address, siteSecret!, choice.slug, plan.keyVersion) : address;
	return { site, url, slug: choice.slug };
}

async function main(): Promise<number> {
	let values: { smoke?: boolean; page?: string; deal?: string };
	try {
		({ values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, page: { type: 'string', default: '' }, deal: { type: 'string' } } }));
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	const page = values.page ?? '';
	const formFactors: FormFactor[] = values.smoke ? ['mobile'] : ['mobile', 'desktop'];
	const categories = values.smoke ? (['accessibility'] as const) : LIGHTHOUSE_CATEGORIES;
	let opened: Awaited<ReturnType<typeof openSite>>;
	try {
		opened = await openSite(values.deal, page);
	} catch (error) {
		console.error((error as Error).message);
		return 2;
	}
	try {
		console.log(`Lighthouse on ${opened.slug} ${page || 'overview'} (unlocked with its share link)\n`);
		const summaries = await runLighthouse({ url: opened.url, formFactors, categories });
		const targets = values.smoke ? { accessibility: LIGHTHOUSE_TARGETS.accessibility } : LIGHTHOUSE_TARGETS;
		const missed = summaries.flatMap((summary) => {
			console.log(formatLighthouseSummary(summary));
			return findMissedTargets(summary, targets);
		});
		console.log(missed.length === 0 ? '\nEvery target is met.' : `\nMissed: ${missed.join('; ')}.`);
		return missed.length === 0 ? 0 : 1;
	} finally {
		await opened.site.close();
	}
}

process.exitCode = await main();
