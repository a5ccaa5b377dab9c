/**
 * Schedules worked out by hand on a paper calendar of 2026. Weekdays used below:
 * Feb 2026: Mon 16, Tue 17, Wed 18, Thu 19, Fri 20, Mon 23.
 * Mar 2026: Mon 16 ... Thu 19, Fri 20, Sat 21, Sun 22, Mon 23, Tue 24, Wed 25.
 * Jun 2026: Mon 1, Tue 2, Fri 5, Mon 8, Wed 10, Thu 11, Fri 12, Mon 15, Sun 21, Mon 22, Tue 23.
 * Dec 2026: Fri 4, Mon 7, Fri 18, Mon 21; Jan 2027: Mon 4, Tue 5, Wed 6.
 */
import { describe, expect, test } from 'vitest';
import { buildSchedule, getProjectedDecision, projectDecision, type Schedule } from '../../src/lib/schedule.ts';
import { getActionFloats } from '../../src/lib/schedule/float.ts';
import { tryWhatIf } from '../../src/lib/schedule/what-if.ts';
import type { HolidaySource } from '../../src/lib/schedule/working-calendar.ts';
import type { Plan } from '../../src/schema/plan.ts';
import { makeChain, makePlan, type PlanOverrides } from '../helpers/make-plan.ts';

// Calendars without public holidays, so a test is about weekends, closed periods or time away only.
const NO_HOLIDAYS: HolidaySource = () => [];
const MON_TO_FRI = { country: 'SG' };

function finishes(schedule: Schedule | undefined): Record<string, string> {
	return Object.fromEntries([...schedule!.actions].map(([id, scheduled]) => [id, scheduled.projectedFinish]));
}

function floatsOf(plan: Plan, today: string, holidays: HolidaySource = NO_HOLIDAYS): Record<string, number> {
	const schedule = buildSchedule(plan, today, { holidays })!;
	return Object.fromEntries(getActionFloats(plan, schedule, projectDecision(plan, schedule)));
}

const people: PlanOverrides['stakeholders'] = [
	{ id: 'ana', name: 'Ana Buyer', role: 'CTO', side: 'buyer' },
	{ id: 'budi', name: 'Budi Santoso', role: 'CFO, signs the order', side: 'buyer', away: [{ from: '2026-06-01', to: '2026-06-21', note: 'travelling' }] },
	{ id: 'sam', name: 'Sam Seller', role: 'Account executive', side: 'seller' },
];

describe('buildSchedule with the holidays of two countries', () => {
	// Buyer in Indonesia, seller in Singapore; public holidays from date-holidays.
	const plan = makePlan({
		decisionDate: '2026-03-24',
		buyer: { name: 'Northwind', calendar: { country: 'ID' } },
		seller: { name: 'Acme', calendar: { country: 'SG' } },
		actions: [
			// Due Tue 17 Feb, Chinese New Year in Singapore (17 and 18): first working day is Thu 19. Slip 2.
			{ id: 'architecture-docs', side: 'seller', owner: 'sam', status: 'in-progress', due: '2026-02-17' },
			// Duration: Indonesian working days in (Mon 16 Mar, Fri 20 Mar] = 17, 18 (19 Nyepi, 20 Idul Fitri) = 2.
			// Earliest: max(20 Mar, 19 Feb + 2 working days) = 20 Mar, a holiday; Sat, Sun; finish Mon 23 Mar. Slip 3.
			{ id: 'security-review', start: '2026-03-16', due: '2026-03-20', dependsOn: ['architecture-docs'] },
			// One Singaporean working day after Mon 23: Tue 24 Mar. Slip 1.
			{ id: 'legal-review', side: 'seller', owner: 'sam', due: '2026-03-23', dependsOn: ['security-review'] },
			// One Indonesian working day after Tue 24: Wed 25 Mar. Slip 1.
			{ id: 'procurement', due: '2026-03-24', dependsOn: ['legal-review'] },
		],
	});

	test('counts each owner side working days and skips its holidays', () => {
		const schedule = buildSchedule(plan, '2026-02-16')!;
		expect(finishes(schedule)).toEqual({
			'architecture-docs': '2026-02-19',
			'security-review': '2026-03-23',
			'legal-review': '2026-03-24',
			procurement: '2026-03-25',
		});
		expect(schedule.actions.get('security-review')!.duration).toBe(2);
	});

	test('names the holidays that moved the chain to the decision', () => {
		const decision = getProjectedDecision(plan, '2026-02-16')!;
		expect(decision).toMatchObject({
			projected: '2026-03-25',
			slipDays: 1,
			chain: ['architecture-docs', 'security-review', 'legal-review', 'procurement'],
		});
		expect(decision.delays).toEqual([
			{ action: 'architecture-docs', dayOff: { kind: 'holiday', date: '2026-02-17', name: 'Chinese New Year', country: 'SG' } },
			{ action: 'security-review', dayOff: { kind: 'holiday', date: '2026-03-20', name: 'End of Ramadan (Eid al-Fitr)', country: 'ID' } },
		]);
	});

	test('names a holiday in the plan language', () => {
		const decision = getProjectedDecision({ ...plan, locale: 'id' }, '2026-02-16')!;
		expect(decision.delays[1]!.dayOff).toMatchObject({ name: 'Hari Raya Idul Fitri' });
	});
});

describe('buildSchedule with a closed period and a short week', () => {
	test('moves a step due in the seller freeze to its first day back, and its dependent after it', () => {
		const plan = makePlan({
			decisionDate: '2026-12-22',
			seller: { name: 'Acme', calendar: { ...MON_TO_FRI, closed: [{ from: '2026-12-18', to: '2027-01-04', note: 'year-end freeze' }] } },
			actions: [
				// Due Mon 21 Dec inside the freeze (18 Dec to 4 Jan): first working day Tue 5 Jan 2027.
				{ id: 'order-form', side: 'seller', owner: 'sam', due: '2026-12-21' },
				// The buyer has no calendar, so every day counts: 5 Jan + 1 day = Wed 6 Jan.
				{ id: 'countersign', due: '2026-12-22', dependsOn: ['order-form'] },
			],
		});
		const schedule = buildSchedule(plan, '2026-12-01', { holidays: NO_HOLIDAYS })!;
		expect(finishes(schedule)).toEqual({ 'order-form': '2027-01-05', countersign: '2027-01-06' });
		expect(schedule.actions.get('order-form')!.delay).toEqual({
			kind: 'closed',
			date: '2026-12-21',
			span: { from: '2026-12-18', to: '2027-01-04', note: 'year-end freeze' },
			party: 'Acme',
		});
	});

	test('finishes a Friday step on the next Monday when the side works Monday to Thursday', () => {
		const plan = makePlan({
			buyer: { name: 'Northwind', calendar: { ...MON_TO_FRI, workdays: ['mon', 'tue', 'wed', 'thu'] } },
			actions: [{ id: 'a', due: '2026-12-04' }],
		});
		const schedule = buildSchedule(plan, '2026-12-01', { holidays: NO_HOLIDAYS })!;
		expect(schedule.actions.get('a')).toMatchObject({ projectedFinish: '2026-12-07', slipDays: 3, delay: { kind: 'weekend', weekday: 'fri' } });
	});
});

describe('buildSchedule with an owner away across a due date', () => {
	const plan = makePlan({
		decisionDate: '2026-06-12',
		stakeholders: people,
		actions: [
			// Due Wed 10 Jun; Budi is away 1 to 21 Jun (Sun): first day back Mon 22 Jun.
			{ id: 'cfo-approval', owner: 'budi', due: '2026-06-10' },
			// Every day counts for the buyer here: 22 Jun + 1 = Tue 23 Jun; the decision slips 11 days.
			{ id: 'sign', owner: 'ana', due: '2026-06-12', dependsOn: ['cfo-approval'] },
		],
	});

	test('moves the step to the owner first working day back and the decision after it', () => {
		const decision = getProjectedDecision(plan, '2026-05-20')!;
		expect(decision).toMatchObject({ projected: '2026-06-23', slipDays: 11, chain: ['cfo-approval', 'sign'] });
		expect(decision.delays).toEqual([
			{ action: 'cfo-approval', dayOff: { kind: 'away', date: '2026-06-10', person: 'Budi Santoso', span: { from: '2026-06-01', to: '2026-06-21', note: 'travelling' } } },
		]);
	});

	test('leaves a step that finishes before the trip alone', () => {
		const before = makePlan({ ...plan, stakeholders: people, actions: [{ id: 'cfo-approval', owner: 'budi', due: '2026-05-29' }] });
		expect(buildSchedule(before, '2026-05-20')!.actions.get('cfo-approval')).toMatchObject({ projectedFinish: '2026-05-29', slipDays: 0 });
	});
});

describe('getActionFloats', () => {
	// Mon to Fri for the buyer; today Mon 1 Jun 2026; every step takes one working day.
	const diamond = makePlan({
		decisionDate: '2026-06-11',
		buyer: { name: 'Northwind', calendar: MON_TO_FRI },
		actions: [
			{ id: 'a', due: '2026-06-02' },
			{ id: 'b', due: '2026-06-05', dependsOn: ['a'] },
			{ id: 'c', due: '2026-06-10', dependsOn: ['a'] },
			{ id: 'd', due: '2026-06-11', dependsOn: ['b', 'c'] },
		],
	});

	test('gives a diamond zero float on its critical side and slack on the other', () => {
		// d finishes Thu 11 = the decision: 0. c must finish by Wed 10 for d to stay on Thu 11: 0.
		// b must also finish by Wed 10: working days in (Fri 5, Wed 10] = 8, 9, 10 = 3.
		// a must finish by Tue 9 (so b and c can finish Wed 10): (Tue 2, Tue 9] = 3, 4, 5, 8, 9 = 5.
		expect(floatsOf(diamond, '2026-06-01')).toEqual({ a: 5, b: 3, c: 0, d: 0 });
	});

	test.each(['a', 'b', 'c', 'd'])('agrees with what-if for %s: its float keeps the decision, one day more moves it', (id) => {
		const float = floatsOf(diamond, '2026-06-01')[id]!;
		const keep = tryWhatIf(diamond, { action: id, days: float }, '2026-06-01', { holidays: NO_HOLIDAYS })!;
		const move = tryWhatIf(diamond, { action: id, days: float + 1 }, '2026-06-01', { holidays: NO_HOLIDAYS })!;
		expect(keep.after.projected).toBe('2026-06-11');
		expect(move.after.projected > '2026-06-11').toBe(true);
	});

	test('grows by one per step back along a long chain with a day of slack between steps', () => {
		// a0 due 1 Jun, a1 due 3 Jun, ... a29 due 28 Jul (every day counts, no calendar). The last step
		// is the decision (0); each step before may finish up to the day before its dependent's due,
		// which is one day of slack per step: a_i has 29 - i.
		const chain = makeChain(30).map((action, index) => ({ ...action, due: addDaysUtc('2026-06-01', index * 2) }));
		const plan = makePlan({ decisionDate: '2026-07-29', actions: chain });
		const floats = floatsOf(plan, '2026-05-20');
		expect(Object.keys(floats)).toHaveLength(30);
		for (let index = 0; index < 30; index++) expect(floats[`a${index}`]).toBe(29 - index);
	});

	test('leaves out done steps, undated steps and steps after the decision', () => {
		const plan = makePlan({
			decisionDate: '2026-06-10',
			actions: [
				{ id: 'done', due: '2026-06-01', status: 'done', completedOn: '2026-05-30' },
				{ id: 'undated', due: 'tbd' },
				{ id: 'sign', due: '2026-06-10', dependsOn: ['done', 'undated'] },
				{ id: 'rollout', due: '2026-07-01', dependsOn: ['sign'] },
			],
		});
		expect(floatsOf(plan, '2026-05-20')).toEqual({ sign: 0 });
	});
});

describe('tryWhatIf', () => {
	// Mon to Fri. legal: working days in (Mon 8, Wed 10] = 9, 10 = 2.
	const plan = makePlan({
		decisionDate: '2026-06-11',
		buyer: { name: 'Northwind', calendar: MON_TO_FRI },
		actions: [
			{ id: 'security', due: '2026-06-05' },
			{ id: 'legal', start: '2026-06-08', due: '2026-06-10', dependsOn: ['security'] },
			{ id: 'procurement', due: '2026-06-11', dependsOn: ['legal'] },
		],
	});

	test('pushes a slip of working days through the chain', () => {
		// security +3 working days after Fri 5: Mon 8, Tue 9, Wed 10. legal: 2 working days after
		// Wed 10 = Fri 12. procurement: 1 working day after Fri 12 = Mon 15 (the weekend skipped).
		const result = tryWhatIf(plan, { action: 'security', days: 3 }, '2026-06-01', { holidays: NO_HOLIDAYS })!;
		expect(result.due).toBe('2026-06-10');
		expect(result.after).toMatchObject({ projected: '2026-06-15', slipDays: 4 });
		expect(result.moved).toEqual([
			{ id: 'security', from: '2026-06-05', to: '2026-06-10' },
			{ id: 'legal', from: '2026-06-10', to: '2026-06-12' },
			{ id: 'procurement', from: '2026-06-11', to: '2026-06-15' },
		]);
	});

	test('absorbs a new date inside the slack', () => {
		// security on Mon 8: legal needs 2 working days after it, Wed 10, its due date: nothing else moves.
		const result = tryWhatIf(plan, { action: 'security', date: '2026-06-08' }, '2026-06-01', { holidays: NO_HOLIDAYS })!;
		expect(result.after.projected).toBe('2026-06-11');
		expect(result.moved).toEqual([{ id: 'security', from: '2026-06-05', to: '2026-06-08' }]);
	});

	test('still moves the decision when the last step slips past the decision date', () => {
		const result = tryWhatIf(plan, { action: 'procurement', days: 2 }, '2026-06-01', { holidays: NO_HOLIDAYS })!;
		// Thu 11 + 2 working days = Mon 15.
		expect(result.after).toMatchObject({ projected: '2026-06-15', decisionAction: 'procurement' });
	});

	test('is undefined for an unknown action', () => {
		expect(tryWhatIf(plan, { action: 'nope', days: 1 }, '2026-06-01')).toBeUndefined();
	});
});

describe('steps with a date to agree (due: tbd)', () => {
	const plan = makePlan({
		decisionDate: '2026-06-12',
		actions: [
			{ id: 'security', due: 'tbd' },
			{ id: 'legal', due: '2026-06-10', dependsOn: ['security'] },
			{ id: 'sign', due: '2026-06-12', dependsOn: ['legal'] },
			{ id: 'pilot', due: 'tbd', status: 'done', completedOn: '2026-05-02' },
		],
	});

	test('are not accounted for: the decision keeps its date and counts them', () => {
		// legal does not wait for the undated step: it keeps 10 Jun, sign 12 Jun.
		const decision = getProjectedDecision(plan, '2026-06-01')!;
		expect(decision).toMatchObject({ projected: '2026-06-12', slipDays: 0, chain: ['legal', 'sign'], undated: ['security'] });
	});

	test('never slip', () => {
		const schedule = buildSchedule(plan, '2026-07-01')!;
		expect(schedule.actions.get('security')).toMatchObject({ isUndated: true, slipDays: 0 });
	});
});

function addDaysUtc(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
