import { describe, expect, test } from 'vitest';
import { getMessages } from '../../../src/i18n/index.ts';
import { fillSearchLabel, getSearchLabels } from '../../../src/lib/search/labels.ts';

describe('getSearchLabels', () => {
	test('turns the English catalogue into templates with one and other forms', () => {
		const labels = getSearchLabels(getMessages('en').search, 'en');
		expect(labels.resultCount).toEqual({ one: '{count} result', other: '{count} results' });
		expect(labels.noResults).toBe('Nothing matches “{query}”.');
		expect(labels.label).toBe('Search this plan');
	});

	test('gives Indonesian its single form', () => {
		expect(getSearchLabels(getMessages('id').search, 'id').resultCount).toEqual({ other: '{count} hasil' });
	});
});

describe('fillSearchLabel', () => {
	test('fills known placeholders and leaves unknown ones', () => {
		expect(fillSearchLabel('{count} results for {query} {other}', { count: '3', query: 'legal' })).toBe('3 results for legal {other}');
	});

	test('inserts values literally, even ones that look like placeholders', () => {
		expect(fillSearchLabel('Nothing matches “{query}”.', { query: '{count} $&' })).toBe('Nothing matches “{count} $&”.');
	});
});
