/** Plan-like flowcharts for benchmarks and tests, built through the site's own diagram source. */
import { buildMermaidSource } from '../../lib/mermaid-source.ts';
import { ITEM_STATUSES } from '../../lib/status.ts';
import type { Plan } from '../../schema/plan.ts';

/**
 * A `flowchart LR` like a real plan's: `nodeCount` actions over four milestones, each waiting
 * on one or two earlier actions, every status class used and a critical path. `seed` varies
 * titles so each diagram (and cache key) differs.
 */
export function makeSampleFlowchart(seed: number, nodeCount = 20): string {
	const milestones = Array.from({ length: 4 }, (_, index) => ({ id: `m${index}`, title: `Phase ${index + 1} of deal ${seed}` }));
	const actions = Array.from({ length: nodeCount }, (_, index) => ({
		id: `act${index}`,
		title: `Step ${index + 1}: review ${['security', 'legal', 'pricing', 'pilot'][index % 4]} (#${seed})`,
		milestone: index < nodeCount - 2 ? `m${Math.floor((index * 4) / nodeCount)}` : undefined,
		dependsOn: index === 0 ? [] : index % 3 === 0 && index > 1 ? [`act${index - 1}`, `act${index - 2}`] : [`act${index - 1}`],
	}));
	const statuses = new Map(actions.map((action, index) => [action.id, ITEM_STATUSES[index % ITEM_STATUSES.length]]));
	const criticalPath = actions.filter((_, index) => index % 2 === 0).map((action) => action.id);
	return buildMermaidSource({ actions, milestones } as unknown as Pick<Plan, 'actions' | 'milestones'>, { statuses, criticalPath });
}
