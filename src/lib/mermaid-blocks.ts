/** Mermaid diagrams a rep writes in a plan's body: where they are, and what of them is not drawn. */

/** One fenced ```mermaid block of a plan file. */
export interface MermaidBlock {
	/** The diagram source, as between the fences. */
	source: string;
	/** The file line (from 1) of the source's first line, just below the opening fence. */
	line: number;
}

const OPENING = /^(\s*)(`{3,}|~{3,})\s*mermaid\s*$/;

/** Every fenced `mermaid` block in `text` (a whole plan file or a body), in order. */
export function findMermaidBlocks(text: string, firstLine = 1): MermaidBlock[] {
	const lines = text.split(/\r?\n/);
	const blocks: MermaidBlock[] = [];
	let fence: string | undefined;
	let start = 0;
	let isMermaid = false;
	lines.forEach((line, index) => {
		if (fence === undefined) {
			const opening = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
			if (opening === null) return;
			fence = opening[1];
			start = index + 1;
			isMermaid = OPENING.test(line);
			return;
		}
		if (new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(line)) {
			if (isMermaid) blocks.push({ source: lines.slice(start, index).join('\n'), line: firstLine + start });
			fence = undefined;
		}
	});
	return blocks;
}

// Statements that bind a script callback or a link to a diagram element, by diagram type.
const INTERACTIONS: Array<{ types: RegExp; statement: RegExp }> = [
	{ types: /^(flowchart|graph|gantt)/, statement: /^\s*click\s/ },
	{ types: /^classDiagram/, statement: /^\s*(click|link|callback)\s/ },
	{ types: /^sequenceDiagram/, statement: /^\s*links?\s[^:]*:/ },
];

/** A diagram with its interaction lines made comments, and which lines (from 0) those were. */
export interface WithoutInteractions {
	source: string;
	removed: number[];
}

/**
 * `source` with every `click` (and class diagrams' `link`/`callback`, sequence diagrams'
 * `link`/`links`) statement turned into a `%%` comment: the published site runs no diagram
 * callbacks and opens no diagram links, and a comment keeps every other line where it was.
 */
export function removeInteractions(source: string): WithoutInteractions {
	const lines = source.split('\n');
	const type = findDiagramHeader(lines);
	const rule = INTERACTIONS.find(({ types }) => types.test(type));
	const removed: number[] = [];
	if (rule === undefined) return { source, removed };
	const kept = lines.map((line, index) => {
		if (!rule.statement.test(line)) return line;
		removed.push(index);
		return `%% (removed: diagram links and callbacks are not supported)`;
	});
	return { source: kept.join('\n'), removed };
}

/**
 * The diagram's header line (`flowchart LR`, `sequenceDiagram`, ...): the first line that is not
 * blank, a `%%` comment or directive, or part of a `---` front-matter block; '' when none.
 */
export function findDiagramHeader(lines: readonly string[]): string {
	let index = 0;
	if (lines[0]?.trim() === '---') {
		const close = lines.findIndex((line, at) => at > 0 && line.trim() === '---');
		index = close === -1 ? lines.length : close + 1;
	}
	for (; index < lines.length; index++) {
		const line = lines[index].trim();
		if (line !== '' && !line.startsWith('%%')) return line;
	}
	return '';
}

const FRONT_MATTER_TITLE = /^\s*---\s*\n[\s\S]*?^title:\s*(.+?)\s*$[\s\S]*?^---\s*$/m;
const ACC_TITLE = /^\s*accTitle\s*:\s*(.+?)\s*$/m;
const TITLE_LINE = /^\s*title\s+(.+?)\s*$/m;

/**
 * The title a rep gave a diagram, for its visible caption: front matter `title:`, `accTitle:`, or a
 * `title` line (Gantt, pie, journey...); undefined when it has none.
 */
export function findDiagramTitle(source: string): string | undefined {
	const title = FRONT_MATTER_TITLE.exec(source)?.[1] ?? ACC_TITLE.exec(source)?.[1] ?? TITLE_LINE.exec(source)?.[1];
	const unquoted = title?.replace(/^(["'])(.*)\1$/, '$2').trim();
	return unquoted ? unquoted : undefined;
}
