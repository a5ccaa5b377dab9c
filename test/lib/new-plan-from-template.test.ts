import { describe, expect, test } from 'vitest';
import { createPlanInput, createPlanInputFromTemplate } from '../../src/lib/new-plan.ts';
import { getPlanTemplate, TEMPLATE_LOCALES, TEMPLATE_NAMES } from '../../src/lib/plan-templates.ts';

const OPTIONS = { buyer: 'Northwind', seller: 'Acme', today: '2026-11-20' };

describe('createPlanInputFromTemplate', () => {
	test.each(TEMPLATE_NAMES.flatMap((name) => TEMPLATE_LOCALES.map((locale) => [name, locale] as const)))(
		'writes the same plan as createPlanInput for the %s template in %s',
		(name, locale) => {
			expect(createPlanInputFromTemplate(getPlanTemplate(name, locale), OPTIONS)).toEqual(createPlanInput({ ...OPTIONS, slug: 'northwind', template: name, locale }));
		},
	);

	test('dates a step added to the template after its prerequisites and moves the milestone with it', () => {
		const template = getPlanTemplate('full', 'en');
		const extra = { id: 'kickoff-workshop', title: 'Kickoff workshop', side: 'seller' as const, owner: template.steps[0].owner, workdays: 4, milestone: 'kickoff-ready', dependsOn: ['implementation-planning'] };
		const input = createPlanInputFromTemplate({ ...template, steps: [...template.steps, extra] }, OPTIONS);
		const planning = input.actions.find((action) => action.id === 'implementation-planning')!;
		const added = input.actions.find((action) => action.id === 'kickoff-workshop')!;
		expect(added.start).toBe(planning.due);
		expect(input.milestones!.find((milestone) => milestone.id === 'kickoff-ready')!.due).toBe(added.due);
		expect(input.decisionDate).toBe(createPlanInput({ ...OPTIONS, slug: 'northwind' }).decisionDate);
	});
});
