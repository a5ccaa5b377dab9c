import { describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../../src/lib/check/index.ts';
import { collectGatedSentinels } from '../../../src/lib/leak-scan.ts';
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
		expect(changed[0]).toContain('Revision 1');
		expect(checkPlanSource(after.file, after.source).problems).toEqual([]);
	});
});

describe('makeBenchSecrets', () => {
	test('writes a secrets file the schema accepts, with a password for every gated deal only', () => {
		const secrets = SecretsFileSchema.parse(makeBenchSecrets(deals, 7));
		expect(Object.keys(secrets.passwords).sort()).toEqual(deals.filter((deal) => deal.access === 'gated').map((deal) => deal.slug).sort());
		expect(makeBenchSecrets(deals, 7).siteSecret).toBe(secrets.siteSecret);
	});
});
