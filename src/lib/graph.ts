/** The dependency graph between a plan's actions. */

/** The minimum an action needs for graph work. */
export interface GraphNode {
	id: string;
	dependsOn: readonly string[];
}

/** Prerequisites and dependents of every action, by id. Unknown ids are left out. */
export interface DependencyGraph {
	/** Action ids in plan order. */
	ids: string[];
	/** Ids each action waits for. */
	prerequisites: Map<string, string[]>;
	/** Ids that wait for each action. */
	dependents: Map<string, string[]>;
}

/** Builds the graph; dependencies on ids that do not exist are dropped (validation reports them). */
export function buildDependencyGraph(nodes: readonly GraphNode[]): DependencyGraph {
	const ids = nodes.map((node) => node.id);
	const known = new Set(ids);
	const prerequisites = new Map<string, string[]>();
	const dependents = new Map<string, string[]>(ids.map((id) => [id, []]));
	for (const node of nodes) {
		const before = [...new Set(node.dependsOn)].filter((id) => known.has(id));
		prerequisites.set(node.id, before);
		for (const id of before) dependents.get(id)?.push(node.id);
	}
	return { ids, prerequisites, dependents };
}

/**
 * Every elementary cycle reachable by depth-first search, each written from its first id in
 * plan order and closed on itself: `['a', 'b', 'c', 'a']`. One cycle per strongly connected
 * knot is enough for a rep to fix it, so cycles sharing a back edge are reported once.
 */
export function findCycles(graph: DependencyGraph): string[][] {
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const cycles: string[][] = [];
	const seen = new Set<string>();
	const visit = (id: string): void => {
		state.set(id, 'open');
		stack.push(id);
		for (const next of graph.prerequisites.get(id) ?? []) {
			const nextState = state.get(next);
			if (nextState === 'open') {
				const cycle = stack.slice(stack.indexOf(next));
				const key = [...cycle].sort().join(' ');
				if (!seen.has(key)) {
					seen.add(key);
					cycles.push(rotateToFirstInPlanOrder(cycle, graph.ids));
				}
			} else if (nextState === undefined) {
				visit(next);
			}
		}
		stack.pop();
		state.set(id, 'done');
	};
	for (const id of graph.ids) if (!state.has(id)) visit(id);
	return cycles;
}

// The DFS walks prerequisite edges (a depends on b), so the stack reads a -> b -> c; keep that
// direction ("a waits for b") and start at the earliest action so the output is stable.
function rotateToFirstInPlanOrder(cycle: string[], order: string[]): string[] {
	let start = 0;
	for (let i = 1; i < cycle.length; i++) {
		if (order.indexOf(cycle[i]) < order.indexOf(cycle[start])) start = i;
	}
	const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
	return [...rotated, rotated[0]];
}

/**
 * Action ids ordered so that every action comes after all of its prerequisites, ties kept in
 * plan order; `undefined` when the graph has a cycle. O((V + E) log V).
 */
export function sortTopologically(graph: DependencyGraph): string[] | undefined {
	const waiting = new Map(graph.ids.map((id) => [id, graph.prerequisites.get(id)?.length ?? 0]));
	const position = new Map(graph.ids.map((id, index) => [id, index]));
	// A heap on plan position rather than re-sorting the ready list each step, which was
	// quadratic on wide plans with hundreds of independent actions.
	const ready = new MinHeap<string>((a, b) => position.get(a)! - position.get(b)!);
	for (const id of graph.ids) if (waiting.get(id) === 0) ready.push(id);
	const order: string[] = [];
	for (let id = ready.pop(); id !== undefined; id = ready.pop()) {
		order.push(id);
		for (const next of graph.dependents.get(id) ?? []) {
			const left = waiting.get(next)! - 1;
			waiting.set(next, left);
			if (left === 0) ready.push(next);
		}
	}
	return order.length === graph.ids.length ? order : undefined;
}

class MinHeap<T> {
	private readonly items: T[] = [];
	private readonly compare: (a: T, b: T) => number;

	constructor(compare: (a: T, b: T) => number) {
		this.compare = compare;
	}

	push(item: T): void {
		const items = this.items;
		items.push(item);
		let index = items.length - 1;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if (this.compare(items[index], items[parent]) >= 0) break;
			[items[index], items[parent]] = [items[parent], items[index]];
			index = parent;
		}
	}

	pop(): T | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length > 0 && last !== undefined) {
			items[0] = last;
			let index = 0;
			for (;;) {
				const left = 2 * index + 1;
				const right = left + 1;
				let smallest = index;
				if (left < items.length && this.compare(items[left], items[smallest]) < 0) smallest = left;
				if (right < items.length && this.compare(items[right], items[smallest]) < 0) smallest = right;
				if (smallest === index) break;
				[items[index], items[smallest]] = [items[smallest], items[index]];
				index = smallest;
			}
		}
		return top;
	}
}
