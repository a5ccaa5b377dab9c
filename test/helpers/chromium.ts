/**
 * Whether a browser test runs. On a developer's machine without Chromium the browser suites skip;
 * under CI they fail instead, so a CI image that lost Chromium cannot pass with every browser
 * test quietly skipped.
 */
import { existsSync } from 'node:fs';

/** Where the browser tests look for Chromium (Debian's package; CI links Chrome there). */
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

/** What a browser suite does: run, skip (no Chromium, not CI) or fail (no Chromium under CI). */
export type ChromiumTestDecision = 'run' | 'skip' | 'fail';

/** True when `CI` is set the way CI services set it (`true`, or `1`). */
export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
	return /^(true|1)$/i.test(env.CI?.trim() ?? '');
}

/** Decides what a browser suite does from whether Chromium exists and the environment. */
export function decideChromiumTests(hasChromium: boolean, env: Readonly<Record<string, string | undefined>>): ChromiumTestDecision {
	if (hasChromium) return 'run';
	return isCi(env) ? 'fail' : 'skip';
}

/**
 * For `describe.skipIf(skipWithoutChromium())(...)`: true when the suite should skip. Under CI
 * without Chromium it throws, which fails the test file with this message instead of skipping.
 */
export function skipWithoutChromium(executablePath: string = CHROMIUM_EXECUTABLE, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
	const decision = decideChromiumTests(existsSync(executablePath), env);
	if (decision === 'fail') {
		throw new Error(
			`CI is set but there is no Chromium at ${executablePath}, so the browser tests cannot run. Install Chromium in the CI image (Debian: apt-get install chromium) or link Chrome there (ln -s "$(command -v google-chrome)" ${executablePath}).`,
		);
	}
	return decision === 'skip';
}
