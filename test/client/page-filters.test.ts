import { describe, expect, test } from 'vitest';
import { readOwePerson } from '../../src/client/owe-filter.ts';
import { readPlanFilter, writePlanFilter, type PlanFilter } from '../../src/client/plan-filters.ts';

describe('readPlanFilter', () => {
	test.each([
		['', '', { kind: 'all' }],
		['?owner=dana-whitfield', '', { kind: 'owner', owner: 'dana-whitfield' }],
		['', '#owner=dana-whitfield', { kind: 'owner', owner: 'dana-whitfield' }],
		['?side=seller', '', { kind: 'side', side: 'seller' }],
		['?side=nobody', '', { kind: 'all' }],
		['?late', '', { kind: 'late' }],
		['', '#action-sign', { kind: 'all' }],
	] as [string, string, PlanFilter][])('reads "%s%s" as the filter it names', (search, hash, expected) => {
		expect(readPlanFilter(search, hash)).toEqual(expected);
	});

	test.each<PlanFilter>([{ kind: 'all' }, { kind: 'owner', owner: 'ana ruiz' }, { kind: 'side', side: 'buyer' }, { kind: 'late' }])('reads back what it writes for %o', (filter) => {
		expect(readPlanFilter(writePlanFilter(filter), '')).toEqual(filter);
	});
});

describe('readOwePerson', () => {
	test.each([
		['', '#dana-whitfield', 'dana-whitfield'],
		['?person=ana', '', 'ana'],
		['', '', undefined],
		['', '#%E0%A4%A', undefined],
	])('reads the person from "%s%s"', (search, hash, expected) => {
		expect(readOwePerson(search, hash)).toBe(expected);
	});
});
