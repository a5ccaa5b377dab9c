import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import {
	buildPersonCalendar,
	buildPlanCalendar,
	escapeText,
	foldLine,
	type CalendarOptions,
} from '../../src/lib/calendar.ts';
import { PlanSchema, type Plan, type PlanInput } from '../../src/schema/plan.ts';

// Clients read X-WR-CALNAME as TEXT (the default for X- properties, RFC 5545 3.8.8.2) and
// unescape it; ical.js leaves unknown properties raw unless told their type.
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };

const HOSTILE = 'Legal, security; and \\ "backslash"\nline two 🚀 — Tinjauan keamanan, tanda tangan; selesai';

const OPTIONS: CalendarOptions = { now: '2026-05-10T09:30:00.123Z', uidDomain: 'deals.example.com' };

function makeTestPlan(overrides: Partial<PlanInput> = {}): Plan {
	return PlanSchema.parse({
		title: 'Northwind x Acme: data platform evaluation',
		buyer: { name: 'Northwind' },
		seller: { name: 'Acme' },
		brand: { primary: '#0b5fff' },
		decisionDate: '2026-07-01',
		status: 'active',
		objective: { shared: 'Decide on the data platform' },
		stakeholders: [
			{ id: 'dana', name: 'Dana Ortiz', role: 'CISO', side: 'buyer' },
			{ id: 'sam', name: 'Sam Seller', role: 'Account executive', side: 'seller' },
		],
		milestones: [
			{ id: 'pilot', title: 'Pilot complete', due: '2026-06-30', description: 'All pilot checks passed' },
			{ id: 'signed', title: 'Contract signed', due: '2026-07-01' },
		],
		actions: [
			{
				id: 'security-review',
				title: 'Security review',
				side: 'buyer',
				owner: 'dana',
				due: '2026-06-15',
				status: 'in-progress',
				milestone: 'pilot',
				notes: 'Needs the SOC 2 report',
			},
			{ id: 'send-soc2', title: 'Send SOC 2 report', side: 'seller', owner: 'sam', due: '2026-06-01', status: 'done', completedOn: '2026-05-30' },
			{ id: 'legal', title: 'Legal redlines', side: 'seller', owner: 'sam', due: '2026-06-20', status: 'blocked' },
		],
		risks: [{ id: 'budget', title: 'Budget freeze', probability: 'low', impact: 'high', owner: 'dana' }],
		...overrides,
	});
}

/** Every VEVENT of a calendar text, parsed by ical.js, keyed by nothing: in output order. */
function parseEvents(ics: string): ICAL.Event[] {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

function parseCalendar(ics: string): ICAL.Component {
	return new ICAL.Component(ICAL.parse(ics));
}

function findEvent(ics: string, uidStart: string): ICAL.Event {
	const event = parseEvents(ics).find((item) => item.uid.startsWith(uidStart));
	if (!event) throw new Error(`no event with a UID starting ${uidStart}`);
	return event;
}

/** The content lines with folding undone, as RFC 5545 section 3.1 describes. */
function unfold(ics: string): string[] {
	return ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
}

describe('buildPlanCalendar', () => {
	test('writes the calendar properties that Google, Outlook and Apple expect', () => {
		const calendar = parseCalendar(buildPlanCalendar(makeTestPlan(), OPTIONS));
		expect({
			prodid: calendar.getFirstPropertyValue('prodid'),
			version: calendar.getFirstPropertyValue('version'),
			calscale: calendar.getFirstPropertyValue('calscale'),
			method: calendar.getFirstPropertyValue('method'),
			name: calendar.getFirstPropertyValue('x-wr-calname'),
		}).toEqual({
			prodid: '-//mapsite//Mutual Action Plan//EN',
			version: '2.0',
			calscale: 'GREGORIAN',
			method: 'PUBLISH',
			name: 'Northwind x Acme: data platform evaluation',
		});
	});

	test('adds one event per milestone and per action, and none for risks', () => {
		const summaries = parseEvents(buildPlanCalendar(makeTestPlan(), OPTIONS)).map((event) => event.summary);
		expect(summaries).toEqual([
			'Milestone: Pilot complete',
			'Milestone: Contract signed',
			'Security review due (buyer: Dana Ortiz)',
			'Done: Send SOC 2 report (seller: Sam Seller)',
			'Legal redlines due (seller: Sam Seller)',
		]);
	});

	test('makes every event all-day on its due date, ending the next day across month ends', () => {
		const events = parseEvents(buildPlanCalendar(makeTestPlan(), OPTIONS));
		expect(events.map((event) => [event.startDate.isDate, event.startDate.toString(), event.endDate.toString()])).toEqual([
			[true, '2026-06-30', '2026-07-01'],
			[true, '2026-07-01', '2026-07-02'],
			[true, '2026-06-15', '2026-06-16'],
			[true, '2026-06-01', '2026-06-02'],
			[true, '2026-06-20', '2026-06-21'],
		]);
		expect(buildPlanCalendar(makeTestPlan(), OPTIONS)).toContain('DTSTART;VALUE=DATE:20260630\r\n');
	});

	test('describes an action with its status, owner, milestone and notes', () => {
		const event = findEvent(buildPlanCalendar(makeTestPlan(), OPTIONS), 'action-security-review-');
		expect(event.description).toBe(
			'Status: In progress\nOwner: Dana Ortiz (buyer)\nMilestone: Pilot complete\nNotes: Needs the SOC 2 report',
		);
	});

	test('describes a milestone with its description', () => {
		const event = findEvent(buildPlanCalendar(makeTestPlan(), OPTIONS), 'milestone-pilot-');
		expect(event.description).toBe('All pilot checks passed');
	});

	test.each([
		['security-review', 'CONFIRMED'],
		['send-soc2', 'CONFIRMED'],
		['legal', 'TENTATIVE'],
	])('gives action %s the status %s', (id, status) => {
		const event = findEvent(buildPlanCalendar(makeTestPlan(), OPTIONS), `action-${id}-`);
		expect(event.component.getFirstPropertyValue('status')).toBe(status);
	});

	test('marks every event transparent and stamps it with the injected time', () => {
		const events = parseEvents(buildPlanCalendar(makeTestPlan(), OPTIONS));
		expect(new Set(events.map((event) => event.component.getFirstPropertyValue('transp')))).toEqual(new Set(['TRANSPARENT']));
		expect(new Set(events.map((event) => event.component.getFirstPropertyValue('dtstamp')?.toString()))).toEqual(
			new Set(['2026-05-10T09:30:00Z']),
		);
	});

	test('counts recorded date changes in SEQUENCE so clients accept the slip', () => {
		const plan = makeTestPlan();
		plan.actions[0].dateChanges = [{ on: '2026-05-01', from: '2026-06-10', to: '2026-06-15', reason: 'Auditor away' }];
		const events = parseEvents(buildPlanCalendar(plan, OPTIONS));
		expect(events.slice(2).map((event) => event.sequence)).toEqual([1, 0, 0]);
	});

	test('keeps UIDs identical across builds at different times', () => {
		const first = parseEvents(buildPlanCalendar(makeTestPlan(), OPTIONS)).map((event) => event.uid);
		const later = parseEvents(buildPlanCalendar(makeTestPlan(), { ...OPTIONS, now: '2026-09-01T00:00:00Z' })).map(
			(event) => event.uid,
		);
		expect(later).toEqual(first);
		expect(new Set(first).size).toBe(first.length);
		expect(first[2]).toMatch(/^action-security-review-[0-9a-f]{16}@deals\.example\.com$/);
	});

	test('keeps UIDs when the title changes if a deal slug is given, and separates deals', () => {
		const slugged = { ...OPTIONS, dealSlug: 'northwind' };
		const uids = (plan: Plan, options: CalendarOptions) => parseEvents(buildPlanCalendar(plan, options)).map((event) => event.uid);
		const renamed = makeTestPlan({ title: 'Northwind x Acme: renamed' });
		expect(uids(renamed, slugged)).toEqual(uids(makeTestPlan(), slugged));
		expect(uids(makeTestPlan(), { ...OPTIONS, dealSlug: 'contoso' })).not.toEqual(uids(makeTestPlan(), slugged));
		expect(uids(renamed, OPTIONS)).not.toEqual(uids(makeTestPlan(), OPTIONS));
	});

	test('reads hostile text back unchanged through ical.js', () => {
		const plan = makeTestPlan({ title: HOSTILE });
		plan.actions[0].title = HOSTILE;
		plan.actions[0].notes = HOSTILE;
		plan.milestones[0].description = HOSTILE;
		const ics = buildPlanCalendar(plan, OPTIONS);
		expect(parseCalendar(ics).getFirstPropertyValue('x-wr-calname')).toBe(HOSTILE);
		expect(findEvent(ics, 'action-security-review-').summary).toBe(`${HOSTILE} due (buyer: Dana Ortiz)`);
		expect(findEvent(ics, 'action-security-review-').description).toContain(`\nNotes: ${HOSTILE}`);
		expect(findEvent(ics, 'milestone-pilot-').description).toBe(HOSTILE);
		// ical.js would also accept a bare comma in SUMMARY, so pin the escaped form itself.
		expect(unfold(ics)).toContain(
			'SUMMARY:Legal\\, security\\; and \\\\ "backslash"\\nline two 🚀 — Tinjauan keamanan\\, tanda tangan\\; selesai due (buyer: Dana Ortiz)',
		);
	});

	test('uses CRLF after every line and nowhere a bare CR or LF', () => {
		const plan = makeTestPlan();
		plan.actions[0].notes = 'one\ntwo\r\nthree\rfour';
		const ics = buildPlanCalendar(plan, OPTIONS);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	test('folds lines to at most 75 octets without splitting a character, and unfolding restores them', () => {
		const longText = `${'Tinjauan keamanan 🚀 dan tanda tangan kontrak, é; '.repeat(8)}`;
		const plan = makeTestPlan();
		plan.actions[0].title = longText;
		const ics = buildPlanCalendar(plan, OPTIONS);
		const physical = ics.split('\r\n').slice(0, -1);
		expect(physical.filter((line) => Buffer.byteLength(line, 'utf8') > 75)).toEqual([]);
		expect(physical.every((line) => line.isWellFormed())).toBe(true);
		expect(physical.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(5);
		expect(unfold(ics)).toContain(`SUMMARY:${escapeText(`${longText} due (buyer: Dana Ortiz)`)}`);
		expect(findEvent(ics, 'action-security-review-').summary).toBe(`${longText} due (buyer: Dana Ortiz)`);
	});

	test('adds the deal URL to every event and to its description', () => {
		const ics = buildPlanCalendar(makeTestPlan(), { ...OPTIONS, dealUrl: 'https://deals.example.com/x7k2/' });
		const events = parseEvents(ics);
		expect(events.map((event) => event.component.getFirstPropertyValue('url'))).toEqual(
			Array(5).fill('https://deals.example.com/x7k2/'),
		);
		expect(findEvent(ics, 'milestone-signed-').description).toBe('Plan: https://deals.example.com/x7k2/');
		expect(buildPlanCalendar(makeTestPlan(), OPTIONS)).not.toContain('URL:');
	});

	test('uses injected labels and falls back to English for the rest', () => {
		const ics = buildPlanCalendar(makeTestPlan(), {
			...OPTIONS,
			labels: {
				planCalendarName: (title) => `Rencana: ${title}`,
				openActionSummary: ({ title, side, ownerName }) => `Tenggat ${title} (${side}: ${ownerName})`,
				sides: { buyer: 'pembeli' },
				statuses: { 'in-progress': 'Sedang berjalan' },
			},
		});
		expect(parseCalendar(ics).getFirstPropertyValue('x-wr-calname')).toBe('Rencana: Northwind x Acme: data platform evaluation');
		const event = findEvent(ics, 'action-security-review-');
		expect(event.summary).toBe('Tenggat Security review (pembeli: Dana Ortiz)');
		expect(event.description).toContain('Status: Sedang berjalan\n');
		expect(findEvent(ics, 'milestone-pilot-').summary).toBe('Milestone: Pilot complete');
		expect(findEvent(ics, 'action-legal-').summary).toBe('Tenggat Legal redlines (seller: Sam Seller)');
	});

	test('promises no subscription: no refresh interval or published time to live', () => {
		const ics = buildPlanCalendar(makeTestPlan(), OPTIONS);
		expect(ics).not.toMatch(/REFRESH-INTERVAL|X-PUBLISHED-TTL/);
	});

	test('reminds at 09:00 on the working day before every open action and open milestone, and never for done work', () => {
		const calendar = parseCalendar(buildPlanCalendar(makeTestPlan(), OPTIONS));
		const triggers = new Map(
			calendar.getAllSubcomponents('vevent').map((vevent) => [
				vevent.getFirstPropertyValue('summary'),
				vevent.getAllSubcomponents('valarm').map((alarm) => [alarm.getFirstPropertyValue('action'), String(alarm.getFirstPropertyValue('trigger'))]),
			]),
		);
		expect(Object.fromEntries(triggers)).toEqual({
			// Tuesday June 30: Monday 09:00.
			'Milestone: Pilot complete': [['DISPLAY', '-PT15H']],
			// No action leads to it: a bare date, reminded like any other. Wednesday July 1: Tuesday 09:00.
			'Milestone: Contract signed': [['DISPLAY', '-PT15H']],
			// Monday June 15: Friday June 12, 09:00.
			'Security review due (buyer: Dana Ortiz)': [['DISPLAY', '-P2DT15H']],
			'Done: Send SOC 2 report (seller: Sam Seller)': [],
			// Saturday June 20: Friday 09:00.
			'Legal redlines due (seller: Sam Seller)': [['DISPLAY', '-PT15H']],
		});
	});

	test('rejects a time stamp that is not an ISO instant', () => {
		expect(() => buildPlanCalendar(makeTestPlan(), { ...OPTIONS, now: 'yesterday' })).toThrowErrorMatchingInlineSnapshot(`[Error: The calendar time stamp "yesterday" is not an ISO date and time.]`);
	});

	test('rejects a UID domain or deal URL that would break a content line', () => {
		expect(() => buildPlanCalendar(makeTestPlan(), { ...OPTIONS, uidDomain: 'a.com\r\nX-EVIL:1' })).toThrowErrorMatchingInlineSnapshot(`[Error: The calendar UID domain "a.com\\r\\nX-EVIL:1" must not contain spaces or line breaks.]`);
		expect(() => buildPlanCalendar(makeTestPlan(), { ...OPTIONS, dealUrl: 'https://a.com/ x' })).toThrowErrorMatchingInlineSnapshot(`[Error: The calendar deal URL "https://a.com/ x" must not contain spaces or line breaks.]`);
	});
});

describe('buildPersonCalendar', () => {
	test('holds only the open actions the person owns, with no milestones or risks', () => {
		const events = parseEvents(buildPersonCalendar(makeTestPlan(), 'sam', OPTIONS));
		expect(events.map((event) => event.summary)).toEqual(['Legal redlines due (seller: Sam Seller)']);
		expect(parseEvents(buildPersonCalendar(makeTestPlan(), 'dana', OPTIONS)).map((event) => event.summary)).toEqual([
			'Security review due (buyer: Dana Ortiz)',
		]);
	});

	test('names whose feed it is', () => {
		const calendar = parseCalendar(buildPersonCalendar(makeTestPlan(), 'dana', OPTIONS));
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
			'Dana Ortiz: what I owe · Northwind x Acme: data platform evaluation',
		);
		const localised = buildPersonCalendar(makeTestPlan(), 'dana', {
			...OPTIONS,
			labels: { personCalendarName: (name) => `Tanggungan ${name}` },
		});
		expect(parseCalendar(localised).getFirstPropertyValue('x-wr-calname')).toBe('Tanggungan Dana Ortiz');
	});

	test('gives each action the UID it has in the plan file, so importing both leaves one event', () => {
		const plan = makeTestPlan();
		const planUids = new Map(parseEvents(buildPlanCalendar(plan, OPTIONS)).map((event) => [event.summary, event.uid]));
		for (const person of ['dana', 'sam']) {
			for (const event of parseEvents(buildPersonCalendar(plan, person, OPTIONS))) expect(event.uid).toBe(planUids.get(event.summary));
		}
	});

	test('gives a valid, empty calendar to a person who owns nothing', () => {
		const plan = makeTestPlan({
			stakeholders: [
				{ id: 'dana', name: 'Dana Ortiz', role: 'CISO', side: 'buyer' },
				{ id: 'sam', name: 'Sam Seller', role: 'Account executive', side: 'seller' },
				{ id: 'idle', name: 'Ida Idle', role: 'Observer', side: 'buyer' },
			],
		});
		expect(parseEvents(buildPersonCalendar(plan, 'idle', OPTIONS))).toEqual([]);
	});

	test('rejects an id no stakeholder has', () => {
		expect(() => buildPersonCalendar(makeTestPlan(), 'nobody', OPTIONS)).toThrowErrorMatchingInlineSnapshot(`[Error: No stakeholder has the id "nobody"; the plan has: dana, sam.]`);
	});
});

describe('escapeText', () => {
	test.each([
		['commas', 'a,b', 'a\\,b'],
		['semicolons', 'a;b', 'a\\;b'],
		['backslashes before anything else', 'a\\,b', 'a\\\\\\,b'],
		['every kind of newline', 'a\nb\r\nc\rd', 'a\\nb\\nc\\nd'],
		['control characters by dropping them', 'a\u0007b\tc', 'ab\tc'],
		['nothing in emoji and Indonesian text', 'Selesai 🚀 ñ', 'Selesai 🚀 ñ'],
	])('escapes %s', (_, input, expected) => {
		expect(escapeText(input)).toBe(expected);
	});
});

describe('foldLine', () => {
	test.each([
		['keeps a 75-octet line whole', 'a'.repeat(75), ['a'.repeat(75)]],
		['breaks the 76th octet onto a continuation line', 'a'.repeat(76), ['a'.repeat(75), ' a']],
		['gives continuation lines 74 octets after the space', 'a'.repeat(150), ['a'.repeat(75), ` ${'a'.repeat(74)}`, ' a']],
		['moves a two-octet character that would straddle the limit', `${'a'.repeat(74)}é`, ['a'.repeat(74), ' é']],
		['moves a four-octet emoji that would straddle the limit', `${'a'.repeat(73)}🚀`, ['a'.repeat(73), ' 🚀']],
		['moves a three-octet character that would straddle the limit', `${'a'.repeat(73)}€`, ['a'.repeat(73), ' €']],
		['keeps 25 three-octet characters (75 octets) whole', '€'.repeat(25), ['€'.repeat(25)]],
		['folds 26 three-octet characters (78 octets)', '€'.repeat(26), ['€'.repeat(25), ' €']],
		['folds 19 emoji (76 octets, 38 UTF-16 units)', '🚀'.repeat(19), ['🚀'.repeat(18), ' 🚀']],
	])('%s', (_, input, expected) => {
		expect(foldLine(input).split('\r\n')).toEqual(expected);
	});
});
