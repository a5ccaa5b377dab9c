import { describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../src/lib/check/index.ts';
import { rotatePlanKey } from '../../src/lib/rotate-key.ts';
import { BODY, describeChange, PLAN } from './feedback/merge/fixture.ts';

const FILE = 'plans/northwind.mdx';

function rotateOrThrow(source: string) {
	const result = rotatePlanKey(source, FILE);
	if (!result.ok) throw new Error(result.reason);
	return result;
}

describe('rotatePlanKey', () => {
	test('adds keyVersion: 2 after status when the plan has none, and changes no other byte', () => {
		const result = rotateOrThrow(PLAN);
		expect([result.from, result.to]).toEqual([1, 2]);
		expect(describeChange(PLAN, result.source)).toMatchInlineSnapshot(`"+ keyVersion: 2"`);
		expect(result.source).toBe(PLAN.replace('status: active\n', 'status: active\nkeyVersion: 2\n'));
		expect(result.source.endsWith(`---\n${BODY}`)).toBe(true);
		expect(checkPlanSource(FILE, result.source).plan?.keyVersion).toBe(2);
	});

	test('puts a new keyVersion after access or path when the plan has them, where the schema lists it', () => {
		const source = PLAN.replace('status: active\n', 'status: active\naccess: gated # buyers need the password\npath: northwind-plan\n');
		expect(rotateOrThrow(source).source).toContain('path: northwind-plan\nkeyVersion: 2\n');
	});

	test('raises an existing keyVersion in place and keeps its comment', () => {
		const source = PLAN.replace('status: active\n', 'status: active\nkeyVersion: 3 # rotated when Ana left\n');
		const result = rotateOrThrow(source);
		expect([result.from, result.to]).toEqual([3, 4]);
		expect(describeChange(source, result.source)).toMatchInlineSnapshot(`
			"- keyVersion: 3 # rotated when Ana left
			+ keyVersion: 4 # rotated when Ana left"
		`);
	});

	test('keeps Windows line breaks and a byte order mark', () => {
		const source = `\uFEFF${PLAN.replace(/\n/g, '\r\n')}`;
		const result = rotateOrThrow(source);
		expect(result.source).toBe(source.replace('status: active\r\n', 'status: active\r\nkeyVersion: 2\r\n'));
	});

	test.each([
		['no frontmatter', '# Just a page\n'],
		['YAML that does not parse', '---\ntitle: [unclosed\n---\n'],
		['a frontmatter that is a list', '---\n- a\n- b\n---\n'],
	])('refuses a plan with %s', (_, source) => {
		const result = rotatePlanKey(source, FILE);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toMatch(/^plans\/northwind\.mdx /);
	});

	test('refuses a keyVersion that is not a whole number from 1, quoting it', () => {
		const result = rotatePlanKey(PLAN.replace('status: active\n', 'status: active\nkeyVersion: "two"\n'), FILE);
		expect(!result.ok && result.reason).toMatchInlineSnapshot(`"plans/northwind.mdx: keyVersion "two" is not a whole number from 1. Fix it by hand, then rotate again."`);
	});

	test.each([
		['a list', 'keyVersion: [1, 2]', '[1,2]'],
		['zero', 'keyVersion: 0', '0'],
		['a fraction', 'keyVersion: 1.5', '1.5'],
	])('refuses a keyVersion that is %s', (_, line, shown) => {
		const result = rotatePlanKey(PLAN.replace('status: active\n', `status: active\n${line}\n`), FILE);
		expect(!result.ok && result.reason).toBe(`plans/northwind.mdx: keyVersion ${shown} is not a whole number from 1. Fix it by hand, then rotate again.`);
	});

	test('refuses a plan the check rejects, listing its errors', () => {
		const result = rotatePlanKey(PLAN.replace('decisionDate: 2026-07-01', 'decisionDate: 2026-02-30'), FILE);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toContain('plans/northwind.mdx has errors, so its key was not rotated.');
		expect(!result.ok && result.reason).toContain('decisionDate');
	});
});
