import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/messages/en.ts';
import { getGraphView } from '../../../src/lib/views/graph-view.ts';
import { makePlan } from '../../helpers/make-plan.ts';

describe('getGraphView', () => {
	const plan = makePlan({
		decisionDate: '2026-06-30',
		milestones: [{ id: 'eval', title: 'Technical evaluation', due: '2026-05-20' }],
		actions: [
			{ id: 'demo', title: 'Demo', milestone: 'eval', due: '2026-05-01', status: 'done', completedOn: '2026-05-01' },
			{ id: 'poc', title: 'Run the proof of concept with the data team', milestone: 'eval', due: '2026-05-08', dependsOn: ['demo'] },
			{ id: 'sign', title: 'Sign', due: '2026-06-20', dependsOn: ['poc'] },
		],
	});

	test('draws the graph top-down with wrapped titles and status words', () => {
		const view = getGraphView(plan, '2026-05-10', en);
		expect(view.source.split('\n')[0]).toBe('flowchart TD');
		expect(view.source).toContain('Run the proof of<br/>concept with the<br/>data team<br/>! Late');
	});

	test('lists only the statuses the graph uses, for the legend', () => {
		const view = getGraphView(plan, '2026-05-10', en);
		expect(view.legend.map((entry) => entry.status)).toEqual(['done', 'late', 'at-risk']);
		expect(view.legend.find((entry) => entry.status === 'late')?.light).toBe('red');
	});

	test('names the critical path by title, first to last', () => {
		expect(getGraphView(plan, '2026-05-10', en).criticalPath).toEqual([
			'Demo',
			'Run the proof of concept with the data team',
			'Sign',
		]);
	});
});
