/** Where a reader should start looking in a drawn flowchart that is wider than the screen. */

const FIRST_BOX = /<g class="(?:subgraph|node)"[^>]*>\s*<rect x="([\d.]+)" y="([\d.]+)"/g;

/**
 * The left edge, in SVG px, of the diagram's topmost box (a milestone group or a step; the
 * leftmost of equals), or `undefined` when the SVG does not lay its boxes out as plain
 * `<g class="node|subgraph"><rect x y>` (beautiful-mermaid does; Mermaid uses transforms).
 */
export function findDiagramStart(svg: string): number | undefined {
	let best: { x: number; y: number } | undefined;
	for (const match of svg.matchAll(FIRST_BOX)) {
		const box = { x: Number(match[1]), y: Number(match[2]) };
		if (best === undefined || box.y < best.y || (box.y === best.y && box.x < best.x)) best = box;
	}
	return best?.x;
}
