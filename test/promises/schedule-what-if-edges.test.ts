/**
 * The what-if a rep reads in the terminal (`npm run report -- --what-if`, `npm run plan -- slip`),
 * pinned so that mutation testing (docs/mutation.md) notices a misread change or a line that says
 * the wrong thing. Every plan is built inside its test.
 */
import { describe, expect, test } from 'vitest';
import { parseWhatIf, tryWhatIf, type WhatIfChange } from '../../src/lib/schedule/what-if.ts';
import { formatWhatIf } from '../../src/lib/schedule/what-if-report.ts';
import type { HolidaySource } from '../../src/lib/schedule/working-calendar.ts';
import { makePlan } from '../helpers/make-plan.ts';

const NO_HOLIDAYS: HolidaySource = () => [];

function makeChainPlan() {
	return makePlan({
		decisionDate: '2026-06-11',
		buyer: { name: 'Northwind', calendar: { country: 'SG' } },
		actions: [
			{ id: 'security', title: 'Security review', due: '2026-06-05' },
			{ id: 'legal', title: 'Legal review', start: '2026-06-08', due: '2026-06-10', dependsOn: ['security'] },
			{ id: 'procurement', title: 'Procurement', due: '2026-06-11', dependsOn: ['legal'] },
		],
	});
}

function whatIf(plan: ReturnType<typeof makePlan>, change: WhatIfChange, holidays: HolidaySource = NO_HOLIDAYS): string {
	return formatWhatIf(plan, change, tryWhatIf(plan, change, '2026-06-01', { holidays })!).join('\n');
}

describe('reading a what-if from the command line', () => {
	test.each([
		['legal-review=+5', { action: 'legal-review', days: 5 }],
		['  legal=+120 ', { action: 'legal', days: 120 }],
		['legal=2026-06-20', { action: 'legal', date: '2026-06-20' }],
	])('reads %j', (text, change) => {
		expect(parseWhatIf(text)).toEqual(change);
	});

	test.each(['legal=+1000', 'legal=5', 'legal = +5', 'legal=+5d', 'x legal=+5', 'legal=2026-6-20', '=+5'])('refuses %j and shows both forms', (text) => {
		expect(parseWhatIf(text)).toBe(`"${text}" is not a what-if. Write <action>=+<working days> or <action>=<YYYY-MM-DD>, e.g. legal-review=+5 or legal-review=2026-06-20.`);
	});
});

describe('the what-if in words', () => {
	test('a slip through the chain that moves the decision later, with every move', () => {
		expect(whatIf(makeChainPlan(), { action: 'security', days: 3 })).toMatchInlineSnapshot(`
			"What if "security" is due 2026-06-10 (+3 working days after its projected finish):
			  decision     planned 2026-06-11, projected 2026-06-11 -> 2026-06-15 (4 days later)
			  because      Legal review -> Procurement
			  moves        security     2026-06-05 -> 2026-06-10
			               legal        2026-06-10 -> 2026-06-12
			               procurement  2026-06-11 -> 2026-06-15"
		`);
	});

	test('one working day, inside the slack: the decision stays', () => {
		expect(whatIf(makeChainPlan(), { action: 'security', days: 1 })).toMatchInlineSnapshot(`
			"What if "security" is due 2026-06-08 (+1 working day after its projected finish):
			  decision     planned 2026-06-11, projected stays 2026-06-11
			  moves        security  2026-06-05 -> 2026-06-08"
		`);
	});

	test('a new date for a step that does not lead to the decision moves only that step', () => {
		const plan = makePlan({
			decisionDate: '2026-06-11',
			actions: [
				{ id: 'security', title: 'Security review', due: '2026-06-05' },
				{ id: 'procurement', title: 'Procurement', due: '2026-06-16' },
			],
		});
		expect(whatIf(plan, { action: 'procurement', date: '2026-06-12' })).toMatchInlineSnapshot(`
			"What if "procurement" is due 2026-06-12:
			  decision     planned 2026-06-11, projected stays 2026-06-11
			  moves        procurement  2026-06-16 -> 2026-06-12"
		`);
		expect(whatIf(plan, { action: 'procurement', date: '2026-06-15' })).toMatchInlineSnapshot(`
			"What if "procurement" is due 2026-06-15:
			  decision     planned 2026-06-11, projected stays 2026-06-11
			  moves        procurement  2026-06-16 -> 2026-06-15"
		`);
	});

	test('a date that moves nothing says so', () => {
		expect(whatIf(makeChainPlan(), { action: 'procurement', date: '2026-06-11' })).toMatchInlineSnapshot(`
			"What if "procurement" is due 2026-06-11:
			  decision     planned 2026-06-11, projected stays 2026-06-11
			  no projection moves"
		`);
	});

	test('a slip of one day onto a holiday names the day off, and undated steps are counted', () => {
		const plan = makePlan({
			decisionDate: '2026-06-12',
			buyer: { name: 'Northwind', calendar: { country: 'SG' } },
			actions: [
				{ id: 'security', title: 'Security review', due: '2026-06-05' },
				{ id: 'sign', title: 'Signature', due: '2026-06-12', dependsOn: ['security'] },
				{ id: 'pilot', title: 'Pilot', due: 'tbd' },
				{ id: 'training', title: 'Training', due: 'tbd' },
			],
		});
		const holidays: HolidaySource = () => [{ date: '2026-06-15', name: 'Founders Day' }];
		expect(whatIf(plan, { action: 'sign', date: '2026-06-15' }, holidays)).toMatchInlineSnapshot(`
			"What if "sign" is due 2026-06-15:
			  decision     planned 2026-06-12, projected 2026-06-12 -> 2026-06-16 (4 days later)
			  because      Signature
			  moved        Signature: 2026-06-15 is Founders Day in Singapore
			  moves        sign  2026-06-12 -> 2026-06-16
			  not counted  2 steps with a date to agree: pilot, training"
		`);
		expect(whatIf(plan, { action: 'sign', days: 1 }, holidays)).toMatchInlineSnapshot(`
			"What if "sign" is due 2026-06-16 (+1 working day after its projected finish):
			  decision     planned 2026-06-12, projected 2026-06-12 -> 2026-06-16 (4 days later)
			  moves        sign  2026-06-12 -> 2026-06-16
			  not counted  2 steps with a date to agree: pilot, training"
		`);
	});

	test('an earlier date for a late step brings the decision back, worded as earlier', () => {
		const plan = makeChainPlan();
		plan.actions[0]!.due = '2026-06-09';
		expect(whatIf(plan, { action: 'security', date: '2026-06-05' })).toMatchInlineSnapshot(`
			"What if "security" is due 2026-06-05:
			  decision     planned 2026-06-11, projected 2026-06-12 -> 2026-06-11 (1 day earlier)
			  moves        security     2026-06-09 -> 2026-06-05
			               legal        2026-06-11 -> 2026-06-10
			               procurement  2026-06-12 -> 2026-06-11"
		`);
	});

	test('a step with a date to agree is not listed among the moves, though its earliest day moves', () => {
		const plan = makeChainPlan();
		plan.actions.push({ ...plan.actions[2]!, id: 'pilot', title: 'Pilot', due: 'tbd', dependsOn: ['legal'] });
		expect(whatIf(plan, { action: 'security', days: 3 })).toMatchInlineSnapshot(`
			"What if "security" is due 2026-06-10 (+3 working days after its projected finish):
			  decision     planned 2026-06-11, projected 2026-06-11 -> 2026-06-15 (4 days later)
			  because      Legal review -> Procurement
			  moves        security     2026-06-05 -> 2026-06-10
			               legal        2026-06-10 -> 2026-06-12
			               procurement  2026-06-11 -> 2026-06-15
			  not counted  1 step with a date to agree: pilot"
		`);
	});

	test('a step moved from after the decision to before it: the decision was never set by steps after it', () => {
		const plan = makePlan({
			decisionDate: '2026-06-11',
			actions: [
				{ id: 'legal', title: 'Legal review', due: '2026-06-12' },
				{ id: 'procurement', title: 'Procurement', due: '2026-06-15', dependsOn: ['legal'] },
			],
		});
		expect(whatIf(plan, { action: 'legal', date: '2026-06-10' })).toMatchInlineSnapshot(`
			"What if "legal" is due 2026-06-10:
			  decision     planned 2026-06-11, projected stays 2026-06-11
			  moves        legal  2026-06-12 -> 2026-06-10"
		`);
		expect(whatIf(plan, { action: 'legal', date: '2026-06-16' })).toMatchInlineSnapshot(`
			"What if "legal" is due 2026-06-16:
			  decision     planned 2026-06-11, projected stays 2026-06-11
			  moves        legal        2026-06-12 -> 2026-06-16
			               procurement  2026-06-15 -> 2026-06-17"
		`);
	});

	test('one day and one undated step are worded as one', () => {
		const plan = makePlan({
			decisionDate: '2026-06-15',
			buyer: { name: 'Northwind', calendar: { country: 'SG' } },
			actions: [
				{ id: 'legal', title: 'Legal review', due: '2026-06-12' },
				{ id: 'procurement', title: 'Procurement', due: '2026-06-15', dependsOn: ['legal'] },
				{ id: 'pilot', title: 'Pilot', due: 'tbd' },
			],
		});
		expect(whatIf(plan, { action: 'procurement', days: 1 })).toMatchInlineSnapshot(`
			"What if "procurement" is due 2026-06-16 (+1 working day after its projected finish):
			  decision     planned 2026-06-15, projected 2026-06-15 -> 2026-06-16 (1 day later)
			  moves        procurement  2026-06-15 -> 2026-06-16
			  not counted  1 step with a date to agree: pilot"
		`);
	});
});
