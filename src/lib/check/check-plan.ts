/** Checks plan files end to end: frontmatter, YAML, schema, then the rules across fields and plans. */
import { PlanSchema, type Plan } from '../../schema/plan.ts';
import type { Problem } from '../problems.ts';
import { findBodyProblems } from './body-checks.ts';
import { findLowContrastColors } from './brand-checks.ts';
import { findCalendarProblems, findDatesToAgree, findDueOnDaysOff } from './calendar-checks.ts';
import { findPlaceholders } from './placeholder-checks.ts';
import type { CheckContext } from './context.ts';
import { findSilentDueChanges } from './due-history-checks.ts';
import { buildPartialPlan } from './partial-plan.ts';
import { isYamlFailure, parseYaml } from './parse-yaml.ts';
import { getPlanSlug } from './plan-slug.ts';
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
	/** The file's text in the last commit (git `HEAD`); absent outside git or for a new file. */
	committedSource?: string;
}

/** Options of {@link checkPlanSource}. */
export interface CheckOptions {
	/** The file's text in the last commit, to find due dates that moved without a dateChanges entry. */
	committedSource?: string;
}

// Every rule across fields, one line each (add a module's check here). They also run over the
// partial plan of a file the schema rejected: its lists hold only the entries that parsed, and a
// required field that did not parse holds a neutral stand-in (see partial-plan.ts), so a check
// must report through `createProblem` (which maps entries back to their place in the file).
const CROSS_FIELD_CHECKS: ((context: CheckContext) => Problem[])[] = [
	findDuplicateIds,
	findUnknownReferences,
	findOwnersOnWrongSide,
	findDependencyCycles,
	findDueBeforeDependency,
	findStatusAndDateMismatches,
	findMilestonesBeforeActions,
	findDateChangeGaps,
	findSilentDueChanges,
	findLowContrastColors,
	findCalendarProblems,
	findDueOnDaysOff,
	findDatesToAgree,
];

export { getPlanSlug };

/**
 * Checks one plan file and reports every problem at once, sorted by line: the schema's findings
 * and the rules across fields over whatever did parse.
 */
export function checkPlanSource(file: string, source: string, options: CheckOptions = {}): CheckedPlan {
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
	const committed = haveSameDates(source, options.committedSource) ? undefined : readCommittedData(options.committedSource);
	const result = PlanSchema.safeParse(data);
	if (!result.success) {
		const schemaProblems = describeSchemaIssues(file, PlanSchema, data, result.error.issues, parsed.locate);
		const partial = buildPartialPlan(data as Record<string, unknown>);
		const context: CheckContext = { file, plan: partial.plan, locate: parsed.locate, data, sourceIndexes: partial.sourceIndexes, committed };
		const problems = CROSS_FIELD_CHECKS.flatMap((check) => check(context));
		return { file, slug, body, problems: sortByLine([...schemaProblems, ...problems, ...bodyProblems]) };
	}
	const context: CheckContext = { file, plan: result.data, locate: parsed.locate, data, committed };
	const problems = CROSS_FIELD_CHECKS.flatMap((check) => check(context));
	return { file, slug, plan: result.data, body, problems: sortByLine([...problems, ...bodyProblems]) };
}

// Parsing a 500-action plan a second time is measurable, and most edits move no date: when every
// id and due reads the same, in the same order, nothing can have moved and the parse is skipped.
function haveSameDates(source: string, committed: string | undefined): boolean {
	if (committed === undefined || committed === source) return true;
	const idsAndDues = (text: string) => Array.from(text.matchAll(/\b(?:id|due)\s*:\s*([^\s,}#]*)/g), (match) => match[0]).join('\n');
	return idsAndDues(source) === idsAndDues(committed);
}

// The committed text is only compared with, never reported on: when it does not parse, there is nothing to compare.
function readCommittedData(source: string | undefined): unknown {
	if (source === undefined) return undefined;
	const frontmatter = splitFrontmatter(source);
	if (isFrontmatterFailure(frontmatter)) return undefined;
	const parsed = parseYaml(frontmatter.yaml, frontmatter.lineOffset);
	return isYamlFailure(parsed) ? undefined : (parsed.data ?? undefined);
}

/** Options of {@link checkPlanSources}. */
export interface CheckSourcesOptions {
	/**
	 * Checks one file; defaults to {@link checkPlanSource}. The build passes one that answers from
	 * its cache of earlier results (src/node/check-cache.ts), which must give what checkPlanSource would.
	 */
	checkOne?: (source: PlanSource) => CheckedPlan;
}

/**
 * Checks many plan files and the rules between them (no two may share a slug). `problems`
 * holds every problem of every plan plus the cross-plan ones, file by file.
 */
export function checkPlanSources(files: readonly PlanSource[], options: CheckSourcesOptions = {}): { plans: CheckedPlan[]; problems: Problem[] } {
	const checkOne = options.checkOne ?? (({ file, source, committedSource }: PlanSource) => checkPlanSource(file, source, { committedSource }));
	const firstFile = new Map<string, string>();
	// A plan's own result is never changed in place: it may be shared with a cache.
	const plans = files.map((source) => {
		const checked = checkOne(source);
		const first = firstFile.get(checked.slug);
		if (first === undefined) {
			firstFile.set(checked.slug, checked.file);
			return checked;
		}
		const duplicate: Problem = {
			file: checked.file,
			path: '',
			severity: 'error',
			code: 'slug-duplicate',
			message: `has the slug "${checked.slug}", which ${first} already uses.`,
			hint: 'Rename one of the files; the file name becomes the site name, so it must be unique across all folders.',
		};
		return { ...checked, problems: [duplicate, ...checked.problems] };
	});
	return { plans, problems: plans.flatMap((checked) => checked.problems) };
}

// Stable sort keeps check order for problems on the same line (or with no line).
function sortByLine(problems: Problem[]): Problem[] {
	return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
