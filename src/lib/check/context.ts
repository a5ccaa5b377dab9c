/** What every cross-field check gets, and helpers to build its problems. */
import type { Plan } from '../../schema/plan.ts';
import type { Problem, Severity } from '../problems.ts';
import { formatFieldPath } from './field-path.ts';
import type { FieldPath, LocateLine } from './parse-yaml.ts';

/** The lists of a plan whose entries a partial plan may leave out. */
export type PlanList = 'stakeholders' | 'milestones' | 'actions' | 'risks' | 'checkins' | 'successCriteria';

/**
 * A plan to check, with its file name and line lookup. When the frontmatter does not match the
 * schema, `plan` holds what did parse (see `buildPartialPlan`), so the rules across fields still
 * run over it and every problem shows in one run.
 */
export interface CheckContext {
	file: string;
	plan: Plan;
	locate: LocateLine;
	/** The frontmatter exactly as YAML parsed it, before the schema. */
	data: unknown;
	/**
	 * For a partial plan: the position in the file of each entry kept in a list, by list. Absent
	 * lists (and a complete plan) keep every entry in place.
	 */
	sourceIndexes?: Partial<Record<PlanList, readonly number[]>>;
	/** The frontmatter of the plan's last committed version (git `HEAD`), when there is one. */
	committed?: unknown;
}

/** The parts of a problem a check decides; file, path text and line are filled in. */
export interface Finding {
	code: string;
	message: string;
	hint?: string;
	severity?: Severity;
}

/**
 * Builds a problem at `path`, a path into `context.plan`, an error unless the finding says
 * otherwise. The path is mapped to the entry's place in the file when the plan is partial.
 */
export function createProblem(context: CheckContext, path: FieldPath, finding: Finding): Problem {
	return createProblemInFile(context, toSourcePath(context, path), finding);
}

/** Builds a problem at `path`, a path into `context.data` (the file as written). */
export function createProblemInFile(context: CheckContext, path: FieldPath, finding: Finding): Problem {
	return {
		file: context.file,
		path: formatFieldPath(path, context.data),
		line: context.locate(path),
		severity: finding.severity ?? 'error',
		code: finding.code,
		message: finding.message,
		...(finding.hint ? { hint: finding.hint } : {}),
	};
}

/** The position in the file of entry `index` of `list` in `context.plan`. */
export function getSourceIndex(context: CheckContext, list: PlanList, index: number): number {
	return context.sourceIndexes?.[list]?.[index] ?? index;
}

function toSourcePath(context: CheckContext, path: FieldPath): FieldPath {
	const [list, index, ...rest] = path;
	if (!context.sourceIndexes || typeof index !== 'number' || !(String(list) in context.sourceIndexes)) return path;
	return [list!, getSourceIndex(context, list as PlanList, index), ...rest];
}
