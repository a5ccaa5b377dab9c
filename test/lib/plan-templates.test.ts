import { describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../src/lib/check/index.ts';
import { createPlanInput, createPlanSource, dateTemplateSteps, isWeekend } from '../../src/lib/new-plan.ts';
import { hasPlaceholder } from '../../src/lib/placeholders.ts';
import { getPlanTemplate, TEMPLATE_LOCALES, TEMPLATE_NAMES, type TemplateStep } from '../../src/lib/plan-templates.ts';
import { IdSchema } from '../../src/schema/plan.ts';

const BASE = { slug: 'acme', buyer: 'Acme Corp', seller: 'Tidewell Data', today: '2026-12-04' };
const CASES = TEMPLATE_NAMES.flatMap((template) => TEMPLATE_LOCALES.map((locale) => ({ template, locale })));

describe('dateTemplateSteps', () => {
	const step = (id: string, workdays: number, dependsOn: string[] = []): TemplateStep => ({ id, title: id, side: 'buyer', owner: 'o', workdays, dependsOn });

	test('starts a step without prerequisites on the next weekday and one with them on their latest due date', () => {
		const dated = dateTemplateSteps([step('a', 2), step('b', 5), step('c', 1, ['a', 'b'])], '2026-12-04');
		expect(dated.map(({ id, start, due }) => ({ id, start, due }))).toEqual([
			{ id: 'a', start: '2026-12-07', due: '2026-12-09' },
			{ id: 'b', start: '2026-12-07', due: '2026-12-14' },
			{ id: 'c', start: '2026-12-14', due: '2026-12-15' },
		]);
	});

	test('refuses a template whose step comes before its prerequisite', () => {
		expect(() => dateTemplateSteps([step('c', 1, ['a']), step('a', 2)], '2026-12-04')).toThrow('"c" depends on "a"');
	});
});

describe.each(CASES)('the $template template in $locale', ({ template, locale }) => {
	const plan = createPlanInput({ ...BASE, template, locale });

	test('names people by person ids, owns every action by one of them, and marks their names as placeholders', () => {
		const ids = plan.stakeholders.map((person) => person.id);
		for (const id of ids) {
			expect(IdSchema.safeParse(id).success).toBe(true);
			expect(id).toMatch(/^[a-z]+-[a-z]+$/);
		}
		for (const action of plan.actions) expect(ids).toContain(action.owner);
		for (const person of plan.stakeholders) expect(hasPlaceholder(person.name)).toBe(true);
		expect(new Set(plan.stakeholders.map((person) => person.side))).toEqual(new Set(['buyer', 'seller']));
	});

	test('dates every action on a weekday after today, the decision last before follow-up work', () => {
		for (const action of plan.actions) {
			for (const date of [String(action.start), String(action.due)]) {
				expect(isWeekend(date)).toBe(false);
				expect(date > BASE.today).toBe(true);
			}
		}
		expect(plan.actions.find((action) => action.id === 'decision')?.due).toBe(plan.decisionDate);
	});

	test('sets the plan locale only when it is not the default', () => {
		expect(plan.locale).toBe(locale === 'en' ? undefined : locale);
	});

	test('writes the body and the header comment in the plan language', () => {
		const source = createPlanSource({ ...BASE, template, locale });
		const [, header] = source.split('---\n');
		expect(header.startsWith(locale === 'id' ? '# Dibuat oleh `npm run new`' : '# Created by `npm run new`')).toBe(true);
		expect(checkPlanSource('plans/acme.mdx', source).problems.some((problem) => problem.path === 'body')).toBe(true);
	});
});

describe('the light template', () => {
	const plan = createPlanInput({ ...BASE, template: 'light' });

	test('is one page of four to six key steps with owners and dates, and nothing more', () => {
		expect(plan.actions.length).toBeGreaterThanOrEqual(4);
		expect(plan.actions.length).toBeLessThanOrEqual(6);
		for (const field of ['risks', 'checkins', 'successCriteria']) expect(plan).not.toHaveProperty(field);
		expect(plan.milestones?.map((milestone) => milestone.id)).toEqual(['trial-reviewed', 'decision']);
		expect(plan.stakeholders.length).toBeLessThanOrEqual(3);
	});
});

describe('the Indonesian templates', () => {
	test.each(TEMPLATE_NAMES)('translate every title of the %s template, not only the labels', (template) => {
		const english = getPlanTemplate(template, 'en');
		const indonesian = getPlanTemplate(template, 'id');
		const texts = (t: typeof english) => [t.title('B', 'S'), t.sharedObjective('B', 'S', 'D'), ...t.steps.map((s) => s.title), ...t.milestones.map((m) => m.title), ...t.successCriteria, t.body];
		const englishTexts = new Set(texts(english));
		for (const text of texts(indonesian)) expect(englishTexts.has(text)).toBe(false);
		expect(indonesian.steps.map((s) => s.id)).toEqual(english.steps.map((s) => s.id));
	});
});
