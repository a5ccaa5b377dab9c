/** What every cross-field check gets, and a helper to build its problems. */
import type { Plan } from '../../schema/plan.ts';
import type { Problem, Severity } from '../problems.ts';
import { formatFieldPath } from './field-path.ts';
import type { FieldPath, LocateLine } from './parse-yaml.ts';

/** A schema-valid plan with its file name and line lookup. */
export interface CheckContext {
	file: string;
	plan: Plan;
	locate: LocateLine;
}

/** The parts of a problem a check decides; file, path text and line are filled in. */
export interface Finding {
	code: string;
	message: string;
	hint?: string;
	severity?: Severity;
}

/** Builds a problem at `path`, an error unless the finding says otherwise. */
export function createProblem(context: CheckContext, path: FieldPath, finding: Finding): Problem {
	return {
		file: context.file,
		path: formatFieldPath(path),
		line: context.locate(path),
		severity: finding.severity ?? 'error',
		code: finding.code,
		message: finding.message,
		...(finding.hint ? { hint: finding.hint } : {}),
	};
}
