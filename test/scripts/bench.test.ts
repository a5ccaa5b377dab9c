/**
 * The CI smoke test of `npm run bench`: three deals, no browser. It checks that every build
 * runs and every table is printed; figures are never asserted, the machines are too noisy.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { PAGE_TYPES } from '../../tools/bench/lib/page-weights.ts';
import { PHASES } from '../../tools/bench/lib/timings.ts';
import { runScript } from './run-script.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run bench -- --quick --skip-browser', () => {
	let result: ReturnType<typeof runScript>;
	beforeAll(() => {
		result = runScript('bench.ts', ['--quick', '--skip-browser'], ROOT);
	}, 900_000);

	test('runs every build without an error', () => {
		expect(result.status, result.stdout + result.stderr).toBe(0);
		expect(result.stdout).not.toContain('FAILED');
		expect(result.stdout).toContain('== 3 deals');
		for (const build of ['baseline, cold', 'full, cold', 'full, warm', 'edited deal only, warm', 'one deal alone, cold']) {
			expect(result.stdout).toMatch(new RegExp(`^${build}.*\\d+ MB`, 'm'));
		}
	});

	test('prints a measured row for every phase and the ratio to the baseline', () => {
		for (const phase of PHASES) expect(result.stdout).toMatch(new RegExp(`^${phase}\\s+\\d[\\d.]* m?s\\s`, 'm'));
		expect(result.stdout).toMatch(/^ratio full\/baseline \(cold wall time\): \d+\.\d\dx$/m);
		expect(result.stdout).not.toContain('does not read');
	});

	test('weighs every page type, the search archive and the share image, and skips the browser as asked', () => {
		for (const type of PAGE_TYPES) expect(result.stdout).toMatch(new RegExp(`^${type}\\s+\\d`, 'm'));
		expect(result.stdout).toMatch(/^search archive: [\d.]+ k?B per deal/m);
		expect(result.stdout).toMatch(/^OG image: [\d.]+ k?B per image/m);
		expect(result.stdout).toContain('browser: skipped (--skip-browser)');
	});
});

describe('npm run bench with a bad option', () => {
	test('says what is wrong and builds nothing', () => {
		const bad = runScript('bench.ts', ['--deals', '0'], ROOT);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('--deals "0" must be whole numbers');
		expect(bad.stdout).toBe('');
	});
});
