/** Cuts a plan file into the text before, inside and after its frontmatter, without touching a byte. */

/** The three parts of a plan file; `head + yaml + tail` is the file again. */
export interface FrontmatterParts {
	/** The opening fence line with its line break (and a byte order mark, if any). */
	head: string;
	/** The YAML between the fences, with `\n` line breaks. */
	yaml: string;
	/** The closing fence and the MDX body, exactly as in the file. */
	tail: string;
	/** The line break the frontmatter used, so it can be written back the same way. */
	lineBreak: '\n' | '\r\n';
}

const FENCE = /^---[ \t]*\r?$/;

/** The parts of `source`, or undefined when it has no `---` fenced frontmatter at the top. */
export function splitFrontmatterText(source: string): FrontmatterParts | undefined {
	const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
	const lines = source.slice(bom.length).split('\n');
	if (!FENCE.test(lines[0] ?? '')) return undefined;
	const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
	if (close === -1) return undefined;
	const lineBreak = lines[0]!.endsWith('\r') ? '\r\n' : '\n';
	const yamlLines = lines.slice(1, close).map((line) => line.replace(/\r$/, ''));
	return {
		head: `${bom}${lines[0]}\n`,
		yaml: yamlLines.length === 0 ? '' : `${yamlLines.join('\n')}\n`,
		tail: lines.slice(close).join('\n'),
		lineBreak,
	};
}

/** Puts a file back together with new YAML in place of the old. */
export function joinFrontmatterText(parts: FrontmatterParts, yaml: string): string {
	const text = yaml === '' || yaml.endsWith('\n') ? yaml : `${yaml}\n`;
	return `${parts.head}${parts.lineBreak === '\n' ? text : text.replace(/\n/g, '\r\n')}${parts.tail}`;
}
