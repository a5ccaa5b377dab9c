/** Which kind of Mermaid diagram a source is, read from its header line. */

/**
 * The diagram keyword (`flowchart`, `graph`, `sequenceDiagram`, ...) from the first line that is
 * not blank, a `%%` comment or directive, or part of a `---` front-matter block; '' when none.
 */
export function getDiagramType(source: string): string {
	const lines = source.split(/\r?\n/);
	let index = 0;
	if (lines[0]?.trim() === '---') {
		const close = lines.findIndex((line, at) => at > 0 && line.trim() === '---');
		index = close === -1 ? lines.length : close + 1;
	}
	for (; index < lines.length; index++) {
		const line = lines[index].trim();
		if (line === '' || line.startsWith('%%')) continue;
		return line.split(/[\s;]/, 1)[0];
	}
	return '';
}

/** Whether the source is a flowchart, the one type beautiful-mermaid draws as faithfully as Mermaid here. */
export function isFlowchart(source: string): boolean {
	const type = getDiagramType(source);
	return type === 'flowchart' || type === 'graph';
}
