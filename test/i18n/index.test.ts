import { describe, expect, test } from 'vitest';
import {
	formatDateChange,
	formatDaysLate,
	formatProgress,
	formatProjectedDecision,
	formatRelativeDays,
	getMessages,
	isSupportedLocale,
	selectPlural,
	SUPPORTED_LOCALES,
} from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/messages/en.ts';
import { id } from '../../src/i18n/messages/id.ts';
import { PlanSchema } from '../../src/schema/plan.ts';

describe('SUPPORTED_LOCALES', () => {
	test('lists exactly the locales the plan schema accepts', () => {
		expect([...SUPPORTED_LOCALES].sort()).toEqual([...PlanSchema.shape.locale.unwrap().options].sort());
	});
});

describe('isSupportedLocale', () => {
	test.each([
		['en', true],
		['id', true],
		['fr', false],
		['EN', false],
	])('says %s is supported: %s', (value, expected) => {
		expect(isSupportedLocale(value)).toBe(expected);
	});
});

describe('getMessages', () => {
	test('returns the catalogue of each locale', () => {
		expect(getMessages('en')).toBe(en);
		expect(getMessages('id')).toBe(id);
	});
});

describe('selectPlural', () => {
	test.each([
		['en', 1, 'day'],
		['en', 2, 'days'],
		['en', 0, 'days'],
		['id', 1, 'hari (other)'],
	] as const)('picks the %s form for %d: %s', (locale, count, expected) => {
		expect(selectPlural(locale, count, { one: 'day', other: locale === 'id' ? 'hari (other)' : 'days' })).toBe(
			expected,
		);
	});
});

describe('formatProgress', () => {
	test.each([
		['en', '12 of 18 done, 67%'],
		['id', '12 dari 18 selesai, 67%'],
	] as const)('writes the progress sentence in %s', (locale, expected) => {
		expect(formatProgress({ done: 12, total: 18, percent: 67 }, locale)).toBe(expected);
	});

	test('groups large counts the locale way', () => {
		expect(formatProgress({ done: 1200, total: 1800, percent: 67 }, 'id')).toBe('1.200 dari 1.800 selesai, 67%');
	});
});

describe('formatDateChange', () => {
	const change = { on: '2026-04-28', from: '2026-05-03', to: '2026-05-17', reason: 'security backlog' };

	test.each([
		['en', 'due May 3 → May 17, changed Apr 28: security backlog'],
		['id', 'tenggat 3 Mei → 17 Mei, diubah 28 Apr: security backlog'],
	] as const)('writes a date change in %s with short dates', (locale, expected) => {
		expect(formatDateChange(change, locale)).toBe(expected);
	});

	test.each([
		['en', 'due May 3 → May 17, changed Apr 28 by Priya: security backlog'],
		['id', 'tenggat 3 Mei → 17 Mei, diubah 28 Apr oleh Priya: security backlog'],
	] as const)('names who asked for the change in %s', (locale, expected) => {
		expect(formatDateChange({ ...change, by: 'Priya' }, locale)).toBe(expected);
	});
});

describe('formatDaysLate', () => {
	test.each([
		[1, 'en', '1 day late'],
		[2, 'en', '2 days late'],
		[1000, 'en', '1,000 days late'],
		[1, 'id', 'terlambat 1 hari'],
		[2, 'id', 'terlambat 2 hari'],
	] as const)('writes %d in %s as %s', (days, locale, expected) => {
		expect(formatDaysLate(days, locale)).toBe(expected);
	});
});

describe('formatRelativeDays', () => {
	test.each([
		[-3, 'en', '3 days ago'],
		[-1, 'en', 'yesterday'],
		[0, 'en', 'today'],
		[1, 'en', 'tomorrow'],
		[3, 'en', 'in 3 days'],
		[-1, 'id', 'kemarin'],
		[0, 'id', 'hari ini'],
		[3, 'id', 'dalam 3 hari'],
	] as const)('writes %d in %s as %s', (days, locale, expected) => {
		expect(formatRelativeDays(days, locale)).toBe(expected);
	});
});

describe('formatProjectedDecision', () => {
	test.each([
		['en', 'Projected decision June 3, 2026, 12 days after the planned May 22, 2026'],
		['id', 'Keputusan diperkirakan 3 Juni 2026, 12 hari lebih lambat dari rencana 22 Mei 2026'],
	] as const)('says how many days the decision slips in %s', (locale, expected) => {
		expect(formatProjectedDecision({ planned: '2026-05-22', projected: '2026-06-03' }, locale)).toBe(expected);
	});

	test('uses the singular for a one-day slip', () => {
		expect(formatProjectedDecision({ planned: '2026-05-22', projected: '2026-05-23' }, 'en')).toBe(
			'Projected decision May 23, 2026, 1 day after the planned May 22, 2026',
		);
	});

	test.each([
		['2026-05-22', 'Projected decision on the planned May 22, 2026'],
		['2026-05-20', 'Projected decision on the planned May 22, 2026'],
	])('keeps to the plan when the projection is %s', (projected, expected) => {
		expect(formatProjectedDecision({ planned: '2026-05-22', projected }, 'en')).toBe(expected);
	});
});
