/** The plan's dependency diagram as Mermaid flowchart source, generated from the data. */
import type { Plan } from '../schema/plan.ts';
import { buildDependencyGraph } from './graph.ts';
import { STATUS_ICONS } from './status-icons.ts';
import type { ItemStatus } from './status.ts';

/** Which way the graph flows: top-down suits a phone's tall screen, left-to-right a laptop's wide one. */
export type DiagramDirection = 'TD' | 'LR';

/** What the diagram shows beyond the plan itself. */
export interface MermaidSourceOptions {
	/** Status by action id, from `getPlanStatuses`; actions missing here get no status class. */
	statuses: ReadonlyMap<string, ItemStatus>;
	/** Action ids first to last, from `findCriticalPath`; their nodes and edges are drawn thick. */
	criticalPath: readonly string[];
	/** Localised status words; when given, each node names its status so colour is not the only cue. */
	labels?: Partial<Record<ItemStatus, string>>;
	/** Flow direction; `LR` when left out. */
	direction?: DiagramDirection;
	/** Longest line of a node's title, in characters, before it wraps; no wrapping when left out. */
	wrapAt?: number;
}

// The site's status colours (src/styles/tokens.css: green done or on track, yellow due soon or
// at risk, red late or blocked), each ink at least 4.5:1 on its tint. Blocked is also dashed so
// it differs from late without colour; on-track steps are white rather than tinted so finished
// work stands apart from work still to come.
const GREEN = 'stroke:#166534,color:#166534';
const YELLOW = 'fill:#fef9c3,stroke:#854d0e,color:#854d0e';
const RED = 'fill:#fee2e2,stroke:#991b1b,color:#991b1b';
const STATUS_STYLES: Record<ItemStatus, string> = {
	done: `fill:#dcfce7,${GREEN}`,
	'on-track': `fill:#ffffff,${GREEN}`,
	'due-soon': YELLOW,
	'at-risk': YELLOW,
	late: RED,
	blocked: `${RED},stroke-dasharray:5 3`,
};
const STATUS_CLASSES: Record<ItemStatus, string> = {
	done: 'done',
	late: 'late',
	blocked: 'blocked',
	'at-risk': 'atRisk',
	'due-soon': 'dueSoon',
	'on-track': 'onTrack',
};
const CRITICAL_STYLE = 'stroke-width:3px';

/**
 * A deterministic flowchart (`LR` or `TD`): one node per action labelled with its wrapped title and status, edges from
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
		const title = wrapWords(action.title, options.wrapAt).map(escapeMermaidLabel).join('<br/>');
		// The status icon goes with the word so a node's state never rests on its colour alone.
		const text = word === undefined || status === undefined ? title : `${title}<br/>${STATUS_ICONS[status]} ${escapeMermaidLabel(word)}`;
		return `a${index}["${text}"]`;
	};

	const lines = [`flowchart ${options.direction ?? 'LR'}`];
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

/**
 * Text split into lines of at most `width` characters at spaces (a longer word keeps its own
 * line); the whole text as one line when `width` is left out.
 */
export function wrapWords(text: string, width?: number): string[] {
	const words = text.trim().split(/\s+/);
	if (width === undefined) return [words.join(' ')];
	const lines: string[] = [];
	for (const word of words) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
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
