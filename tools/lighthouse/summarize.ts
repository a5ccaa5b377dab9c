/** Reads the parts of a Lighthouse result that `npm run lighthouse` reports: category scores and what failed. */
import { z } from 'astro/zod';

/** The categories mapsite holds targets for, in the order they are printed. */
export const LIGHTHOUSE_CATEGORIES = ['accessibility', 'performance', 'best-practices'] as const;

/** A category mapsite reports on. */
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

/** The targets of issue #3, as 0-100 scores: accessibility 100, performance at least 95. */
export const LIGHTHOUSE_TARGETS: Partial<Record<LighthouseCategory, number>> = { accessibility: 100, performance: 95 };

const AuditSchema = z.object({
	/** Lighthouse's audit id, e.g. `color-contrast`. */
	id: z.string(),
	/** One line saying what the audit checks. */
	title: z.string(),
	/** 0 to 1; null for audits that are informative or not applicable. */
	score: z.number().nullable(),
	/** `binary`, `numeric`, `metricSavings`, `informative`, `notApplicable`, `manual` or `error`. */
	scoreDisplayMode: z.string(),
	/** The measured figure, e.g. `1.2 s`. */
	displayValue: z.string().optional(),
});

const CategorySchema = z.object({
	/** 0 to 1; null when the category could not be scored. */
	score: z.number().nullable(),
	/** The audits that make up the category. */
	auditRefs: z.array(z.object({ id: z.string() })),
});

/** The subset of a Lighthouse result (LHR) read here; everything else passes through unchecked. */
export const LighthouseResultSchema = z.object({
	/** The page as it was finally shown. */
	finalDisplayedUrl: z.string().optional(),
	/** `mobile` or `desktop`, from the config the run used. */
	configSettings: z.object({ formFactor: z.string() }),
	categories: z.record(z.string(), CategorySchema),
	audits: z.record(z.string(), AuditSchema),
	/** Lighthouse's measure of this machine's CPU speed; performance scores are only comparable between similar figures. */
	environment: z.object({ benchmarkIndex: z.number() }).partial().optional(),
	/** Set when Lighthouse could not load or audit the page. */
	runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** A Lighthouse result as read by this module. */
export type LighthouseResult = z.infer<typeof LighthouseResultSchema>;

/** One audit that did not pass, under the category it counts for. */
export interface FailingAudit {
	category: LighthouseCategory;
	id: string;
	title: string;
	/** 0-100. */
	score: number;
	displayValue: string | undefined;
}

/** Scores (0-100, null when unscored) and failing audits of one Lighthouse run. */
export interface LighthouseSummary {
	formFactor: string;
	scores: Record<LighthouseCategory, number | null>;
	failing: FailingAudit[];
	runtimeError: string | undefined;
	/** Lighthouse's CPU benchmark of the machine that ran it (higher is faster). */
	benchmarkIndex: number | undefined;
}

// Lighthouse colours a numeric audit below 0.9 as not passed; a binary audit passes only at 1.
function isFailing(audit: z.infer<typeof AuditSchema>): boolean {
	if (audit.score === null) return false;
	if (audit.scoreDisplayMode === 'binary') return audit.score < 1;
	return (audit.scoreDisplayMode === 'numeric' || audit.scoreDisplayMode === 'metricSavings') && audit.score < 0.9;
}

const toPercent = (score: number | null): number | null => (score === null ? null : Math.round(score * 100));

/** Summarises a Lighthouse result: the three scores and every failing audit of those categories. */
export function summarizeLighthouseResult(input: unknown): LighthouseSummary {
	const result = LighthouseResultSchema.parse(input);
	const scores = Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((id) => [id, toPercent(result.categories[id]?.score ?? null)])) as Record<LighthouseCategory, number | null>;
	const failing: FailingAudit[] = [];
	for (const category of LIGHTHOUSE_CATEGORIES) {
		for (const ref of result.categories[category]?.auditRefs ?? []) {
			const audit = result.audits[ref.id];
			if (audit === undefined || !isFailing(audit)) continue;
			failing.push({ category, id: audit.id, title: audit.title, score: toPercent(audit.score) ?? 0, displayValue: audit.displayValue });
		}
	}
	return {
		formFactor: result.configSettings.formFactor,
		scores,
		failing,
		runtimeError: result.runtimeError && `${result.runtimeError.code}: ${result.runtimeError.message}`,
		benchmarkIndex: result.environment?.benchmarkIndex,
	};
}

/** Lists each target a summary misses, e.g. `mobile performance 91 is below 95`. */
export function findMissedTargets(summary: LighthouseSummary, targets = LIGHTHOUSE_TARGETS): string[] {
	return Object.entries(targets).flatMap(([category, target]) => {
		const score = summary.scores[category as LighthouseCategory];
		if (score === undefined || target === undefined) return [];
		if (score === null) return [`${summary.formFactor} ${category} was not scored`];
		return score < target ? [`${summary.formFactor} ${category} ${score} is below ${target}`] : [];
	});
}

/** Formats one run for the terminal: a line of scores, then one indented line per failing audit. */
export function formatLighthouseSummary(summary: LighthouseSummary): string {
	const scores = LIGHTHOUSE_CATEGORIES.map((category) => `${category} ${summary.scores[category] ?? 'n/a'}`).join('  ');
	const benchmark = summary.benchmarkIndex === undefined ? '' : `  (CPU benchmark index ${Math.round(summary.benchmarkIndex)})`;
	const lines = [`${summary.formFactor.padEnd(8)}${scores}${benchmark}`];
	if (summary.runtimeError) lines.push(`  Lighthouse could not audit the page: ${summary.runtimeError}`);
	for (const audit of summary.failing) {
		const figure = audit.displayValue ? ` (${audit.displayValue})` : '';
		lines.push(`  ${audit.category}: ${audit.id} ${audit.score}/100: ${audit.title}${figure}`);
	}
	if (summary.failing.length === 0 && !summary.runtimeError) lines.push('  no failing audits');
	return lines.join('\n');
}
