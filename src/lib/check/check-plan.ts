/** Checks plan files end to end: frontmatter, YAML, schema, then the rules across fields and plans. */
import { PlanSchema, type Plan } from '../../schema/plan.ts';
import type { Problem } from '../problems.ts';
import { findBodyProblems } from './body-checks.ts';
import { findLowContrastColors } from './brand-checks.ts';
import { findPlaceholders } from './placeholder-checks.ts';
import type { CheckContext } from './context.ts';
import { isYamlFailure, parseYaml } from './parse-yaml.ts';
import { findDuplicateIds, findOwnersOnWrongSide, findUnknownReferences } from './reference-checks.ts';
import {
	findDateChangeGaps,
	findDependencyCycles,
	findDueBeforeDependency,
	findMilestonesBeforeActions,
	findStatusAndDateMismatches,
} from './schedule-checks.ts';
import { describeSchemaIssues } from './schema-problems.ts';
import { isFrontmatterFailure, splitFrontmatter } from './split-frontmatter.ts';

/** One plan file after checking. */
export interface CheckedPlan {
	/** The file as given, e.g. `plans/northwind.mdx`. */
	file: string;
	/** The file name without folder and `.mdx`; it names the site. */
	slug: string;
	/** The parsed plan, present when the frontmatter matches the schema. */
	plan?: Plan;
	/** The MDX after the frontmatter. */
	body: string;
	/** Everything found wrong in this file, errors and warnings. */
	problems: Problem[];
}

/** A plan file's name and text. */
export interface PlanSource {
	file: string;
	source: string;
}

const CROSS_FIELD_CHECKS: ((context: CheckContext) => Problem[])[] = [
	findDuplicateIds,
	findUnknownReferences,
	findOwnersOnWrongSide,
	findDependencyCycles,
	findDueBeforeDependency,
	findStatusAndDateMismatches,
	findMilestonesBeforeActions,
	findDateChangeGaps,
	findLowContrastColors,
];

/** The slug of a plan file: its name without folders and without `.mdx`. */
export function getPlanSlug(file: string): string {
	const name = file.split(/[\\/]/).at(-1) ?? file;
	return name.replace(/\.mdx$/i, '');
}

/** Checks one plan file and reports every problem at once, sorted by line. */
export function checkPlanSource(file: string, source: string): CheckedPlan {
	const slug = getPlanSlug(file);
	const frontmatter = splitFrontmatter(source);
	if (isFrontmatterFailure(frontmatter)) {
		const problem: Problem = {
			file,
			path: '',
			line: frontmatter.line,
			severity: 'error',
			code: 'frontmatter-missing',
			message: frontmatter.reason,
			hint: frontmatter.hint,
		};
		return { file, slug, body: source, problems: [problem] };
	}
	const { body } = frontmatter;
	// The body is checked whatever state the frontmatter is in, so every problem shows at once.
	const bodyProblems = [...findBodyProblems(file, body, frontmatter.bodyLine), ...findPlaceholders(file, source)];
	const parsed = parseYaml(frontmatter.yaml, frontmatter.lineOffset);
	if (isYamlFailure(parsed)) {
		const problem: Problem = {
			file,
			path: '',
			line: parsed.line,
			severity: 'error',
			code: 'yaml-syntax',
			message: `is not valid YAML: ${parsed.reason}`,
			hint: 'Check indentation and quoting on this line and the one before; put text with ":" or "#" in double quotes.',
		};
		return { file, slug, body, problems: [problem, ...bodyProblems] };
	}
	const data = parsed.data ?? {};
	if (typeof data !== 'object' || Array.isArray(data)) {
		const problem: Problem = {
			file,
			path: '',
			line: 2,
			severity: 'error',
			code: 'frontmatter-not-fields',
			message: 'has frontmatter that is not a list of fields.',
			hint: 'Write the frontmatter as "name: value" lines, starting with "title:".',
		};
		return { file, slug, body, problems: [problem, ...bodyProblems] };
	}
	const result = PlanSchema.safeParse(data);
	if (!result.success) {
		const problems = describeSchemaIssues(file, PlanSchema, data, result.error.issues, parsed.locate);
		return { file, slug, body, problems: sortByLine([...problems, ...bodyProblems]) };
	}
	const context: CheckContext = { file, plan: result.data, locate: parsed.locate };
	const problems = CROSS_FIELD_CHECKS.flatMap((check) => check(context));
	return { file, slug, plan: result.data, body, problems: sortByLine([...problems, ...bodyProblems]) };
}

/**
 * Checks many plan files and the rules between them (no two may share a slug). `problems`
 * holds every problem of every plan plus the cross-plan ones, file by file.
 */
export function checkPlanSources(files: readonly PlanSource[]): { plans: CheckedPlan[]; problems: Problem[] } {
	const plans = files.map(({ file, source }) => checkPlanSource(file, source));
	const firstFile = new Map<string, string>();
	for (const checked of plans) {
		const first = firstFile.get(checked.slug);
		if (first === undefined) {
			firstFile.set(checked.slug, checked.file);
			continue;
		}
		checked.problems.unshift({
			file: checked.file,
			path: '',
			severity: 'error',
			code: 'slug-duplicate',
			message: `has the slug "${checked.slug}", which ${first} already uses.`,
			hint: 'Rename one of the files; the file name becomes the site name, so it must be unique across all folders.',
		});
	}
	return { plans, problems: plans.flatMap((checked) => checked.problems) };
}

// Stable sort keeps check order for problems on the same line (or with no line).
function sortByLine(problems: Problem[]): Problem[] {
	return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
