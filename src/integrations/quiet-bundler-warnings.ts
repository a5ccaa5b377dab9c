/**
 * Keeps one warning of Astro's own making out of a rep's build output. Every MDX plan is compiled
 * with Astro's internal `"use astro:head-inject"` directive, which Rolldown (Vite 8's bundler)
 * reports as a module-level directive it may not preserve: ten lines of box drawing per plan, about
 * nothing the rep wrote or can change (withastro/astro#18087, open). Every other warning still
 * goes through.
 */
/** The part of a Rolldown log this needs (rolldown is Vite's dependency, not ours). */
interface BundlerLog {
	code?: string;
	message: string;
}

const ASTRO_HEAD_INJECT = '"use astro:head-inject"';

/** True for the one warning above; narrow on purpose, so a directive in a rep's own code still warns. */
export function isAstroHeadInjectWarning(log: BundlerLog): boolean {
	return log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes(ASTRO_HEAD_INJECT);
}

/** A Rolldown `onwarn` that drops that warning and hands every other one to the default handler. */
export function quietAstroHeadInjectWarnings<Log extends BundlerLog>(warning: Log, warn: (warning: Log) => void): void {
	if (!isAstroHeadInjectWarning(warning)) warn(warning);
}
