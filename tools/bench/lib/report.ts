/** Turns the measurements of a benchmark run into the tables it prints. */
import { computeRatio, formatBytes, formatDuration, formatRatio, formatTable } from './format.ts';
import { getRelativeSpread, summarizeRuns, type Spread } from './median-of-runs.ts';
import type { PageWeights } from './page-weights.ts';
import { PHASES, type BuildTimings } from './timings.ts';

/** The builds of one round, in the order they run. */
export const BUILD_KINDS = ['baseline', 'cold', 'warm', 'warmOneDeal', 'oneDeal'] as const;

/** One of the builds of a round. */
export type BuildKind = (typeof BUILD_KINDS)[number];

const BUILD_LABELS: Record<BuildKind, string> = {
	baseline: 'baseline, cold (no gate, images, diagrams, search)',
	cold: 'full, cold (fresh cache)',
	warm: 'full, warm (one plan edited, cache kept)',
	warmOneDeal: 'edited deal only, warm (MAPSITE_DEALS)',
	oneDeal: 'one deal alone, cold (MAPSITE_DEALS)',
};

/** What one build cost. */
export interface BuildMeasure {
	wallMs: number;
	/** Peak resident memory of the Astro build process. */
	peakRssBytes?: number;
	/** Peak of the build's whole process tree (Astro plus Chromium and other children), sampled. */
	peakTreeRssBytes?: number;
	timings?: BuildTimings;
	/** Set when the build failed; the message is its last output lines. */
	error?: string;
}

/** Unlock and navigation figures from Chromium, medians of several tries. */
export interface BrowserMeasure {
	tries: number;
	/** PBKDF2 unwrap as the loader measured it (`mapsite:unwrap`). */
	unwrapMs?: number;
	/** From clicking Unlock to the content shown. */
	unlockMs?: number;
	/** Fetch, decrypt and insert of the first page (`mapsite:open`). */
	openMs?: number;
	/** From navigating to a further page of the unlocked deal to its content shown. */
	furtherPageMs?: number;
	/** The loader's `mapsite:open` on that further page. */
	furtherOpenMs?: number;
	/** The loader's `mapsite:open` on each page type (`overview`, `plan`, …), each opened after unlocking. */
	pageOpenMs?: Record<string, number>;
}

/** Everything measured for one number of deals. */
export interface BenchRound {
	deals: number;
	gated: number;
	builds: Partial<Record<BuildKind, BuildMeasure>>;
	weights?: PageWeights;
	browser?: BrowserMeasure;
	/** Why the browser part did not run, when it did not. */
	browserSkipped?: string;
	/** Anything the reader should know about how these figures were taken. */
	notes: string[];
	/** Full cold build over baseline wall time; with several runs, the median of each run's own ratio. */
	coldRatio?: number;
	/** How many runs the figures are medians of (1 when missing). */
	runs?: number;
	/** With several runs: the lowest and highest value of each figure, keyed like `builds.cold.wallMs`. */
	spread?: Record<string, Spread>;
}

const mb = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1_048_576)} MB`);
const perDeal = (ms: number | undefined, deals: number): number | undefined => (ms === undefined || deals === 0 ? undefined : ms / deals);

const hasRuns = (round: BenchRound): boolean => (round.runs ?? 1) > 1 && round.spread !== undefined;

/** `62.0 s–66.1 s`: the range of one figure over the runs, or empty when there is none. */
function formatRange(round: BenchRound, path: string, format: (value: number) => string): string {
	const spread = round.spread?.[path];
	return spread ? `${format(spread.min)}–${format(spread.max)}` : '';
}

/** `±4%`: half the range of one figure over the runs, as a share of its median. */
function formatRelativeSpread(round: BenchRound, path: string, middle: number | undefined): string {
	const share = getRelativeSpread(round.spread?.[path], middle);
	return share === undefined ? '' : `±${Math.round(share * 100)}%`;
}

/** The table of builds: wall time, per deal, peak memory; with several runs, medians and their range. */
export function formatBuildTable(round: BenchRound): string {
	const withRuns = hasRuns(round);
	const rows = BUILD_KINDS.filter((kind) => round.builds[kind]).map((kind) => {
		const build = round.builds[kind]!;
		const deals = kind === 'warmOneDeal' || kind === 'oneDeal' ? 1 : round.deals;
		const row = [
			BUILD_LABELS[kind],
			build.error ? 'FAILED' : formatDuration(build.wallMs),
			build.error ? '' : formatDuration(perDeal(build.wallMs, deals)),
			mb(build.peakRssBytes),
			mb(build.peakTreeRssBytes),
		];
		if (withRuns) {
			row.push(formatRange(round, `builds.${kind}.wallMs`, formatDuration), formatRange(round, `builds.${kind}.peakRssBytes`, mb));
		}
		return row;
	});
	const header = ['build', 'wall', 'per deal', 'peak RSS astro', 'peak RSS tree'];
	if (withRuns) header.push('wall, lowest–highest', 'RSS astro, lowest–highest');
	return formatTable(header, rows);
}

/** The table of phases of the cold full build beside the baseline's. */
export function formatPhaseTable(round: BenchRound): string {
	const { cold, baseline } = round.builds;
	const cell = (build: BuildMeasure | undefined, phase: (typeof PHASES)[number], divide: number): string =>
		build?.timings ? formatDuration((build.timings.phases[phase] ?? 0) / divide) : 'n/a';
	const withRuns = hasRuns(round);
	const spreadCell = (phase: (typeof PHASES)[number]): string[] =>
		withRuns ? [formatRelativeSpread(round, `builds.cold.timings.phases.${phase}`, cold?.timings?.phases[phase])] : [];
	const rows = PHASES.map((phase) => [phase, cell(cold, phase, 1), cell(cold, phase, round.deals), cell(baseline, phase, 1), cell(baseline, phase, round.deals), ...spreadCell(phase)]);
	const sum = (build: BuildMeasure | undefined): number | undefined =>
		build?.timings ? PHASES.reduce((total, phase) => total + (build.timings!.phases[phase] ?? 0), 0) : undefined;
	rows.push(['sum of phases', formatDuration(sum(cold)), formatDuration(perDeal(sum(cold), round.deals)), formatDuration(sum(baseline)), formatDuration(perDeal(sum(baseline), round.deals))]);
	rows.push([
		'wall (with start-up)',
		formatDuration(cold?.wallMs),
		formatDuration(perDeal(cold?.wallMs, round.deals)),
		formatDuration(baseline?.wallMs),
		formatDuration(perDeal(baseline?.wallMs, round.deals)),
		...(withRuns ? [formatRelativeSpread(round, 'builds.cold.wallMs', cold?.wallMs)] : []),
	]);
	const header = ['phase', 'full total', 'full per deal', 'baseline total', 'baseline per deal'];
	if (withRuns) header.push('full, spread');
	return formatTable(header, rows);
}

/** The table of gzip bytes per page type. */
export function formatWeightTable(weights: PageWeights): string {
	const types = [...new Set([...weights.gated, ...weights.public].map((row) => row.type))];
	const rows = types.map((type) => {
		const gated = weights.gated.find((row) => row.type === type);
		const open = weights.public.find((row) => row.type === type);
		return [
			type,
			formatBytes(gated?.page),
			formatBytes(gated?.payload),
			formatBytes(gated?.shared),
			formatBytes(gated?.total),
			formatBytes(open?.total),
		];
	});
	const table = formatTable(['page type (gzip, median)', 'gated shell', 'payload', 'shared JS/CSS', 'gated total', 'public total'], rows);
	const search =
		weights.searchPerDeal === undefined
			? 'none built'
			: `${formatBytes(weights.searchPerDeal)} per deal (median of ${weights.searchArchives}), plus the shared Pagefind runtime ${formatBytes(weights.searchRuntime)}`;
	const og = weights.ogImage === undefined ? 'none built' : `${formatBytes(weights.ogImage)} per image (${weights.ogImages} images)`;
	return `${table}\nsearch archive: ${search}\nOG image: ${og}`;
}

/** The browser figures, or why there are none. */
export function formatBrowserLines(round: BenchRound): string {
	if (!round.browser) return `browser: skipped (${round.browserSkipped ?? 'not run'})`;
	const b = round.browser;
	const range = (key: keyof BrowserMeasure): string => {
		const text = formatRange(round, `browser.${key}`, formatDuration);
		return text ? `; runs ${text}` : '';
	};
	const runs = hasRuns(round) ? `, then the median of ${round.runs} runs` : '';
	return [
		`browser (Chromium, median of ${b.tries}${runs}):`,
		`  unlock, click to content: ${formatDuration(b.unlockMs)} (PBKDF2 unwrap ${formatDuration(b.unwrapMs)}, open ${formatDuration(b.openMs)}${range('unlockMs')})`,
		`  further page after unlock, navigation to content: ${formatDuration(b.furtherPageMs)} (open ${formatDuration(b.furtherOpenMs)}${range('furtherPageMs')})`,
		...(b.pageOpenMs ? [`  open by page type (mapsite:open): ${Object.entries(b.pageOpenMs).map(([page, ms]) => `${page} ${formatDuration(ms)}`).join(', ')}`] : []),
	].join('\n');
}

/** The full cold build's wall time over the baseline's, when both built. */
export function getColdRatio(round: BenchRound): number | undefined {
	const { cold, baseline } = round.builds;
	return cold && baseline && !cold.error && !baseline.error ? computeRatio(cold.wallMs, baseline.wallMs) : undefined;
}

/** Folds several runs of one round into medians with their spread; each run's own ratio is kept so the ratio is a median too. */
export function combineRuns(runs: readonly BenchRound[]): BenchRound {
	const { median, spread } = summarizeRuns(runs.map((run) => ({ ...run, coldRatio: getColdRatio(run) })));
	return { ...median, runs: runs.length, spread };
}

/** The whole report of one round. */
export function formatRound(round: BenchRound): string {
	const ratio = round.coldRatio ?? getColdRatio(round);
	const withRuns = hasRuns(round);
	const ratioRange = formatRange(round, 'coldRatio', formatRatio);
	const parts = [
		`== ${round.deals} deals (${round.gated} gated, ${round.deals - round.gated} public)${withRuns ? `, median of ${round.runs} runs` : ''} ==`,
		formatBuildTable(round),
		`ratio full/baseline (cold wall time): ${formatRatio(ratio)}${withRuns && ratioRange ? ` (median of each run's ratio; lowest–highest ${ratioRange})` : ''}`,
		'',
		formatPhaseTable(round),
		'',
		round.weights ? formatWeightTable(round.weights) : 'page weights: n/a (the full build failed)',
		'',
		formatBrowserLines(round),
	];
	for (const build of BUILD_KINDS) {
		const error = round.builds[build]?.error;
		if (error) parts.push(`\n${BUILD_LABELS[build]} failed:\n${error}`);
	}
	if (round.notes.length > 0) parts.push('', ...round.notes.map((note) => `note: ${note}`));
	return parts.join('\n');
}

/** One line per round, to compare sizes: how time and memory grow with the number of deals. */
export function formatScaling(rounds: readonly BenchRound[]): string {
	const rows = rounds.map((round) => {
		const { cold, baseline, warm, warmOneDeal, oneDeal } = round.builds;
		return [
			String(round.deals),
			formatDuration(cold?.wallMs),
			formatDuration(perDeal(cold?.wallMs, round.deals)),
			formatRatio(round.coldRatio ?? computeRatio(cold?.wallMs, baseline?.wallMs)),
			formatDuration(warm?.wallMs),
			formatDuration(warmOneDeal?.wallMs),
			formatDuration(oneDeal?.wallMs),
			mb(cold?.peakTreeRssBytes ?? cold?.peakRssBytes),
		];
	});
	return formatTable(['deals', 'cold full', 'per deal', 'full/baseline', 'warm full', 'warm one deal', 'one deal alone', 'peak RSS'], rows);
}
