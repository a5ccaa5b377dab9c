/**
 * The benchmark: for each number of deals, generates the plans into a scratch project and runs
 * the baseline build, the full build cold, a warm rebuild after an edit (whole site, then the
 * edited deal only), and one deal alone; weighs the published pages and times unlocking in
 * Chromium. Builds run one after another so they never compete for the two cores.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveDealPathId } from '../../../src/lib/crypto/index.ts';
import { summarizePageWeights } from '../lib/page-weights.ts';
import { combineRuns, getColdRatio, type BenchRound, type BuildMeasure } from '../lib/report.ts';
import { formatDuration, formatRatio } from '../lib/format.ts';
import { generateSyntheticDeal, generateSyntheticDeals, makeBenchSecrets, type SyntheticDeal } from '../lib/synthetic-plan.ts';
import { findSupportedSwitches } from './build-switches.ts';
import { measureUnlock } from './measure-unlock.ts';
import { runBuild } from './run-build.ts';
import { createScratchProject } from '../../../src/node/scratch-project.ts';
import { clearBuildCaches, writePlans } from './bench-plans.ts';
import { weighSite } from './weigh-site.ts';

// Share previews need an absolute origin; the benchmark's site is never served from it.
const BUILD_ENV = { MAPSITE_SITE_URL: 'https://plans.example.com' };
// The baseline renders the same pages with an Astro config of its own (no gate, no publishing step).
const BASELINE_CONFIG = 'tools/bench/baseline/astro.config.mjs';

/** What to run. */
export interface BenchOptions {
	projectRoot: string;
	dealCounts: readonly number[];
	seed: number;
	/** `MAP_TODAY` of every build, so runs are comparable. */
	today: string;
	skipBrowser: boolean;
	/** Unlock attempts in Chromium; the median is reported. */
	browserTries: number;
	/** Rounds of each size; the report prints the median of each figure and its spread. */
	runs: number;
	/** Keep the scratch folders for inspection. */
	keep: boolean;
	/** Progress lines (not the report). */
	log: (line: string) => void;
	/** Called as each round finishes, so a long run shows its first figures early. */
	onRound?: (round: BenchRound) => void;
}

/** Runs every round and returns the measurements; the caller prints them. */
export async function runBench(options: BenchOptions): Promise<BenchRound[]> {
	const switches = await findSupportedSwitches(options.projectRoot);
	const rounds: BenchRound[] = [];
	for (const count of options.dealCounts) {
		const runs: BenchRound[] = [];
		for (let run = 1; run <= options.runs; run += 1) {
			if (options.runs > 1) options.log(`${count} deals: run ${run} of ${options.runs}`);
			const result = await runRound(count, switches, options);
			runs.push(result);
			if (options.runs > 1) options.log(`${count} deals: run ${run}: cold ${formatDuration(result.builds.cold?.wallMs)}, baseline ${formatDuration(result.builds.baseline?.wallMs)}, ratio ${formatRatio(getColdRatio(result))}`);
		}
		const round = runs.length > 1 ? combineRuns(runs) : runs[0];
		rounds.push(round);
		options.onRound?.(round);
	}
	return rounds;
}

async function runRound(count: number, switches: Set<string>, options: BenchOptions): Promise<BenchRound> {
	const { seed, today, log } = options;
	const folder = await mkdtemp(join(tmpdir(), `mapsite-bench-${count}-`));
	const project = join(folder, 'project');
	const deals = generateSyntheticDeals(count, { seed, today });
	const gated = deals.filter((deal) => deal.access === 'gated');
	const round: BenchRound = { deals: count, gated: gated.length, builds: {}, notes: [] };
	try {
		await createScratchProject(options.projectRoot, project);
		await writePlans(project, deals);
		const secretsFile = join(folder, 'bench.secrets.json');
		const secrets = makeBenchSecrets(deals, seed);
		await writeFile(secretsFile, `${JSON.stringify(secrets, null, '\t')}\n`);
		const dist = join(folder, 'dist');
		const build = async (name: string, extra: Record<string, string>, deal?: string, config?: string): Promise<BuildMeasure> => {
			log(`  ${count} deals: ${name} build...`);
			const measure = await runBuild({
				project,
				workDir: folder,
				name,
				env: { ...BUILD_ENV, MAP_TODAY: today, MAPSITE_SECRETS: secretsFile, MAPSITE_DIST: dist, ...(deal ? { MAPSITE_DEALS: deal } : {}), ...extra },
				config,
			});
			log(`  ${count} deals: ${name} ${measure.error ? 'FAILED' : `done in ${(measure.wallMs / 1000).toFixed(1)} s`}`);
			return measure;
		};
		for (const name of ['MAPSITE_TIMINGS', 'MAPSITE_DEALS']) {
			if (!switches.has(name)) round.notes.push(`this build does not read ${name} yet; ${describeMissing(name)}`);
		}

		await clearBuildCaches(project);
		round.builds.baseline = await build('baseline', { MAPSITE_DIST: join(folder, 'dist-baseline') }, undefined, BASELINE_CONFIG);
		await clearBuildCaches(project);
		round.builds.cold = await build('cold', {});
		if (!round.builds.cold.error) {
			round.weights = summarizePageWeights(await weighSite(dist));
			if (options.skipBrowser) round.browserSkipped = '--skip-browser';
			else round.browser = await measureBrowser(dist, gated[0], secrets.siteSecret, options).catch((error: Error) => {
				round.browserSkipped = error.message;
				return undefined;
			});
		}

		// The edit touches only the newest check-in of one gated deal, as a rep's weekly update does.
		const edited = gated[0] ?? deals[0];
		const index = deals.indexOf(edited);
		await writePlans(project, [generateSyntheticDeal(index, { seed, today, revision: 1 })]);
		round.builds.warm = await build('warm', {});
		if (switches.has('MAPSITE_DEALS')) {
			await writePlans(project, [generateSyntheticDeal(index, { seed, today, revision: 2 })]);
			round.builds.warmOneDeal = await build('warm-one-deal', {}, edited.slug);
		}
		round.builds.oneDeal = await buildOneDealAlone(deals, switches, folder, project, options, build);
	} finally {
		if (options.keep) log(`  scratch folder kept: ${folder}`);
		else await rm(folder, { recursive: true, force: true });
	}
	return round;
}

function describeMissing(name: string): string {
	if (name === 'MAPSITE_TIMINGS') return 'phase timings show n/a.';
	return 'the warm one-deal rebuild is skipped and "one deal alone" builds a project holding only that plan.';
}

async function buildOneDealAlone(
	deals: readonly SyntheticDeal[],
	switches: Set<string>,
	folder: string,
	project: string,
	options: BenchOptions,
	build: (name: string, extra: Record<string, string>, deal?: string) => Promise<BuildMeasure>,
): Promise<BuildMeasure> {
	const deal = deals[deals.length > 1 ? 1 : 0];
	const dist = join(folder, 'dist-one');
	if (switches.has('MAPSITE_DEALS')) {
		await clearBuildCaches(project);
		return build('one-deal', { MAPSITE_DIST: dist }, deal.slug);
	}
	const alone = join(folder, 'project-one');
	await createScratchProject(options.projectRoot, alone);
	await writePlans(alone, [deal]);
	options.log(`  ${deals.length} deals: one-deal build in a project of its own...`);
	return runBuild({ project: alone, workDir: folder, name: 'one-deal', env: { ...BUILD_ENV, MAP_TODAY: options.today, MAPSITE_SECRETS: join(folder, 'bench.secrets.json'), MAPSITE_DIST: dist } });
}

async function measureBrowser(dist: string, deal: SyntheticDeal | undefined, siteSecret: string, options: BenchOptions) {
	if (!deal?.password) throw new Error('no gated deal to unlock');
	const routeId = await deriveDealPathId(new Uint8Array(Buffer.from(siteSecret, 'base64url')), deal.slug);
	options.log(`  unlocking ${deal.slug} in Chromium (${options.browserTries} tries)...`);
	return measureUnlock({ distDir: dist, dealPath: `/${routeId}/`, password: deal.password, furtherPage: 'plan/', tries: options.browserTries });
}
