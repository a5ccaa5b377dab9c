import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PlanReportSchema, ReportDecisionSchema, ReportHealthSchema, ReportSchema } from '../../src/schema/report.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const SECTION = README.slice(README.indexOf('## The overview as JSON'), README.indexOf('## Plan format'));

describe('ReportSchema', () => {
	test('has its fields documented in the README table', () => {
		const names = [
			...Object.keys(ReportSchema.shape),
			...Object.keys(PlanReportSchema.shape),
			...Object.keys(ReportDecisionSchema.shape),
			...Object.keys(ReportHealthSchema.shape),
		];
		const undocumented = names.filter((name) => !SECTION.includes(`\`${name}`) && !SECTION.includes(`.${name}`));
		expect(undocumented).toEqual([]);
	});

	test('accepts an empty report and refuses a negative slip', () => {
		const report = { version: 1, today: '2026-12-04', plans: [] };
		expect(ReportSchema.parse(report)).toEqual(report);
		expect(ReportDecisionSchema.safeParse({ planned: '2026-12-04', projected: '2026-12-04', slipDays: -1, decisionAction: null, chain: [], cause: [] }).success).toBe(false);
	});
});
