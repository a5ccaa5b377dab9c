/** Reads StrykerJS's JSON report (mutation-testing-report-schema) and scores each module of MUTATION_MODULES. */
import { z } from 'astro/zod';
import type { MutationModule } from './modules.ts';

const MutantSchema = z.object({
	/** Stryker's id of the mutant, unique within the report. */
	id: z.string(),
	/** Which mutator made it, e.g. `ConditionalExpression`. */
	mutatorName: z.string(),
	/** The code put in place of the original, when Stryker records it. */
	replacement: z.string().optional(),
	/** Killed, Survived, NoCoverage, Timeout, CompileError, RuntimeError, Ignored or Pending. */
	status: z.string(),
	/** Where in the file. */
	location: z.object({ start: z.object({ line: z.number(), column: z.number() }) }),
});

/** The subset of the report read here. */
export const MutationReportSchema = z.object({
	/** Source file path (relative to the project root) to its mutants. */
	files: z.record(z.string(), z.object({ mutants: z.array(MutantSchema) })),
});

/** The parsed report. */
export type MutationReport = z.infer<typeof MutationReportSchema>;

/** One module's counts and score. */
export interface ModuleScore {
	name: string;
	killed: number;
	survived: number;
	noCoverage: number;
	timeout: number;
	/** Ignored (static), compile and runtime errors: not counted in the score. */
	other: number;
	/** (killed + timeout) / (killed + timeout + survived + noCoverage) in percent; undefined when nothing was tested. */
	score: number | undefined;
	/** Each surviving or uncovered mutant as `file:line:column mutator`, for the reviewer to judge. */
	survivors: string[];
}

/** Turns a glob of modules.ts (`dir/**` + `/*.ts` or a file) into a test of a report path. */
function matchesGlob(glob: string, path: string): boolean {
	const base = glob.split('**')[0];
	return glob.includes('**') ? path.startsWith(base) && path.endsWith('.ts') : path === glob;
}

/** Scores each module present in the report; modules with no mutated file in it are left out. */
export function scoreModules(report: MutationReport, modules: readonly MutationModule[]): ModuleScore[] {
	const scores: ModuleScore[] = [];
	for (const module of modules) {
		const files = Object.entries(report.files).filter(([path]) => module.mutate.some((glob) => matchesGlob(glob, path)));
		if (files.length === 0) continue;
		const score: ModuleScore = { name: module.name, killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0, score: undefined, survivors: [] };
		for (const [path, { mutants }] of files) {
			for (const mutant of mutants) {
				if (mutant.status === 'Killed') score.killed++;
				else if (mutant.status === 'Timeout') score.timeout++;
				else if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
					if (mutant.status === 'Survived') score.survived++;
					else score.noCoverage++;
					score.survivors.push(`${path}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName}${mutant.status === 'NoCoverage' ? ' (no test runs it)' : ''}`);
				} else score.other++;
			}
		}
		const detected = score.killed + score.timeout;
		const valid = detected + score.survived + score.noCoverage;
		score.score = valid === 0 ? undefined : (detected / valid) * 100;
		scores.push(score);
	}
	return scores;
}

/** The modules whose score is below `floor` (percent). */
export function findModulesBelowFloor(scores: readonly ModuleScore[], floor: number): ModuleScore[] {
	return scores.filter((module) => module.score !== undefined && module.score < floor);
}

/** A table of the scores, one module a line, then the floor and any module below it. */
export function formatModuleScores(scores: readonly ModuleScore[], floor: number): string {
	const width = Math.max(...scores.map((module) => module.name.length), 'module'.length);
	const lines = [`${'module'.padEnd(width)}  score   killed  timeout  survived  no cover`];
	for (const module of scores) {
		const score = module.score === undefined ? '   n/a' : `${module.score.toFixed(1).padStart(5)}%`;
		lines.push(`${module.name.padEnd(width)}  ${score}  ${String(module.killed).padStart(6)}  ${String(module.timeout).padStart(7)}  ${String(module.survived).padStart(8)}  ${String(module.noCoverage).padStart(8)}`);
	}
	const below = findModulesBelowFloor(scores, floor);
	lines.push(below.length === 0 ? `Every module scores at least ${floor}%.` : `Below the floor of ${floor}%: ${below.map((module) => module.name).join(', ')}. Kill the survivors with tests, or list them as equivalent in docs/mutation.md.`);
	return lines.join('\n');
}
