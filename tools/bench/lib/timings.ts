/** The phase timings a build writes to `MAPSITE_TIMINGS`, as the benchmark reads them. */
import { z } from 'astro/zod';

/**
 * Build phases in the order they run; the report prints one row each. `check` is `npm run check`'s
 * checks of every plan (before any page renders); `validate` is the gate's set-up after it (deal
 * ids, what to rebuild); `keys` wraps each gated deal's key under its password (PBKDF2).
 */
export const PHASES = ['check', 'validate', 'keys', 'render', 'diagrams', 'images', 'search', 'encrypt', 'leakScan', 'swap'] as const;

/** One build phase, e.g. `encrypt`. */
export type Phase = (typeof PHASES)[number];

/** The timings file: milliseconds per phase, and how much was built. */
export const BuildTimingsSchema = z.looseObject({
	/** Milliseconds per phase; a phase the build skipped may be missing or 0. */
	phases: z.partialRecord(z.enum(PHASES), z.number().nonnegative()),
	/** Deals built. */
	deals: z.number().int().nonnegative().optional(),
	/** Pages built. */
	pages: z.number().int().nonnegative().optional(),
});

/** A parsed timings file. */
export type BuildTimings = z.infer<typeof BuildTimingsSchema>;

/** Parses the text of a timings file; undefined when it is not one (an older build wrote nothing). */
export function parseBuildTimings(text: string | undefined): BuildTimings | undefined {
	if (text === undefined) return undefined;
	try {
		const parsed = BuildTimingsSchema.safeParse(JSON.parse(text));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}
