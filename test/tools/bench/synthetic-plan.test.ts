import { describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../../src/lib/check/index.ts';
import { collectGatedSentinels } from '../../../src/lib/leak-scan.ts';
import { getPlanTemplate } from '../../../src/lib/plan-templates.ts';
import { SecretsFileSchema } from '../../../src/schema/secrets.ts';
import { generateSyntheticDeal, generateSyntheticDeals, makeBenchSecrets } from '../../../tools/bench/lib/synthetic-plan.ts';

const TODAY = '2026-11-23';
const deals = generateSyntheticDeals(60, { seed: 7, today: TODAY });
// Checking is the slow part, so every test reads the same results.
const checked = deals.map((deal) => checkPlanSource(deal.file, deal.source));

describe('generateSyntheticDeals', () => {
	test('every generated plan passes the checker with no error and no warning', () => {
		deals.forEach((deal, index) => {
			expect(checked[index].problems, deal.slug).toEqual([]);
			expect(checked[index].slug).toBe(deal.slug);
		});
	});

	test('sizes each plan like the large example: 22 actions, 5 milestones, 8 people, 6 risks, check-ins, slips and a diagram', () => {
		for (const { plan, body } of checked.slice(0, 10)) {
			expect(plan!.actions).toHaveLength(22);
			expect(plan!.milestones).toHaveLength(5);
			expect(plan!.stakeholders).toHaveLength(8);
			expect(plan!.risks).toHaveLength(6);
			expect(plan!.checkins.length).toBeGreaterThanOrEqual(3);
			expect(plan!.actions.some((action) => action.dateChanges.length > 0)).toBe(true);
			expect(body).toContain('```mermaid\nflowchart LR');
		}
	});

	test('starts every plan from the product\'s full template in the deal\'s language, with every placeholder filled', () => {
		for (const [index, { plan }] of checked.entries()) {
			const template = getPlanTemplate('full', plan!.locale === 'id' ? 'id' : 'en');
			const actionIds = plan!.actions.map((action) => action.id);
			for (const step of template.steps) expect(actionIds, deals[index].slug).toContain(step.id);
			expect(plan!.milestones.map((milestone) => milestone.title)).toEqual(template.milestones.map((milestone) => milestone.title));
			expect(plan!.stakeholders.map((person) => person.role)).toEqual(template.people.map((person) => person.role));
			expect(plan!.decisionDate).toBe(plan!.actions.find((action) => action.id === template.decisionStep)!.due);
			expect(deals[index].source).not.toMatch(/\[\[|\]\]/);
		}
		expect(new Set(checked.map(({ plan }) => plan!.locale))).toEqual(new Set(['en', 'id']));
	});

	test('replaces the template\'s stand-in people with named people throughout', () => {
		const standIns = (['en', 'id'] as const).flatMap((locale) => getPlanTemplate('full', locale).people.map((person) => person.id));
		for (const { plan } of checked) {
			const ids = new Set(plan!.stakeholders.map((person) => person.id));
			expect(standIns.filter((id) => ids.has(id))).toEqual([]);
			for (const action of plan!.actions) expect(ids).toContain(action.owner);
			for (const checkin of plan!.checkins) for (const attendee of checkin.attendees) expect(ids).toContain(attendee);
		}
	});

	test('finishes a step only after the steps it waits for, and records no date change after today', () => {
		for (const { plan } of checked) {
			const done = new Set(plan!.actions.filter((action) => action.status === 'done').map((action) => action.id));
			for (const action of plan!.actions.filter((action) => action.status === 'done')) {
				expect(action.dependsOn.filter((id) => !done.has(id)), action.id).toEqual([]);
			}
			for (const change of plan!.actions.flatMap((action) => action.dateChanges)) expect(change.on <= TODAY).toBe(true);
		}
	});

	test('gives the same files for the same seed and other files for another seed', () => {
		expect(generateSyntheticDeals(5, { seed: 7, today: TODAY })).toEqual(deals.slice(0, 5));
		expect(generateSyntheticDeals(5, { seed: 8, today: TODAY }).map((deal) => deal.source)).not.toEqual(deals.slice(0, 5).map((deal) => deal.source));
	});

	test('varies names and progress, and gates most deals but not all', () => {
		expect(new Set(deals.map((deal) => deal.slug)).size).toBe(deals.length);
		const buyers = new Set(checked.map(({ plan }) => plan!.buyer.name));
		expect(buyers.size).toBe(deals.length);
		const done = new Set(checked.map(({ plan }) => plan!.actions.filter((action) => action.status === 'done').length));
		expect(done.size).toBeGreaterThan(5);
		const publicCount = deals.filter((deal) => deal.access === 'public').length;
		expect(publicCount).toBeGreaterThan(0);
		expect(publicCount).toBeLessThan(deals.length / 3);
		for (const deal of deals) expect(Boolean(deal.password)).toBe(deal.access === 'gated');
	});

	test('writes no phrase only a gated deal has into a public one, so the build\'s leak scan passes', () => {
		const sentinels = collectGatedSentinels(deals.map((deal, index) => ({ slug: deal.slug, plan: checked[index].plan!, body: checked[index].body })));
		const published = deals.filter((deal) => deal.access === 'public').map((deal) => deal.source.toLowerCase());
		expect(sentinels.length).toBeGreaterThan(1000);
		expect(sentinels.filter((sentinel) => published.some((source) => source.includes(sentinel.text.toLowerCase())))).toEqual([]);
	});
});

describe('generateSyntheticDeal', () => {
	test('a new revision edits only the newest check-in of the same deal', () => {
		const before = generateSyntheticDeal(3, { seed: 7, today: TODAY });
		const after = generateSyntheticDeal(3, { seed: 7, today: TODAY, revision: 1 });
		expect(after.slug).toBe(before.slug);
		expect(after.source).not.toBe(before.source);
		const changed = after.source.split('\n').filter((line, index) => line !== before.source.split('\n')[index]);
		expect(changed).toHaveLength(1);
		const checkedAfter = checkPlanSource(after.file, after.source);
		expect(checkedAfter.problems).toEqual([]);
		expect(changed[0]).toContain(checkedAfter.plan!.checkins.at(-1)!.summary);
	});

	test('writes the revision note in the deal\'s own language', () => {
		const indonesian = deals.findIndex((deal) => deal.source.includes('\nlocale: id\n'));
		expect(indonesian).toBeGreaterThanOrEqual(0);
		const after = generateSyntheticDeal(indonesian, { seed: 7, today: TODAY, revision: 1 });
		expect(checkPlanSource(after.file, after.source).plan!.checkins.at(-1)!.summary).toMatch(/revisi 1\.$/);
	});
});

describe('makeBenchSecrets', () => {
	test('writes a secrets file the schema accepts, with a password for every gated deal only', () => {
		const secrets = SecretsFileSchema.parse(makeBenchSecrets(deals, 7));
		expect(Object.keys(secrets.passwords).sort()).toEqual(deals.filter((deal) => deal.access === 'gated').map((deal) => deal.slug).sort());
		expect(makeBenchSecrets(deals, 7).siteSecret).toBe(secrets.siteSecret);
	});
});
