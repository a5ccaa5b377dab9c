/** The plan's dependency diagram as Mermaid flowchart source, generated from the data. */
import type { Plan } from '../schema/plan.ts';
import { buildDependencyGraph } from './graph.ts';
import type { ItemStatus } from './status.ts';

/** What the diagram shows beyond the plan itself. */
export interface MermaidSourceOptions {
	/** Status by action id, from `getPlanStatuses`; actions missing here get no status class. */
	statuses: ReadonlyMap<string, ItemStatus>;
	/** Action ids first to last, from `findCriticalPath`; their nodes and edges are drawn thick. */
	criticalPath: readonly string[];
	/** Localised status words; when given, each node names its status so colour is not the only cue. */
	labels?: Partial<Record<ItemStatus, string>>;
}

// Text colours keep at least 4.5:1 contrast on their fill; blocked is also dashed so it differs
// from late without colour.
const STATUS_STYLES: Record<ItemStatus, string> = {
	done: 'fill:#e7f5ec,stroke:#1e7b3c,color:#14532d',
	late: 'fill:#fde8e8,stroke:#b42318,color:#7a1a12',
	blocked: 'fill:#f2f2f4,stroke:#b42318,color:#3f3f46,stroke-dasharray:5 3',
	'at-risk': 'fill:#fff1e0,stroke:#b45309,color:#7a3608',
	'due-soon': 'fill:#fef9e1,stroke:#a16207,color:#6b4206',
	'on-track': 'fill:#eaf2ff,stroke:#1d4ed8,color:#1e3a8a',
};
const STATUS_CLASSES: Record<ItemStatus, string> = {
	done: 'done',
	late: 'late',
	blocked: 'blocked',
	'at-risk': 'atRisk',
	'due-soon': 'dueSoon',
	'on-track': 'onTrack',
};
const CRITICAL_STYLE = 'stroke-width:4px';

/**
 * A deterministic `flowchart LR`: one node per action labelled with its title, edges from
 * prerequisite to dependent, a subgraph per milestone, a class per status (camelCase, e.g.
 * `atRisk`, as class names must be word characters) and a thick stroke (`style` and
 * `linkStyle`) on the critical path's nodes and edges. Node ids are `a<index>` and subgraph ids
 * `m<index>`, never raw plan ids, which could be Mermaid keywords such as `end`.
 */
export function buildMermaidSource(
	plan: Pick<Plan, 'actions' | 'milestones'>,
	options: MermaidSourceOptions,
): string {
	const nodeIds = new Map<string, string>();
	plan.actions.forEach((action, index) => {
		if (!nodeIds.has(action.id)) nodeIds.set(action.id, `a${index}`);
	});
	const describe = (index: number): string => {
		const action = plan.actions[index];
		const status = options.statuses.get(action.id);
		const word = status === undefined ? undefined : options.labels?.[status];
		const text = word === undefined ? escapeMermaidLabel(action.title) : `${escapeMermaidLabel(action.title)}<br/>${escapeMermaidLabel(word)}`;
		return `a${index}["${text}"]`;
	};

	const lines = ['flowchart LR'];
	const milestoneIds = new Set(plan.milestones.map((milestone) => milestone.id));
	plan.milestones.forEach((milestone, milestoneIndex) => {
		const members = plan.actions.flatMap((action, index) => (action.milestone === milestone.id ? [index] : []));
		// An empty subgraph renders as a stray box, so milestones without actions are left out.
		if (members.length === 0) return;
		lines.push(`  subgraph m${milestoneIndex}["${escapeMermaidLabel(milestone.title)}"]`);
		for (const index of members) lines.push(`    ${describe(index)}`);
		lines.push('  end');
	});
	plan.actions.forEach((action, index) => {
		if (action.milestone === undefined || !milestoneIds.has(action.milestone)) lines.push(`  ${describe(index)}`);
	});

	const graph = buildDependencyGraph(plan.actions);
	const criticalEdges = new Set(options.criticalPath.slice(1).map((id, step) => `${options.criticalPath[step]} ${id}`));
	const criticalLinks: number[] = [];
	let edgeIndex = 0;
	for (const id of graph.ids) {
		for (const prerequisite of graph.prerequisites.get(id) ?? []) {
			lines.push(`  ${nodeIds.get(prerequisite)} --> ${nodeIds.get(id)}`);
			if (criticalEdges.has(`${prerequisite} ${id}`)) criticalLinks.push(edgeIndex);
			edgeIndex++;
		}
	}

	for (const status of Object.keys(STATUS_STYLES) as ItemStatus[]) {
		lines.push(`  classDef ${STATUS_CLASSES[status]} ${STATUS_STYLES[status]}`);
	}
	for (const status of Object.keys(STATUS_STYLES) as ItemStatus[]) {
		const members = plan.actions.flatMap((action, index) => (options.statuses.get(action.id) === status ? [`a${index}`] : []));
		if (members.length > 0) lines.push(`  class ${members.join(',')} ${STATUS_CLASSES[status]}`);
	}
	// A `style` line rather than a second class: beautiful-mermaid keeps one class per node, and
	// a `critical` class would replace the status colours there.
	for (const id of options.criticalPath) {
		const nodeId = nodeIds.get(id);
		if (nodeId !== undefined) lines.push(`  style ${nodeId} ${CRITICAL_STYLE}`);
	}
	if (criticalLinks.length > 0) lines.push(`  linkStyle ${criticalLinks.join(',')} ${CRITICAL_STYLE}`);
	return `${lines.join('\n')}\n`;
}

const LABEL_ESCAPES: Record<string, string> = {
	'#': '#35;',
	'"': '#quot;',
	'<': '#lt;',
	'>': '#gt;',
	'&': '#amp;',
	'`': '#96;',
};

/**
 * Text made safe inside a Mermaid `"..."` label: characters Mermaid or HTML would read as
 * syntax become Mermaid entity codes (`"` -> `#quot;`), and line breaks become spaces.
 */
export function escapeMermaidLabel(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[#"<>&`]/g, (character) => LABEL_ESCAPES[character]);
}
