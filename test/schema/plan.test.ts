import { describe, expect, test } from 'vitest';
import { IsoDateSchema, isRealIsoDate } from '../../src/schema/date.ts';
import { PlanSchema } from '../../src/schema/plan.ts';

const minimal = {
	title: 'Northwind x Acme',
	buyer: { name: 'Northwind' },
	seller: { name: 'Acme' },
	brand: { primary: '#0b5fff' },
	decisionDate: '2026-06-30',
	status: 'active',
	objective: { shared: 'Decide on the data platform' },
	stakeholders: [{ id: 'ann', name: 'Ann Buyer', role: 'CTO', side: 'buyer' }],
	actions: [{ id: 'demo', title: 'Demo', side: 'buyer', owner: 'ann', due: '2026-05-01', status: 'todo' }],
};

describe('PlanSchema', () => {
	test('fills in the documented defaults', () => {
		const plan = PlanSchema.parse(minimal);
		expect(plan).toMatchObject({
			locale: 'en',
			access: 'gated',
			keyVersion: 1,
			share: { preview: 'neutral' },
			successCriteria: [],
			milestones: [],
			risks: [],
			checkins: [],
			checkinEveryDays: 7,
			feedback: { applied: [], comments: [], suggestions: [] },
		});
		expect(plan.actions[0]).toMatchObject({ dependsOn: [], dateChanges: [], comments: [] });
	});

	test('turns dates that a YAML loader made into Date objects back into YYYY-MM-DD', () => {
		const plan = PlanSchema.parse({ ...minimal, decisionDate: new Date(Date.UTC(2026, 5, 30)) });
		expect(plan.decisionDate).toBe('2026-06-30');
	});

	test('rejects unknown fields at every level, so typos never pass silently', () => {
		const result = PlanSchema.safeParse({ ...minimal, actions: [{ ...minimal.actions[0], owenr: 'ann' }] });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([['unrecognized_keys', 'actions.0']]);
	});

	test.each([
		['decisionDate', '2026-02-30'],
		['decisionDate', '31/12/2026'],
		['decisionDate', 'tomorrow'],
	])('rejects %s %s', (field, value) => {
		expect(PlanSchema.safeParse({ ...minimal, [field]: value }).success).toBe(false);
	});

	test('requires at least one stakeholder and one action', () => {
		const result = PlanSchema.safeParse({ ...minimal, stakeholders: [], actions: [] });
		expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['stakeholders', 'actions']);
	});

	test('rejects ids that are not lower-case-dashed and colours that are not hex', () => {
		const result = PlanSchema.safeParse({ ...minimal, brand: { primary: 'blue' }, stakeholders: [{ ...minimal.stakeholders[0], id: 'Ann B' }] });
		expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['brand.primary', 'stakeholders.0.id']);
	});
});

describe('isRealIsoDate', () => {
	test.each([
		['2028-02-29', true],
		['2026-02-29', false],
		['2026-04-31', false],
		['2026-12-31', true],
		['2026-1-5', false],
	])('%s is %s', (value, expected) => {
		expect(isRealIsoDate(value)).toBe(expected);
		expect(IsoDateSchema.safeParse(value).success).toBe(expected);
	});
});
