/** Which kind of Mermaid diagram a source is, read from its header line. */
import { findDiagramHeader } from '../../lib/mermaid-blocks.ts';

/** The diagram keyword (`flowchart`, `graph`, `sequenceDiagram`, ...) of `source`'s header line; '' when none. */
export function getDiagramType(source: string): string {
	return findDiagramHeader(source.split(/\r?\n/)).split(/[\s;]/, 1)[0];
}

/** Whether the source is a flowchart, the one type beautiful-mermaid draws as faithfully as Mermaid here. */
export function isFlowchart(source: string): boolean {
	const type = getDiagramType(source);
	return type === 'flowchart' || type === 'graph';
}
