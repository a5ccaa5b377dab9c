/**
 * Keeps the holiday lookups of a command between its runs, in `.mapsite/cache/holidays.json`:
 * a plan's holidays do not change for one version of `date-holidays`, and a warm `npm run check`
 * then never loads the library (src/lib/schedule/holidays.ts). A file from another version of
 * the library, or one that does not read as this format, is ignored and replaced.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'astro/zod';
import { exportHolidayMemo, primeHolidayMemo } from '../lib/schedule/holidays.ts';
import { readPackageVersion } from './mermaid/package-info.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

const HolidayCacheSchema = z.strictObject({
	v: z.literal(1),
	/** The `date-holidays` version that gave these answers. */
	library: z.string(),
	years: z.record(z.string(), z.array(z.strictObject({ date: z.string(), name: z.string() }))),
	countries: z.record(z.string(), z.record(z.string(), z.string())),
	regions: z.record(z.string(), z.array(z.string())),
});

/** A cache opened for one run. */
export interface HolidayCache {
	/** Writes what this run looked up, when it looked up anything new. */
	save: () => Promise<void>;
}

/** Primes the holiday lookups from `file` when it was written by this library version. */
export async function openHolidayCache(file: string): Promise<HolidayCache> {
	const library = readPackageVersion('date-holidays');
	const text = await readFile(file, 'utf8').catch(() => undefined);
	let kept: string | undefined;
	if (text !== undefined) {
		try {
			const parsed = HolidayCacheSchema.safeParse(JSON.parse(text));
			if (parsed.success && parsed.data.library === library) {
				primeHolidayMemo(parsed.data);
				kept = text;
			}
		} catch {
			// Not JSON: checked afresh and written anew.
		}
	}
	return {
		async save() {
			const next = `${JSON.stringify({ v: 1, library, ...exportHolidayMemo() })}\n`;
			if (next === kept) return;
			await mkdir(dirname(file), { recursive: true });
			await writeFileAtomic(file, next);
		},
	};
}
