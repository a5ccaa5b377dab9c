import { describe, expect, test } from 'vitest';
import { decideChromiumTests, isCi, skipWithoutChromium } from './chromium.ts';

describe('decideChromiumTests', () => {
	test.each([
		{ hasChromium: true, env: {}, decision: 'run' },
		{ hasChromium: true, env: { CI: 'true' }, decision: 'run' },
		{ hasChromium: false, env: {}, decision: 'skip' },
		{ hasChromium: false, env: { CI: 'false' }, decision: 'skip' },
		{ hasChromium: false, env: { CI: '' }, decision: 'skip' },
		{ hasChromium: false, env: { CI: 'true' }, decision: 'fail' },
		{ hasChromium: false, env: { CI: 'TRUE' }, decision: 'fail' },
		{ hasChromium: false, env: { CI: '1' }, decision: 'fail' },
	] as const)('with Chromium $hasChromium and CI=$env.CI the browser suite should $decision', ({ hasChromium, env, decision }) => {
		expect(decideChromiumTests(hasChromium, env)).toBe(decision);
	});
});

describe('isCi', () => {
	test('reads only CI, the variable GitHub Actions and other CI services set', () => {
		expect(isCi({ CI: 'true' })).toBe(true);
		expect(isCi({ GITHUB_ACTIONS: 'true' })).toBe(false);
		expect(isCi({ CI: '0' })).toBe(false);
	});
});

describe('skipWithoutChromium', () => {
	test('skips quietly on a machine without Chromium outside CI', () => {
		expect(skipWithoutChromium('/nonexistent/chromium', {})).toBe(true);
	});

	test('fails under CI without Chromium, naming the path and how to provide it', () => {
		expect(() => skipWithoutChromium('/nonexistent/chromium', { CI: 'true' })).toThrowErrorMatchingInlineSnapshot(
			`[Error: CI is set but there is no Chromium at /nonexistent/chromium, so the browser tests cannot run. Install Chromium in the CI image (Debian: apt-get install chromium) or link Chrome there (ln -s "$(command -v google-chrome)" /nonexistent/chromium).]`,
		);
	});

	test('runs wherever the browser exists, CI or not', () => {
		// Any existing file stands in for the browser: the decision only asks whether it is there.
		const present = new URL(import.meta.url).pathname;
		expect(skipWithoutChromium(present, { CI: 'true' })).toBe(false);
		expect(skipWithoutChromium(present, {})).toBe(false);
	});
});
