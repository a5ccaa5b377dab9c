/**
 * Plan check results kept between builds. Checking a plan is mostly parsing its YAML with line
 * positions (about 10 ms for a 14 kB plan on the 2-core machine), so a warm build of 200 deals
 * would spend seconds re-checking files that did not change. A result is reused only for the same
 * file name and text, checked by the same code (see hashTool), so a reused result is exactly the
 * one checking again would give; anything else is checked again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'astro/zod';
import { checkPlanSource, type CheckedPlan, type PlanSource } from '../lib/check/index.ts';
import type { Severity } from '../lib/problems.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/** One problem as the cache stores it (the fields of src/lib/problems.ts). */
const CachedProblemSchema = z.strictObject({
	file: z.string(),
	path: z.string(),
	message: z.string(),
	hint: z.string().optional(),
	line: z.number().optional(),
	severity: z.enum(['error', 'warning', 'reminder']) satisfies z.ZodType<Severity>,
	code: z.string(),
});

/**
 * One plan's result. The plan itself is what PlanSchema returned for this very text under this
 * very code, so it is not parsed a second time: that would cost most of what the cache saves.
 */
const CachedCheckSchema = z.strictObject({
	file: z.string(),
	slug: z.string(),
	plan: z.record(z.string(), z.unknown()).optional(),
	body: z.string(),
	problems: z.array(CachedProblemSchema),
});

/** The cache file: results by {@link hashPlanSource}, valid only for the code version they were made with. */
const CheckCacheFileSchema = z.strictObject({
	v: z.literal(1),
	/** The code that made the results, as hashTool gives it. */
	code: z.string(),
	entries: z.record(z.string(), CachedCheckSchema),
});

/** How many plans were answered from the cache and how many were checked. */
export interface CheckCacheStats {
	reused: number;
	checked: number;
}

/** A cache opened for one build. */
export interface CheckCache {
	/** Checks one plan, or returns the result of an identical earlier check; pass to checkPlanSources. */
	checkOne: (source: PlanSource) => CheckedPlan;
	stats: CheckCacheStats;
	/** Writes the results of this build's plans (and only those) when anything changed. */
	save: () => Promise<void>;
}

/** The cache key of a plan: its file name, text and committed text (which some checks compare with). */
export function hashPlanSource({ file, source, committedSource }: PlanSource): string {
	return createHash('sha256').update(JSON.stringify([file, source, committedSource ?? null])).digest('base64url');
}

/** Opens the cache in `file` for results made by code `codeVersion`; a missing, stale or unreadable file starts it empty. */
export async function openCheckCache(file: string, codeVersion: string): Promise<CheckCache> {
	const previous = await readCacheFile(file, codeVersion);
	const entries: Record<string, CheckedPlan> = {};
	const stats: CheckCacheStats = { reused: 0, checked: 0 };
	return {
		stats,
		checkOne(source) {
			const key = hashPlanSource(source);
			const cached = previous?.[key];
			if (cached) {
				stats.reused++;
				entries[key] = cached;
				return cached;
			}
			stats.checked++;
			entries[key] = checkPlanSource(source.file, source.source, { committedSource: source.committedSource });
			return entries[key];
		},
		async save() {
			const unchanged = previous && stats.checked === 0 && Object.keys(previous).length === Object.keys(entries).length;
			if (unchanged) return;
			await mkdir(dirname(file), { recursive: true });
			await writeFileAtomic(file, `${JSON.stringify({ v: 1, code: codeVersion, entries })}\n`);
		},
	};
}

async function readCacheFile(file: string, codeVersion: string): Promise<Record<string, CheckedPlan> | undefined> {
	try {
		const parsed = CheckCacheFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
		// The plan came from PlanSchema when it was written; see CachedCheckSchema.
		return parsed.success && parsed.data.code === codeVersion ? (parsed.data.entries as Record<string, CheckedPlan>) : undefined;
	} catch {
		// Missing, unreadable or not JSON: every plan is checked again, never "fail the build".
		return undefined;
	}
}
