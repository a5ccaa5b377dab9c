/**
 * Inline code spans as CommonMark and MDX read them, so the body checks blank code and nothing
 * else: a span opens with a run of backticks that no backslash escapes and closes at the next run
 * of exactly as many. A backtick run without its match is plain text, and so is what follows it:
 * in "`{x}``" MDX runs `{x}` as code.
 */
const CODE_SPAN = /(?<!`)(?<!(?:^|[^\\])(?:\\\\)*\\)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g;

/** `line` with every inline code span replaced by as many spaces, so positions stay where they were. */
export function blankInlineCode(line: string): string {
	return line.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
}
