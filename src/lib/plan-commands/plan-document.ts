/** Opens a plan for a command and writes the edited document back, checked like `npm run check`. */
import { isMap, parseDocument, type Document } from 'yaml';
import type { Plan } from '../../schema/plan.ts';
import { checkPlanSource } from '../check/index.ts';
import { joinFrontmatterText, splitFrontmatterText, type FrontmatterParts } from '../feedback/merge/frontmatter-text.ts';
import { printKeepingLayout } from '../feedback/merge/keep-layout.ts';
import { formatProblem, type Problem } from '../problems.ts';
import type { PlanCommandInput } from './types.ts';

/** A plan that passed the check, ready to edit. */
export interface OpenPlan {
	plan: Plan;
	doc: Document;
	parts: FrontmatterParts;
}

/** The plan of `input`, or why a command cannot work on it (it has errors). */
export function openPlan(input: PlanCommandInput): OpenPlan | { problems: string[] } {
	const checked = checkPlanSource(input.file, input.source, { committedSource: input.committedSource });
	const errors = checked.problems.filter((problem) => problem.severity === 'error');
	const parts = splitFrontmatterText(input.source);
	if (errors.length > 0 || !checked.plan || !parts) {
		return { problems: [`${input.file} has errors, so the command changed nothing. Fix them first (npm run check lists them too):`, ...indent(errors)] };
	}
	const doc = parseDocument(parts.yaml, { uniqueKeys: true });
	if (doc.errors.length > 0 || !isMap(doc.contents)) return { problems: [`${input.file} could not be read as YAML; run npm run check.`] };
	return { plan: checked.plan, doc, parts };
}

/** Whether {@link openPlan} refused. */
export function isRefused(opened: OpenPlan | { problems: string[] }): opened is { problems: string[] } {
	return 'problems' in opened;
}

/**
 * The file text after the edit, with comments, order and layout kept outside the edited lines,
 * and the checked plan; or the errors the edit would cause, so nothing is written.
 */
export function closePlan(input: PlanCommandInput, opened: OpenPlan): { source: string; plan: Plan } | { problems: string[] } {
	const source = joinFrontmatterText(opened.parts, printKeepingLayout(opened.parts.yaml, opened.doc));
	const checked = checkPlanSource(input.file, source, { committedSource: input.committedSource });
	const errors = checked.problems.filter((problem) => problem.severity === 'error');
	if (errors.length > 0 || !checked.plan) {
		return { problems: [`This change would make ${input.file} invalid, so nothing was changed:`, ...indent(errors)] };
	}
	return { source, plan: checked.plan };
}

function indent(problems: readonly Problem[]): string[] {
	return problems.map((problem) => `  ${formatProblem(problem).replace(/\n/g, '\n  ')}`);
}
