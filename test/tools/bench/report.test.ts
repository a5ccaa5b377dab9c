import { describe, expect, test } from 'vitest';
import { combineRuns, formatRound, formatScaling, type BenchRound } from '../../../tools/bench/lib/report.ts';
import { PHASES } from '../../../tools/bench/lib/timings.ts';
import { parseBuildTimings } from '../../../tools/bench/lib/timings.ts';

const phases = { check: 50, validate: 100, keys: 150, render: 200, diagrams: 300, images: 400, search: 500, encrypt: 600, leakScan: 700, swap: 800 };
const round: BenchRound = {
	deals: 10,
	gated: 9,
	builds: {
		baseline: { wallMs: 5000, peakRssBytes: 300 * 1_048_576, timings: { phases: { validate: 100, render: 2000 } } },
		cold: { wallMs: 12_000, peakRssBytes: 500 * 1_048_576, peakTreeRssBytes: 800 * 1_048_576, timings: { phases, deals: 10, pages: 80 } },
		warm: { wallMs: 6000 },
		oneDeal: { wallMs: 3000, error: 'exit code 1\nboom' },
	},
	notes: ['a note'],
	browserSkipped: '--skip-browser',
};

describe('formatRound', () => {
	const text = formatRound(round);

	test('prints a row for every phase, with totals and per-deal figures', () => {
		for (const phase of PHASES) expect(text).toMatch(new RegExp(`^${phase}\\s`, 'm'));
		expect(text).toMatch(/^render\s+200 ms\s+20 ms\s+2000 ms\s+200 ms$/m);
		expect(text).toMatch(/^diagrams\s+300 ms\s+30 ms\s+0\.0 ms\s+0\.0 ms$/m);
	});

	test('prints the ratio of the cold full build to the baseline', () => {
		expect(text).toContain('ratio full/baseline (cold wall time): 2.40x');
	});

	test('prints memory, failures, notes and why the browser was skipped', () => {
		expect(text).toMatch(/full, cold \(fresh cache\)\s+12\.0 s\s+1200 ms\s+500 MB\s+800 MB/);
		expect(text).toContain('one deal alone, cold (MAPSITE_DEALS) failed:\nexit code 1\nboom');
		expect(text).toContain('note: a note');
		expect(text).toContain('browser: skipped (--skip-browser)');
	});

	test('prints the loader\'s open time for every page type it measured', () => {
		const measured = formatRound({ ...round, browserSkipped: undefined, browser: { tries: 3, pageOpenMs: { overview: 31.2, plan: 44.8 } } });
		expect(measured).toContain('open by page type (mapsite:open): overview 31 ms, plan 45 ms');
	});
});

describe('combineRuns', () => {
	const slower: BenchRound = {
		...round,
		builds: { ...round.builds, baseline: { ...round.builds.baseline!, wallMs: 6000 }, cold: { ...round.builds.cold!, wallMs: 18_000 } },
	};
	const faster: BenchRound = { ...round, builds: { ...round.builds, baseline: { ...round.builds.baseline!, wallMs: 4000 }, cold: { ...round.builds.cold!, wallMs: 6000 } } };
	const combined = combineRuns([round, slower, faster]);

	test('takes the ratio as the median of each run\'s own ratio', () => {
		// Runs of 2.40x, 3.00x and 1.50x: the median ratio is 2.40x, not 12.0 s / 5.0 s of the medians.
		expect(combined.coldRatio).toBe(2.4);
		expect(combined.spread?.coldRatio).toEqual({ min: 1.5, max: 3 });
	});

	test('prints medians, the range of each build and the spread of each phase', () => {
		const text = formatRound(combined);
		expect(text).toContain('== 10 deals (9 gated, 1 public), median of 3 runs ==');
		expect(text).toMatch(/full, cold \(fresh cache\)\s+12\.0 s\s+1200 ms\s+500 MB\s+800 MB\s+6000 ms–18\.0 s\s+500 MB–500 MB/);
		expect(text).toContain('ratio full/baseline (cold wall time): 2.40x (median of each run\'s ratio; lowest–highest 1.50x–3.00x)');
		expect(text).toMatch(/^wall \(with start-up\)\s+12\.0 s\s+1200 ms\s+5000 ms\s+500 ms\s+±50%$/m);
		expect(text).toMatch(/^render\s+200 ms\s+20 ms\s+2000 ms\s+200 ms\s+±0%$/m);
	});

	test('prints one run as before, with no spread columns', () => {
		expect(formatRound(round)).not.toContain('lowest–highest');
	});
});

describe('formatScaling', () => {
	test('prints one line per round', () => {
		const text = formatScaling([round, { ...round, deals: 20 }]);
		expect(text.split('\n')).toHaveLength(4);
		expect(text).toMatch(/^20\s+12\.0 s\s+600 ms\s+2\.40x\s+6000 ms\s+n\/a\s+3000 ms\s+800 MB$/m);
	});
});

describe('parseBuildTimings', () => {
	test('reads a timings file and refuses anything else', () => {
		expect(parseBuildTimings('{"phases":{"render":12.5},"deals":3,"pages":24}')).toEqual({ phases: { render: 12.5 }, deals: 3, pages: 24 });
		expect(parseBuildTimings('{"phases":{"render":-1}}')).toBeUndefined();
		expect(parseBuildTimings('not json')).toBeUndefined();
		expect(parseBuildTimings(undefined)).toBeUndefined();
	});
});
