/**
 * Working days as the schedule counts them, pinned so that mutation testing (docs/mutation.md)
 * notices a closed period or time away that starts a day late, holidays of the wrong region or
 * kind, or a calendar without working days that hangs the schedule. Built inside each test.
 */
import { describe, expect, test } from 'vitest';
import { buildSchedule, isBeforeDecision, projectDecision } from '../../src/lib/schedule.ts';
import { describeDayOff } from '../../src/lib/schedule/explain.ts';
import { getActionFloats } from '../../src/lib/schedule/float.ts';
import { makePlan } from '../helpers/make-plan.ts';
import { getCountryName, getPublicHolidays } from '../../src/lib/schedule/holidays.ts';
import type { WorkingCalendarSpec } from '../../src/schema/plan-calendar.ts';
import { createWorkingCalendar, withTimeAway, type HolidaySource } from '../../src/lib/schedule/working-calendar.ts';
import { addWorkingDays, latestStartFor, nextWorkingDay, previousWorkingDay } from '../../src/lib/schedule/working-days.ts';

const NO_HOLIDAYS: HolidaySource = () => [];
// A calendar as the schema gives it, with its defaults (Monday to Friday, nothing closed) filled in.
const calendar = (spec: Partial<WorkingCalendarSpec> & { country: string }): WorkingCalendarSpec => ({ workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], closed: [], ...spec });

describe('days off', () => {
	test('a closed period and time away are days off from their first to their last day', () => {
		const side = createWorkingCalendar(calendar({ country: 'SG', closed: [{ from: '2026-06-09', to: '2026-06-11', note: 'quarter close' }] }), NO_HOLIDAYS, 'en', 'Acme');
		expect(['2026-06-08', '2026-06-09', '2026-06-11', '2026-06-12'].map((day) => side.isWorkingDay(day))).toEqual([true, false, false, true]);
		const person = withTimeAway(side, 'Ana', [{ from: '2026-06-15', to: '2026-06-16' }]);
		expect(['2026-06-12', '2026-06-15', '2026-06-16', '2026-06-17'].map((day) => person.isWorkingDay(day))).toEqual([true, false, false, true]);
		expect(person.explainDayOff('2026-06-15')).toMatchObject({ kind: 'away', person: 'Ana' });
	});

	test('a day with two holidays is explained by the first the source names', () => {
		const holidays: HolidaySource = () => [{ date: '2026-06-10', name: 'Founders Day' }, { date: '2026-06-10', name: 'Harvest Day' }];
		expect(createWorkingCalendar(calendar({ country: 'SG' }), holidays, 'en').explainDayOff('2026-06-10')).toMatchObject({ kind: 'holiday', name: 'Founders Day', country: 'SG' });
	});

	test('a calendar of a plan the schema refused (no workdays written) still has a Monday-to-Friday week', () => {
		const side = createWorkingCalendar({ country: 'SG' } as never, NO_HOLIDAYS, 'en', 'Acme');
		const week = ['2026-06-12', '2026-06-13', '2026-06-14', '2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18'];
		expect(week.map((day) => side.isWorkingDay(day))).toEqual([true, false, false, true, true, true, true]);
		expect(side.explainDayOff('2026-06-13')).toEqual({ kind: 'weekend', date: '2026-06-13', weekday: 'sat', party: 'Acme' });
	});
});

describe('public holidays', () => {
	test('are those of the region when one is given, and only public ones', () => {
		const national = getPublicHolidays('DE', undefined, 2026, 'en').map((holiday) => holiday.date);
		const bavaria = getPublicHolidays('DE', 'BY', 2026, 'en').map((holiday) => holiday.date);
		expect(national).not.toContain('2026-01-06');
		expect(bavaria).toContain('2026-01-06');
		expect(getPublicHolidays('US', undefined, 2026, 'en').map((holiday) => holiday.date)).not.toContain('2026-02-14');
	});

	test('are named in the plan’s language, whichever language asked first', () => {
		const english = getPublicHolidays('ID', undefined, 2026, 'en').find((holiday) => holiday.date === '2026-08-17')!.name;
		const indonesian = getPublicHolidays('ID', undefined, 2026, 'id').find((holiday) => holiday.date === '2026-08-17')!.name;
		expect(english).not.toBe(indonesian);
		expect(getPublicHolidays('ID', undefined, 2026, 'en').find((holiday) => holiday.date === '2026-08-17')!.name).toBe(english);
	});

	test('name a country in English when the plan’s language has no name for it', () => {
		expect(getCountryName('SG', 'en')).toBe('Singapore');
		expect(getCountryName('SG', 'zz')).toBe('Singapore');
	});
});

describe('a calendar without a working day', () => {
	test('gives up after ten years instead of hanging the schedule', () => {
		const never = createWorkingCalendar(calendar({ country: 'SG', workdays: [] }), NO_HOLIDAYS, 'en');
		expect(nextWorkingDay('2026-06-01', never) > '2036-01-01').toBe(true);
		expect(previousWorkingDay('2026-06-01', never) < '2017-01-01').toBe(true);
		expect(addWorkingDays('2026-06-01', 3, never) > '2036-06-01').toBe(true);
		expect(latestStartFor('2026-06-01', 3, never) < '2016-06-01').toBe(true);
	});

	test('counts nothing back for zero working days', () => {
		expect(latestStartFor('2026-06-13', 0, createWorkingCalendar(calendar({ country: 'SG' }), NO_HOLIDAYS, 'en'))).toBe('2026-06-13');
	});
});

describe('steps before the decision', () => {
	test('a step moved onto or before the decision day counts, wherever it was first planned', () => {
		expect(isBeforeDecision({ due: '2026-06-11' }, '2026-06-11')).toBe(true);
		expect(isBeforeDecision({ due: '2026-06-11', dateChanges: [{ from: '2026-06-20' }] } as never, '2026-06-11')).toBe(true);
		expect(isBeforeDecision({ due: '2026-06-10', dateChanges: [{ from: '2026-06-20' }] } as never, '2026-06-11')).toBe(true);
		expect(isBeforeDecision({ due: '2026-06-12' }, '2026-06-11')).toBe(false);
		expect(isBeforeDecision({ due: 'tbd' }, '2026-06-11')).toBe(false);
	});
});

describe('float', () => {
	test('a step two others wait for has the float of the tighter one, in whichever order they are written', () => {
		for (const order of [['tight', 'loose'], ['loose', 'tight']]) {
			const byId = {
				tight: { id: 'tight', start: '2026-06-08', due: '2026-06-12', dependsOn: ['first'] },
				loose: { id: 'loose', due: '2026-06-08', dependsOn: ['first'] },
			};
			const plan = makePlan({
				decisionDate: '2026-06-12',
				buyer: { name: 'Northwind', calendar: calendar({ country: 'SG' }) },
				actions: [{ id: 'first', due: '2026-06-05' }, ...order.map((id) => byId[id as keyof typeof byId])],
			});
			const schedule = buildSchedule(plan, '2026-06-01', { holidays: NO_HOLIDAYS })!;
			const floats = Object.fromEntries(getActionFloats(plan, schedule, projectDecision(plan, schedule)));
			// first may finish on Mon 8 (tight starts its four working days then), not on Thu 11 as loose alone would allow.
			expect(floats).toEqual({ first: 1, tight: 0, loose: 4 });
		}
	});
});

describe('the days a step finishes on', () => {
	test('one owner’s time away moves only that owner’s steps', () => {
		const plan = makePlan({
			decisionDate: '2026-06-30',
			stakeholders: [
				{ id: 'ana', name: 'Ana Buyer', role: 'CTO', side: 'buyer', away: [{ from: '2026-06-08', to: '2026-06-12' }] },
				{ id: 'budi', name: 'Budi Santoso', role: 'Legal', side: 'buyer' },
			],
			actions: [
				{ id: 'security', owner: 'ana', due: '2026-06-10' },
				{ id: 'legal', owner: 'budi', due: '2026-06-10' },
			],
		});
		const schedule = buildSchedule(plan, '2026-06-01', { holidays: NO_HOLIDAYS })!;
		expect(schedule.actions.get('security')).toMatchObject({ projectedFinish: '2026-06-13', delay: { kind: 'away', person: 'Ana Buyer' } });
		expect(schedule.actions.get('legal')!.projectedFinish).toBe('2026-06-10');
	});

	test('a person owning steps on both sides works by each step’s side (the check only warns about it)', () => {
		const plan = makePlan({
			decisionDate: '2026-06-30',
			buyer: { name: 'Northwind', calendar: calendar({ country: 'SG' }) },
			actions: [
				{ id: 'security', owner: 'ana', due: '2026-06-12' },
				{ id: 'demo', side: 'seller', owner: 'ana', due: '2026-06-13' },
			],
		});
		// The seller has no calendar: Saturday the 13th is a working day for the seller's step.
		const schedule = buildSchedule(plan, '2026-06-01', { holidays: NO_HOLIDAYS })!;
		expect(schedule.actions.get('demo')!.projectedFinish).toBe('2026-06-13');
		expect(schedule.actions.get('security')!.projectedFinish).toBe('2026-06-12');
	});

	test('holidays are asked for the year of each day, so a step past New Year skips the next year’s', () => {
		const holidays: HolidaySource = (_country, _region, year) => (year === 2027 ? [{ date: '2027-01-04', name: 'Founders Day' }] : []);
		const plan = makePlan({
			decisionDate: '2027-01-29',
			buyer: { name: 'Northwind', calendar: calendar({ country: 'SG' }) },
			actions: [{ id: 'sign', due: '2027-01-04' }],
		});
		expect(buildSchedule(plan, '2026-12-01', { holidays })!.actions.get('sign')).toMatchObject({
			projectedFinish: '2027-01-05',
			delay: { kind: 'holiday', name: 'Founders Day' },
		});
	});

	test('a step that waits for a late one needs its own working days from start to due, counted afresh for each step', () => {
		const plan = makePlan({
			decisionDate: '2026-06-30',
			buyer: { name: 'Northwind', calendar: calendar({ country: 'SG' }) },
			actions: [
				{ id: 'security', due: '2026-06-03' },
				// Mon 1 to Thu 4 and Mon 1 to Fri 5: 3 and 4 working days.
				{ id: 'pricing', start: '2026-06-01', due: '2026-06-04' },
				{ id: 'legal', start: '2026-06-01', due: '2026-06-05', dependsOn: ['security'] },
			],
		});
		// security is open on Mon 8 (today); legal's 4 working days run Tue 9 to Fri 12.
		const schedule = buildSchedule(plan, '2026-06-08', { holidays: NO_HOLIDAYS })!;
		expect([...schedule.actions.values()].map(({ id, duration, projectedFinish }) => ({ id, duration, projectedFinish }))).toEqual([
			{ id: 'security', duration: 1, projectedFinish: '2026-06-08' },
			{ id: 'pricing', duration: 3, projectedFinish: '2026-06-08' },
			{ id: 'legal', duration: 4, projectedFinish: '2026-06-12' },
		]);
	});
});

describe('float over a long deal', () => {
	test('a step more than a year before the decision can slip every working day up to it', () => {
		const plan = makePlan({
			decisionDate: '2027-03-01',
			buyer: { name: 'Northwind', calendar: calendar({ country: 'SG' }) },
			actions: [{ id: 'kickoff', due: '2026-01-05' }],
		});
		const schedule = buildSchedule(plan, '2026-01-01', { holidays: NO_HOLIDAYS })!;
		// The working days from Tue 2026-01-06 to Mon 2027-03-01 (counted by hand: 300). The count
		// once gave 0: the two ends were read from running totals that started on different days.
		expect(getActionFloats(plan, schedule, projectDecision(plan, schedule)).get('kickoff')).toBe(300);
	});

	test('a late step read first does not upset the count of a step more than a year earlier', () => {
		const plan = makePlan({
			decisionDate: '2027-03-01',
			buyer: { name: 'Northwind', calendar: calendar({ country: 'SG' }) },
			actions: [
				{ id: 'kickoff', due: '2026-01-05' },
				{ id: 'sign', due: '2027-02-26' },
			],
		});
		const schedule = buildSchedule(plan, '2026-01-01', { holidays: NO_HOLIDAYS })!;
		// Floats are counted last step first: sign (Fri 26 to Mon 1: 1 day), then kickoff (300, as above).
		expect(Object.fromEntries(getActionFloats(plan, schedule, projectDecision(plan, schedule)))).toEqual({ kickoff: 300, sign: 1 });
	});

	test('a step planned after the decision has a float when a step before the decision waits for it', () => {
		const plan = makePlan({
			decisionDate: '2026-06-12',
			buyer: { name: 'Northwind', calendar: calendar({ country: 'SG' }) },
			actions: [
				{ id: 'references', due: '2026-06-15' },
				{ id: 'security', due: '2026-06-05' },
				{ id: 'sign', due: '2026-06-12', dependsOn: ['references', 'security'] },
			],
		});
		const schedule = buildSchedule(plan, '2026-06-01', { holidays: NO_HOLIDAYS })!;
		const decision = projectDecision(plan, schedule);
		expect(decision).toMatchObject({ projected: '2026-06-16', chain: ['references', 'sign'] });
		expect(Object.fromEntries(getActionFloats(plan, schedule, decision))).toEqual({ references: 0, security: 6, sign: 0 });
	});
});

describe('a day off in words', () => {
	test('on the buyer’s site the date is short and in the plan’s language, in the terminal it stays ISO', () => {
		const dayOff = { kind: 'holiday', date: '2026-08-17', name: 'Independence Day', country: 'ID' } as const;
		expect(describeDayOff(dayOff, 'en', 'short')).toMatchInlineSnapshot(`"Aug 17 is Independence Day in Indonesia"`);
		expect(describeDayOff(dayOff, 'id', 'short')).toMatchInlineSnapshot(`"17 Agu adalah Independence Day di Indonesia"`);
		expect(describeDayOff(dayOff, 'en', 'iso')).toMatchInlineSnapshot(`"2026-08-17 is Independence Day in Indonesia"`);
	});
});
