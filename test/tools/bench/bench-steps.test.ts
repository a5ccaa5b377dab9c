import { describe, expect, test } from 'vitest';
import { getPlanTemplate, TEMPLATE_LOCALES, type TemplateStep } from '../../../src/lib/plan-templates.ts';
import { BENCH_STEPS, extendTemplate, orderByPrerequisites } from '../../../tools/bench/lib/bench-steps.ts';

const PROJECT = { name: 'data platform', system: 'nightly batch warehouse' };
const step = (id: string, dependsOn: string[] = []): TemplateStep => ({ id, title: id, side: 'buyer', owner: 'someone', workdays: 1, dependsOn });

describe('extendTemplate', () => {
	test.each(TEMPLATE_LOCALES)('keeps every step of the %s full template and adds the bench steps, each after what it waits for', (locale) => {
		const template = getPlanTemplate('full', locale);
		const extended = extendTemplate(template, PROJECT, (each) => each.workdays);
		const ids = extended.steps.map((each) => each.id);
		expect(ids).toHaveLength(template.steps.length + BENCH_STEPS.length);
		expect(new Set(ids).size).toBe(ids.length);
		for (const original of template.steps) expect(ids).toContain(original.id);
		extended.steps.forEach((each, position) => {
			for (const prerequisite of each.dependsOn) expect(ids.indexOf(prerequisite), `${each.id} after ${prerequisite}`).toBeLessThan(position);
		});
	});

	test('gives a bench step the owner and side of the template step it names, and fills in the project', () => {
		const template = getPlanTemplate('full', 'id');
		const extended = extendTemplate(template, PROJECT, (each) => each.workdays);
		const pilot = extended.steps.find((each) => each.id === 'pilot-environment')!;
		const demo = template.steps.find((each) => each.id === 'demo')!;
		expect(pilot).toMatchObject({ owner: demo.owner, side: demo.side });
		expect(pilot.title).toContain(PROJECT.name);
		expect(pilot.title).not.toContain('{');
	});

	test('makes the template steps wait for the bench steps that feed them', () => {
		const extended = extendTemplate(getPlanTemplate('full', 'en'), PROJECT, (each) => each.workdays);
		const legal = extended.steps.find((each) => each.id === 'legal-review')!;
		expect(legal.dependsOn).toContain('send-contract');
	});

	test('sets each step\'s length from the callback, never below one weekday', () => {
		const extended = extendTemplate(getPlanTemplate('full', 'en'), PROJECT, (each) => (each.id === 'demo' ? -3 : each.workdays + 2));
		expect(extended.steps.find((each) => each.id === 'demo')!.workdays).toBe(1);
		expect(extended.steps.find((each) => each.id === 'discovery')!.workdays).toBe(getPlanTemplate('full', 'en').steps[0].workdays + 2);
	});

	test('refuses a template that lacks a step the bench steps take their owner from', () => {
		expect(() => extendTemplate(getPlanTemplate('light', 'en'), PROJECT, (each) => each.workdays)).toThrow(/template step "technical-validation"/);
	});
});

describe('orderByPrerequisites', () => {
	test('puts prerequisites first and otherwise keeps the lower group, then the list order', () => {
		const steps = [step('late', ['b']), step('a'), step('b', ['a']), step('c')];
		const group = (each: TemplateStep) => (each.id === 'c' ? 1 : 0);
		expect(orderByPrerequisites(steps, group).map((each) => each.id)).toEqual(['a', 'b', 'late', 'c']);
	});

	test('throws on an unknown prerequisite and on a circle', () => {
		expect(() => orderByPrerequisites([step('a', ['ghost'])], () => 0)).toThrow(/"ghost"/);
		expect(() => orderByPrerequisites([step('a', ['b']), step('b', ['a'])], () => 0)).toThrow(/circle/);
	});
});
