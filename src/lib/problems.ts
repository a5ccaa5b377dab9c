/** Problems found in a plan, shaped so that a rep can read and fix them. */

/**
 * How serious a problem is: errors stop the build, warnings only with `--strict`; a reminder
 * (a date still to agree) never does, so a light plan can publish with open dates.
 */
export type Severity = 'error' | 'warning' | 'reminder';

/** One thing wrong with one plan. */
export interface Problem {
	/** The plan file, relative to the project, e.g. `plans/northwind.mdx`. */
	file: string;
	/** Where in the frontmatter, e.g. `actions[4].dependsOn[0]`; empty for the whole file. */
	path: string;
	/** What is wrong, naming the bad value. */
	message: string;
	/** What to do about it. */
	hint?: string;
	/** Line in the file, where known. */
	line?: number;
	severity: Severity;
	/** A stable name for the kind of problem, for tests and docs. */
	code: string;
}

/** Quotes a value for a message: strings in double quotes, the rest as JSON. */
export function quoteValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (typeof value === 'string') return JSON.stringify(value);
	if (value instanceof Date) return JSON.stringify(value.toISOString().slice(0, 10));
	const json = JSON.stringify(value);
	return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** One line (plus an indented hint) per problem: `file:line: path message`. */
export function formatProblem(problem: Problem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const label = problem.severity === 'error' ? '' : `${problem.severity}: `;
	const subject = problem.path ? `${problem.path} ` : '';
	const hint = problem.hint ? `\n    ${problem.hint}` : '';
	return `${where}: ${label}${subject}${problem.message}${hint}`;
}

/** Whether any problem stops the build (`strict` makes warnings count). */
export function hasBlockingProblems(problems: readonly Problem[], strict = false): boolean {
	return problems.some((problem) => isBlockingSeverity(problem.severity, strict));
}

/** Whether a problem of `severity` stops the build: errors always, warnings with `strict`, reminders never. */
export function isBlockingSeverity(severity: Severity, strict = false): boolean {
	return severity === 'error' || (strict && severity === 'warning');
}
