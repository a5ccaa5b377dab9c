/**
 * What a build published, handed from the gate integration to `scripts/build.ts` in the same
 * process, so the script can end its output with each deal's address. Astro loads the config, and
 * with it the gate, through its own module loader, so a module variable would not be shared
 * between the two; a registered symbol on `globalThis` is.
 */
import type { BuildOutcome } from '../lib/deal-address.ts';

const KEY = Symbol.for('mapsite.build-outcome');

type Holder = { [KEY]?: BuildOutcome };

/** Called by the gate once the site is published. */
export function recordBuildOutcome(outcome: BuildOutcome): void {
	(globalThis as Holder)[KEY] = outcome;
}

/** The outcome of the last build in this process, once; undefined when nothing was published. */
export function takeBuildOutcome(): BuildOutcome | undefined {
	const outcome = (globalThis as Holder)[KEY];
	delete (globalThis as Holder)[KEY];
	return outcome;
}
