import { describe, expect, test } from 'vitest';
import { getRiskLevel, getRiskSeverity, getRiskView } from '../../../src/lib/views/risk-view.ts';
import type { Level } from '../../../src/schema/plan.ts';
import { makePlan } from '../../helpers/make-plan.ts';

describe('getRiskSeverity', () => {
	test.each<[Level, Level, number]>([
		['low', 'low', 1],
		['low', 'medium', 2],
		['medium', 'low', 2],
		['low', 'high', 3],
		['medium', 'medium', 4],
		['high', 'medium', 6],
		['high', 'high', 9],
	])('scores probability %s and impact %s as %i', (probability, impact, severity) => {
		expect(getRiskSeverity({ probability, impact })).toBe(severity);
	});
});

describe('getRiskLevel', () => {
	test.each([
		[1, 'low'],
		[2, 'low'],
		[3, 'medium'],
		[4, 'medium'],
		[6, 'high'],
		[9, 'high'],
	])('rates severity %i as %s', (severity, level) => {
		expect(getRiskLevel(severity)).toBe(level);
	});
});

describe('getRiskView', () => {
	const plan = makePlan({
		risks: [
			{ id: 'minor', title: 'Minor', probability: 'low', impact: 'low', mitigation: 'Watch it', owner: 'sam' },
			{ id: 'budget', title: 'Budget freeze', probability: 'medium', impact: 'high', owner: 'ana' },
			{ id: 'audit', title: 'Audit', probability: 'high', impact: 'medium', mitigation: 'Book slots early' },
			{ id: 'legal', title: 'Legal', probability: 'medium', impact: 'medium', mitigation: 'Start early' },
		],
	});
	const view = getRiskView(plan);

	test('sorts by severity, most severe first, and keeps plan order among equals', () => {
		expect(view.map((risk) => `${risk.id}:${risk.severity}:${risk.level}`)).toEqual([
			'budget:6:high',
			'audit:6:high',
			'legal:4:medium',
			'minor:1:low',
		]);
	});

	test('resolves the owner and leaves it undefined when nobody owns the risk', () => {
		expect(view[0].owner).toEqual({ id: 'ana', name: 'Ana Buyer', side: 'buyer', isKnown: true });
		expect(view[1].owner).toBeUndefined();
	});

	test('flags risks with no mitigation', () => {
		expect(view.filter((risk) => risk.isUnmitigated).map((risk) => risk.id)).toEqual(['budget']);
	});

	test('keeps an unknown owner as its id instead of crashing', () => {
		const broken = { ...plan, risks: [{ ...plan.risks[0], owner: 'ghost' }] };
		expect(getRiskView(broken)[0].owner).toEqual({ id: 'ghost', name: 'ghost', side: undefined, isKnown: false });
	});

	test('returns nothing for a plan with no risks', () => {
		expect(getRiskView(makePlan())).toEqual([]);
	});

	test('does not reorder the plan itself', () => {
		expect(plan.risks.map((risk) => risk.id)).toEqual(['minor', 'budget', 'audit', 'legal']);
	});
});
