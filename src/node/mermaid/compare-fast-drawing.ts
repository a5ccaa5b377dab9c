/**
 * Whether beautiful-mermaid drew a hand-written flowchart as Mermaid reads it. The fast renderer
 * has its own parser, which misreads syntax Mermaid accepts (`B ---->|No| E[End]` became a node
 * "|No| E[End"), so its drawing is only used when it matches Mermaid's reading in every node,
 * edge, label, subgraph and direction, and the source uses nothing it does not know.
 */
import { parseMermaid } from 'beautiful-mermaid';
import { optimize } from 'svgo';
import type { MermaidFlowchart } from './parse-with-mermaid.ts';

/** Bumped whenever the comparison changes, so proofs cached by an older one are redone. */
export const COMPARE_VERSION = 1;

/** The nodes, edges and groups a drawn SVG carries (beautiful-mermaid marks them with data-*). */
export interface DrawnFlowchart {
	nodes: Array<{ id: string; label: string; shape: string }>;
	edges: Array<{ from: string; to: string; label: string; style: string; arrowStart: boolean; arrowEnd: boolean }>;
	groups: Array<{ id: string; label: string }>;
}

/** Reads the nodes, edges and groups out of beautiful-mermaid's SVG. */
export function readDrawnFlowchart(svg: string): DrawnFlowchart {
	const drawn: DrawnFlowchart = { nodes: [], edges: [], groups: [] };
	optimize(svg, {
		plugins: [
			{
				name: 'readDrawnFlowchart',
				fn: () => ({
					element: {
						enter: (node) => {
							const data = node.attributes;
							const kind = data.class;
							if (kind === 'node') drawn.nodes.push({ id: data['data-id'] ?? '', label: data['data-label'] ?? '', shape: data['data-shape'] ?? '' });
							else if (kind === 'subgraph') drawn.groups.push({ id: data['data-id'] ?? '', label: data['data-label'] ?? '' });
							else if (kind === 'edge') {
								drawn.edges.push({
									from: data['data-from'] ?? '',
									to: data['data-to'] ?? '',
									label: data['data-label'] ?? '',
									style: data['data-style'] ?? '',
									arrowStart: data['data-arrow-start'] === 'true',
									arrowEnd: data['data-arrow-end'] === 'true',
								});
							}
						},
					},
				}),
			},
		],
	});
	return drawn;
}

// Mermaid's vertex types that beautiful-mermaid draws with the same shape; a bare id is a box.
const SHAPES: Record<string, string> = {
	square: 'rectangle',
	round: 'rounded',
	diamond: 'diamond',
	stadium: 'stadium',
	circle: 'circle',
	subroutine: 'subroutine',
	doublecircle: 'doublecircle',
	hexagon: 'hexagon',
	cylinder: 'cylinder',
	odd: 'asymmetric',
	trapezoid: 'trapezoid',
	inv_trapezoid: 'trapezoid-alt',
};
const ARROWS: Record<string, { start: boolean; end: boolean }> = {
	arrow_point: { start: false, end: true },
	arrow_open: { start: false, end: false },
	double_arrow_point: { start: true, end: true },
};
const STROKES: Record<string, string> = { normal: 'solid', thick: 'thick', dotted: 'dotted' };
// Style properties the fast path draws (stroke-dasharray through the repair in render-with-beautiful).
const STYLE_PROPERTIES = new Set(['fill', 'stroke', 'stroke-width', 'color', 'stroke-dasharray']);
// Labels with markup, entity codes or Markdown are drawn differently by the two; Mermaid decides.
const PLAIN_LABEL = /^[^<>&#`*_\\ﬂ°¶ß]*$/;

/**
 * Every way the drawing differs from Mermaid's reading of the same source, or uses something the
 * fast renderer is not known to draw as Mermaid does; an empty list means the drawing is faithful.
 */
export function findFastDrawingDifferences(source: string, mermaid: MermaidFlowchart, svg: string): string[] {
	const differences: string[] = [];
	const differ = (text: string) => differences.push(text);
	if (/^\s*(---|%%\{)/m.test(source)) differ('front matter or an init directive (configuration the fast renderer ignores)');
	if (mermaid.title || mermaid.accessibleTitle || mermaid.accessibleDescription) differ('a title or accessible description');
	if (mermaid.hasTooltips) differ('tooltips');
	if (/\w@(\{|[-=.~<ox])/.test(source)) differ('edge ids or @{ } shapes');

	let fast;
	try {
		fast = parseMermaid(source);
	} catch (error) {
		return [`the fast renderer cannot parse it: ${(error as Error).message}`];
	}
	const direction = (value: string | undefined) => (value === 'TD' ? 'TB' : value);
	if (direction(fast.direction) !== direction(mermaid.direction)) differ(`direction ${fast.direction} instead of ${mermaid.direction}`);

	const drawn = readDrawnFlowchart(svg);
	const drawnNodes = new Map(drawn.nodes.map((node) => [node.id, node]));
	const subgraphIds = new Set(mermaid.subgraphs.map((subgraph) => subgraph.id));
	for (const node of mermaid.nodes) {
		// Mermaid also lists a subgraph's id among vertices when an edge points at the subgraph.
		if (subgraphIds.has(node.id)) {
			differ(`an edge to the subgraph "${node.id}"`);
			continue;
		}
		const mine = drawnNodes.get(node.id);
		if (mine === undefined) {
			differ(`node "${node.id}" is missing`);
			continue;
		}
		if (!isPlainType(node.labelType) || !PLAIN_LABEL.test(node.label)) differ(`node "${node.id}" has a formatted label`);
		else if (mine.label !== node.label) differ(`node "${node.id}" reads "${mine.label}" instead of "${node.label}"`);
		const shape = node.shape === undefined ? 'rectangle' : SHAPES[node.shape];
		if (shape !== mine.shape) differ(`node "${node.id}" is a ${mine.shape} instead of Mermaid's ${node.shape}`);
		const classes = node.classes.filter((name) => name !== 'default');
		if (classes.length > 1) differ(`node "${node.id}" has several classes`);
		if (classes.length === 1 && fast.classAssignments.get(node.id) !== classes[0]) differ(`node "${node.id}" lost its class ${classes[0]}`);
		if (!node.styles.every(isDrawnStyle)) differ(`node "${node.id}" has a style the fast renderer does not draw`);
	}
	const mermaidNodeIds = new Set(mermaid.nodes.map((node) => node.id));
	for (const node of drawn.nodes) if (!mermaidNodeIds.has(node.id)) differ(`an extra node "${node.id}" ("${node.label}")`);

	if (drawn.edges.length !== mermaid.edges.length) differ(`${drawn.edges.length} edges instead of ${mermaid.edges.length}`);
	// The fast renderer draws edges in its own order, so they are matched as a multiset.
	const drawnEdges = drawn.edges.map(describeDrawnEdge);
	mermaid.edges.forEach((edge, index) => {
		if (!isPlainType(edge.labelType) || !PLAIN_LABEL.test(edge.label)) differ(`edge ${index + 1} (${edge.start}-${edge.end}) has a formatted label`);
		if (!mermaid.edgeStyles[index].every(isDrawnStyle)) differ(`edge ${index + 1} has a style the fast renderer does not draw`);
		const arrows = ARROWS[edge.type];
		const stroke = STROKES[edge.stroke];
		if (arrows === undefined || stroke === undefined) {
			differ(`edge ${index + 1} (${edge.start}-${edge.end}) is a ${edge.type} ${edge.stroke} link`);
			return;
		}
		const wanted = describeDrawnEdge({ from: edge.start, to: edge.end, label: edge.label, style: stroke, arrowStart: arrows.start, arrowEnd: arrows.end });
		const at = drawnEdges.indexOf(wanted);
		if (at === -1) differ(`edge ${index + 1} (${wanted}) is not drawn`);
		else drawnEdges.splice(at, 1);
	});
	for (const extra of drawnEdges) differ(`an extra edge (${extra})`);

	for (const [name, styles] of mermaid.classDefs) if (!styles.every(isDrawnStyle)) differ(`class ${name} has a style the fast renderer does not draw`);

	const fastGroups = new Map(flattenGroups(fast.subgraphs).map((group) => [group.id, group]));
	if (fastGroups.size !== mermaid.subgraphs.length) differ(`${fastGroups.size} subgraphs instead of ${mermaid.subgraphs.length}`);
	for (const subgraph of mermaid.subgraphs) {
		const mine = fastGroups.get(subgraph.id);
		if (mine === undefined) {
			differ(`subgraph "${subgraph.id}" is missing`);
			continue;
		}
		if (!isPlainType(subgraph.labelType) || !PLAIN_LABEL.test(subgraph.title)) differ(`subgraph "${subgraph.id}" has a formatted title`);
		else if (mine.label !== subgraph.title) differ(`subgraph "${subgraph.id}" reads "${mine.label}" instead of "${subgraph.title}"`);
		if (direction(mine.direction) !== direction(subgraph.direction)) differ(`subgraph "${subgraph.id}" flows ${mine.direction ?? 'as the chart'} instead of ${subgraph.direction ?? 'as the chart'}`);
		const members = [...mine.nodeIds, ...mine.children.map((child) => child.id)].sort();
		if (members.join('\n') !== [...subgraph.members].sort().join('\n')) differ(`subgraph "${subgraph.id}" holds other nodes`);
	}
	if (drawn.groups.length !== mermaid.subgraphs.length) differ(`${drawn.groups.length} subgraphs drawn instead of ${mermaid.subgraphs.length}`);
	return differences;
}

function describeDrawnEdge(edge: DrawnFlowchart['edges'][number]): string {
	const arrow = `${edge.arrowStart ? '<' : ''}${edge.style}${edge.arrowEnd ? '>' : ''}`;
	return `${edge.from} ${arrow} ${edge.to}${edge.label === '' ? '' : ` "${edge.label}"`}`;
}

type FastGroup = ReturnType<typeof parseMermaid>['subgraphs'][number];
function flattenGroups(groups: FastGroup[]): FastGroup[] {
	return groups.flatMap((group) => [group, ...flattenGroups(group.children)]);
}

// `text` is a bare label, `string` a quoted one; `markdown` (backticks) is drawn differently.
function isPlainType(labelType: string): boolean {
	return labelType === 'text' || labelType === 'string';
}

function isDrawnStyle(style: string): boolean {
	const property = style.split(':', 1)[0].trim().toLowerCase();
	return property === '' || STYLE_PROPERTIES.has(property);
}
