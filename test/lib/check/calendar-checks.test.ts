import { describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../../src/lib/check/index.ts';
import { formatChecked, planWith } from './fixture.ts';

describe('findDueOnDaysOff', () => {
	test('names the holiday in the plan language when a due date falls on it', () => {
		// 2026-03-20 (a Friday) is Idul Fitri in Indonesia.
		const source = planWith((plan) => {
			plan.locale = 'id';
			plan.buyer.calendar = { country: 'ID' };
			plan.actions[1].due = '2026-03-20';
			plan.milestones[0].due = '2026-03-20';
			plan.actions[0].due = '2026-03-02';
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:40: warning: actions[1] (security-review).due "2026-03-20" is not a working day: 2026-03-20 is Hari Raya Idul Fitri in Indonesia.
			    Move the due date to a working day; the schedule already counts it on the next one."
		`);
	});

	test('warns about a due date in a closed period and on a day outside the working week', () => {
		const source = planWith((plan) => {
			plan.seller.calendar = { country: 'SG', closed: [{ from: '2026-04-27', to: '2026-05-08', note: 'quarter close' }] };
			plan.buyer.calendar = { country: 'SG', workdays: ['mon', 'tue', 'wed', 'thu'] };
		});
		// demo (seller) is due Fri 1 May, in the quarter close; security-review (buyer) Fri 15 May, not a buyer workday.
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:44: warning: actions[0] (demo).due "2026-05-01" is not a working day: Acme is closed 2026-04-27 – 2026-05-08 (quarter close).
			    Move the due date to a working day; the schedule already counts it on the next one.
			plans/northwind.mdx:51: warning: actions[1] (security-review).due "2026-05-15" is not a working day: 2026-05-15 is not a working day for Northwind.
			    Move the due date to a working day; the schedule already counts it on the next one."
		`);
	});

	test('warns when a due date falls while its owner is away', () => {
		const source = planWith((plan) => {
			plan.stakeholders[0].away = [{ from: '2026-05-11', to: '2026-05-22', note: 'travelling' }];
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:42: warning: actions[1] (security-review).due "2026-05-15" falls while its owner is away: Ann Buyer is away 2026-05-11 – 2026-05-22 (travelling).
			    Move the due date before 2026-05-11 or after 2026-05-22, or give the action to someone who is there."
		`);
	});

	test('says nothing about done actions', () => {
		const source = planWith((plan) => {
			plan.stakeholders[0].away = [{ from: '2026-05-11', to: '2026-05-22' }];
			Object.assign(plan.actions[1], { status: 'done', completedOn: '2026-05-08' });
		});
		expect(formatChecked(source)).toBe('');
	});
});

describe('findCalendarProblems', () => {
	test('refuses a country or region the holiday library does not know, and a span that runs backwards', () => {
		const source = planWith((plan) => {
			plan.buyer.calendar = { country: 'XX' };
			plan.seller.calendar = { country: 'DE', region: 'BZ', closed: [{ from: '2026-12-24', to: '2026-12-20' }] };
		});
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:6: buyer.calendar.country "XX" is not a country the holiday calendar knows.
			    Use the two-letter ISO 3166 code of the country whose public holidays count, e.g. "ID" for Indonesia or "SG" for Singapore.
			plans/northwind.mdx:11: seller.calendar.region "BZ" is not a region of DE the holiday calendar knows.
			    Did you mean "BB"? Known regions: BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH and 4 more.
			plans/northwind.mdx:14: seller.calendar.closed[0].to "2026-12-20" is before from "2026-12-24".
			    Swap the two dates, or set to to the last day of the period.
			plans/northwind.mdx:39: warning: actions[0] (demo).due "2026-05-01" is not a working day: 2026-05-01 is Labour Day in Germany.
			    Move the due date to a working day; the schedule already counts it on the next one."
		`);
	});
});

describe('findDatesToAgree', () => {
	test('lists an undated step as a reminder that never blocks, and checks no order against it', () => {
		const source = planWith((plan) => {
			plan.actions[0].due = 'tbd';
		});
		const checked = checkPlanSource('plans/northwind.mdx', source);
		expect(checked.plan?.actions[0]!.due).toBe('tbd');
		expect(checked.problems.map((problem) => [problem.code, problem.severity])).toEqual([['date-to-agree', 'reminder']]);
		expect(formatChecked(source)).toMatchInlineSnapshot(`
			"plans/northwind.mdx:31: reminder: actions[0] (demo).due "tbd" is a date still to agree: the projected decision does not count this step yet.
			    Agree a date with Sam Seller and write it as due: YYYY-MM-DD."
		`);
	});

	test('refuses any other word as a due date', () => {
		const source = planWith((plan) => {
			plan.actions[0].due = 'later';
		});
		expect(formatChecked(source)).toContain('or tbd for a date to agree later');
	});
});
