import { describe, expect, test } from 'vitest';
import { getPageShotName, getShotFile } from '../../src/lib/shots.ts';

describe('screenshot names', () => {
	test.each([
		['', 'overview'],
		['plan/', 'plan'],
		['people/owe/ana/', 'people-owe-ana'],
		['/summary', 'summary'],
	])('names the page at %j %s', (path, name) => {
		expect(getPageShotName(path)).toBe(name);
	});

	test('files a shot under its deal, by page and screen', () => {
		expect(getShotFile('harbor-lightweight', 'plan', 'phone')).toBe('harbor-lightweight/plan-phone.png');
	});
});
