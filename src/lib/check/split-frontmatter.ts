/** Splits an MDX plan into its YAML frontmatter and its body. */

/** The frontmatter text and where it sits in the file. */
export interface Frontmatter {
	/** The YAML between the `---` fences. */
	yaml: string;
	/** How many lines come before the YAML, so YAML line 1 is file line `lineOffset + 1`. */
	lineOffset: number;
	/** Everything after the closing fence. */
	body: string;
	/** The file line the body starts on. */
	bodyLine: number;
}

/** Why no frontmatter could be found, with the line to point at. */
export interface FrontmatterFailure {
	reason: string;
	hint: string;
	line: number;
}

const FENCE = /^---[ \t]*$/;

/** Finds the `---` fenced frontmatter at the very top of `source`. */
export function splitFrontmatter(source: string): Frontmatter | FrontmatterFailure {
	const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
	const lines = text.split(/\r?\n/);
	if (!FENCE.test(lines[0] ?? '')) {
		return {
			reason: 'does not start with a "---" line, so it has no frontmatter.',
			hint: 'Put the plan between two "---" lines at the top of the file; `npm run new` writes a starting point.',
			line: 1,
		};
	}
	const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
	if (close === -1) {
		return {
			reason: 'has no closing "---" line after the frontmatter.',
			hint: 'Add a line with only "---" where the YAML ends and the page text begins.',
			line: lines.length,
		};
	}
	return { yaml: lines.slice(1, close).join('\n'), lineOffset: 1, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

/** Whether {@link splitFrontmatter} failed. */
export function isFrontmatterFailure(result: Frontmatter | FrontmatterFailure): result is FrontmatterFailure {
	return 'reason' in result;
}
