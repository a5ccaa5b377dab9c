/** The safety-critical modules StrykerJS mutates (stryker.config.mjs), each with the files it covers. */

/** One module as the mutation report groups it. */
export interface MutationModule {
	/** Short name, e.g. `crypto`, as printed and as `npm run mutation -- --module crypto` takes it. */
	name: string;
	/** Globs of the files Stryker mutates for it, relative to the project root. */
	mutate: string[];
}

/** Every module, in the order they are reported. */
export const MUTATION_MODULES: readonly MutationModule[] = [
	{ name: 'crypto', mutate: ['src/lib/crypto/**/*.ts'] },
	{ name: 'gate', mutate: ['src/lib/gate/**/*.ts'] },
	{ name: 'publish', mutate: ['src/node/publish/**/*.ts'] },
	{ name: 'leak-scan', mutate: ['src/lib/leak-scan.ts'] },
	{ name: 'check', mutate: ['src/lib/check/**/*.ts'] },
	{ name: 'schedule', mutate: ['src/lib/schedule.ts', 'src/lib/schedule/**/*.ts'] },
	{ name: 'feedback-merge', mutate: ['src/lib/feedback/merge/**/*.ts'] },
	{ name: 'relay-handler', mutate: ['src/relay/handler.ts'] },
];

/** The lowest mutation score (percent) each module may have; a run below it fails. */
export const MUTATION_SCORE_FLOOR = 85;
