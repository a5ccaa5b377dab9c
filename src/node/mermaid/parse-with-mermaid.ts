/**
 * Mermaid's own parser, run in Node without a browser: the judge of whether a source is valid and,
 * for flowcharts, of what it contains (nodes, edges, labels, subgraphs, direction).
 */
import DOMPurify from 'dompurify';

/** A flowchart as Mermaid itself read it. */
export interface MermaidFlowchart {
	/** `TB`, `BT`, `LR` or `RL` (Mermaid reads `TD` as `TB`). */
	direction: string;
	nodes: Array<{ id: string; label: string; labelType: string; shape: string | undefined; classes: string[]; styles: string[] }>;
	edges: Array<{ start: string; end: string; label: string; labelType: string; type: string; stroke: string; id?: string }>;
	subgraphs: Array<{ id: string; title: string; labelType: string; members: string[]; direction: string | undefined }>;
	classDefs: Map<string, string[]>;
	/** `linkStyle` styles by edge index. */
	edgeStyles: string[][];
	hasTooltips: boolean;
	title: string;
	accessibleTitle: string;
	accessibleDescription: string;
}

/** What Mermaid made of one source. */
export type MermaidParse =
	| { ok: true; type: string; flowchart?: MermaidFlowchart }
	| { ok: false; message: string; line?: number };

interface MermaidModule {
	parse(text: string): Promise<unknown>;
	mermaidAPI: { getDiagramFromText(text: string): Promise<{ type: string; db: FlowDb }> };
}

interface FlowDb {
	getVertices(): Map<string, { id: string; text?: string; labelType?: string; type?: string; classes: string[]; styles: string[] }>;
	getEdges(): Array<{ start: string; end: string; text?: string; labelType?: string; type?: string; stroke?: string; id?: string; style?: string[] }>;
	getSubGraphs(): Array<{ id: string; title: string; labelType?: string; nodes: string[]; dir?: string }>;
	getClasses(): Map<string, { styles: string[] }>;
	getDirection(): string;
	getTooltip?(id: string): string | undefined;
	tooltips?: Map<string, string>;
	getDiagramTitle(): string;
	getAccTitle(): string;
	getAccDescription(): string;
}

let loaded: Promise<MermaidModule> | undefined;

/**
 * Mermaid, imported once per process. Its label sanitiser calls DOMPurify, which in Node (no
 * window) has no `sanitize` or hooks and would throw. It gets a stand-in that escapes markup
 * instead: fail closed, so anything else in this process that reached for DOMPurify in Node would
 * get escaped text rather than raw HTML. Only parsing runs here; drawing stays in Chromium.
 */
function loadMermaid(): Promise<MermaidModule> {
	loaded ??= (async () => {
		const purify = DOMPurify as unknown as Record<string, unknown>;
		if (purify.isSupported === false && typeof purify.sanitize !== 'function') {
			purify.sanitize = (text: unknown) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
			purify.addHook = () => undefined;
			purify.removeHook = () => undefined;
			purify.removeHooks = () => undefined;
			purify.removeAllHooks = () => undefined;
		}
		const module = (await import('mermaid')) as unknown as { default: MermaidModule };
		return module.default;
	})();
	return loaded;
}

/**
 * Parses `source` with Mermaid. A rejected source gives Mermaid's message and, where Mermaid
 * says, the line of `source` it stopped at (counted from 1, front matter included).
 */
export async function parseWithMermaid(source: string): Promise<MermaidParse> {
	const mermaid = await loadMermaid();
	try {
		await mermaid.parse(source);
		const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
		if (!diagram.type.startsWith('flowchart')) return { ok: true, type: diagram.type };
		return { ok: true, type: diagram.type, flowchart: readFlowchart(diagram.db) };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const line = findErrorLine(source, message, error);
		// An unclosed label is reported where the input ends, below the last line; point at that line.
		const lastLine = source.trimEnd().split(/\r?\n/).length;
		return { ok: false, message, line: line === undefined ? undefined : Math.min(line, lastLine) };
	}
}

function readReportedLine(message: string, error: unknown): number | undefined {
	const hash = (error as { hash?: { loc?: { first_line?: number } } }).hash;
	const reported = /on line (\d+)/.exec(message)?.[1] ?? hash?.loc?.first_line;
	return reported === undefined ? undefined : Number(reported);
}

// Mermaid counts lines after removing the front matter, every `%%` comment or directive line and
// leading blank lines, so its line n is the n-th line left of the source.
function findErrorLine(source: string, message: string, error: unknown): number | undefined {
	const reported = readReportedLine(message, error);
	if (reported === undefined) return undefined;
	const lines = source.split(/\r?\n/);
	let index = 0;
	if (lines[0]?.trim() === '---') {
		const close = lines.findIndex((line, at) => at > 0 && line.trim() === '---');
		if (close !== -1) index = close + 1;
	}
	const kept: number[] = [];
	for (; index < lines.length; index++) {
		const line = lines[index].trim();
		if (line.startsWith('%%') || (kept.length === 0 && line === '')) continue;
		kept.push(index + 1);
	}
	return kept[reported - 1] ?? kept.at(-1);
}

function readFlowchart(db: FlowDb): MermaidFlowchart {
	const edges = db.getEdges();
	return {
		direction: db.getDirection(),
		nodes: [...db.getVertices().values()].map((vertex) => ({
			id: vertex.id,
			label: vertex.text ?? vertex.id,
			labelType: vertex.labelType ?? 'text',
			shape: vertex.type,
			classes: vertex.classes ?? [],
			styles: vertex.styles ?? [],
		})),
		edges: edges.map((edge) => ({
			start: edge.start,
			end: edge.end,
			label: edge.text ?? '',
			labelType: edge.labelType ?? 'text',
			type: edge.type ?? 'arrow_point',
			stroke: edge.stroke ?? 'normal',
			id: edge.id,
		})),
		edgeStyles: edges.map((edge) => edge.style ?? []),
		subgraphs: db.getSubGraphs().map((subgraph) => ({
			id: subgraph.id,
			title: subgraph.title,
			labelType: subgraph.labelType ?? 'text',
			members: subgraph.nodes,
			direction: subgraph.dir,
		})),
		classDefs: new Map([...db.getClasses()].map(([name, value]) => [name, value.styles ?? []])),
		hasTooltips: (db.tooltips?.size ?? 0) > 0,
		title: db.getDiagramTitle() ?? '',
		accessibleTitle: db.getAccTitle() ?? '',
		accessibleDescription: db.getAccDescription() ?? '',
	};
}
