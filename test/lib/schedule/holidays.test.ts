import { describe, expect, test } from 'vitest';
import { exportHolidayMemo, getCountryName, getPublicHolidays, getRegionCodes, primeHolidayMemo } from '../../../src/lib/schedule/holidays.ts';

describe('holidays from date-holidays', () => {
	test('names Idul Fitri 2026 in Indonesia in Indonesian, and the country', () => {
		const holidays = getPublicHolidays('ID', undefined, 2026, 'id');
		expect(holidays).toContainEqual({ date: '2026-03-20', name: expect.stringMatching(/Idul Fitri/) });
		expect(getCountryName('ID', 'en')).toBe('Indonesia');
		expect(getCountryName('XX', 'en')).toBeUndefined();
		expect(getRegionCodes('DE')).toContain('BY');
	});

	test('remembers every answer in a memo a later run can start from', () => {
		getPublicHolidays('SG', undefined, 2027, 'en');
		getCountryName('SG', 'en');
		getRegionCodes('DE');
		const memo = structuredClone(exportHolidayMemo());
		expect(memo.years['SG//en/2027']).toContainEqual({ date: '2027-12-25', name: 'Christmas Day' });
		expect(memo.countries.en?.SG).toBe('Singapore');
		expect(memo.regions.DE).toContain('BY');
	});

	test('answers from a primed memo before asking the library', () => {
		// A day the library would never give: only the memo can be the source of this answer.
		primeHolidayMemo({ years: { 'NZ//en/2031': [{ date: '2031-02-30', name: 'Kept from an earlier run' }] }, countries: {}, regions: { FR: ['KEPT'] } });
		expect(getPublicHolidays('NZ', undefined, 2031, 'en')).toEqual([{ date: '2031-02-30', name: 'Kept from an earlier run' }]);
		expect(getRegionCodes('FR')).toEqual(['KEPT']);
		// What this run already knew is not overwritten by what was kept.
		primeHolidayMemo({ years: { 'SG//en/2027': [] }, countries: {}, regions: {} });
		expect(getPublicHolidays('SG', undefined, 2027, 'en').length).toBeGreaterThan(5);
	});

	test('gives a region its own holidays after the whole country\'s were asked, and names a country in the language asked', () => {
		// Epiphany (6 January) is a day off in Bavaria, not in all of Germany.
		expect(getPublicHolidays('DE', undefined, 2026, 'en').map((holiday) => holiday.date)).not.toContain('2026-01-06');
		expect(getPublicHolidays('DE', 'BY', 2026, 'en').map((holiday) => holiday.date)).toContain('2026-01-06');
		expect(getCountryName('DE', 'de')).toBe('Deutschland');
		expect(getCountryName('DE', 'en')).toBe('Germany');
	});
});
