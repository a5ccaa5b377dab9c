import { afterEach, describe, expect, test } from 'vitest';
import { formatDate, formatNumber, formatPercent } from '../../src/i18n/format.ts';

describe('formatDate', () => {
	test.each([
		['2026-05-03', 'en', 'long', 'May 3, 2026'],
		['2026-05-03', 'id', 'long', '3 Mei 2026'],
		['2026-05-03', 'en', 'short', 'May 3'],
		['2026-05-03', 'id', 'short', '3 Mei'],
		['2026-08-17', 'id', 'long', '17 Agustus 2026'],
		['2026-08-17', 'id', 'short', '17 Agu'],
	] as const)('formats %s in %s as %s: %s', (date, locale, style, expected) => {
		expect(formatDate(date, locale, style)).toBe(expected);
	});

	test('defaults to the long style', () => {
		expect(formatDate('2026-12-31', 'en')).toBe('December 31, 2026');
	});

	describe('whatever the process time zone', () => {
		const originalTz = process.env.TZ;
		afterEach(() => {
			if (originalTz === undefined) delete process.env.TZ;
			else process.env.TZ = originalTz;
		});

		// Midnight UTC is the previous evening in Honolulu and the next morning in Kiritimati.
		test.each(['Pacific/Honolulu', 'Pacific/Kiritimati', 'America/New_York', 'Asia/Jakarta'])(
			'keeps the first and last days of a year on their own day in %s',
			(timeZone) => {
				process.env.TZ = timeZone;
				expect(formatDate('2026-01-01', 'en')).toBe('January 1, 2026');
				expect(formatDate('2025-12-31', 'id')).toBe('31 Desember 2025');
			},
		);
	});

	test.each(['2026-02-30', '2026-5-3', 'May 3, 2026', ''])('rejects %j, which is not a real YYYY-MM-DD date', (date) => {
		expect(() => formatDate(date, 'en')).toThrow(RangeError);
	});

	test('explains what a date should look like', () => {
		expect(() => formatDate('2026-02-30', 'en')).toThrowErrorMatchingInlineSnapshot(`[RangeError: Cannot format "2026-02-30": expected a real date written as YYYY-MM-DD, like 2026-05-17]`);
	});
});

describe('formatNumber', () => {
	test.each([
		['en', '12,345.5'],
		['id', '12.345,5'],
	] as const)('groups digits the %s way: %s', (locale, expected) => {
		expect(formatNumber(12345.5, locale)).toBe(expected);
	});
});

describe('formatPercent', () => {
	test.each([
		[67, 'en', '67%'],
		[67, 'id', '67%'],
		[0, 'en', '0%'],
		[100, 'id', '100%'],
	] as const)('writes %d in %s as %s', (percent, locale, expected) => {
		expect(formatPercent(percent, locale)).toBe(expected);
	});
});
