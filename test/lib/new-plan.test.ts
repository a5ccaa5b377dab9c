import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { checkPlanSource } from '../../src/lib/check/index.ts';
import {
	addWorkdays,
	createPassword,
	createPlanInput,
	createPlanSource,
	findSlugProblem,
	isWeekend,
	PASSWORD_ALPHABET,
	updateSecrets,
} from '../../src/lib/new-plan.ts';

const OPTIONS = { slug: 'northwind', buyer: 'Northwind', seller: 'Acme', today: '2026-11-20' };

describe('findSlugProblem', () => {
	test.each(['northwind', 'acme-2026', 'a'])('accepts %s', (slug) => {
		expect(findSlugProblem(slug)).toBeUndefined();
	});

	test.each([
		['North_wind'],
		['-northwind'],
		['north--wind'],
		['north wind'],
		[''],
		['a'.repeat(64)],
	])('rejects %j', (slug) => {
		expect(findSlugProblem(slug)).toBeTypeOf('string');
	});

	test('explains the rule', () => {
		expect(findSlugProblem('Northwind')).toMatchInlineSnapshot(`"The slug "Northwind" may use only lower-case letters, digits and single dashes between them, like "northwind-data-platform"."`);
	});
});

describe('isWeekend', () => {
	test.each([
		['2026-11-21', true],
		['2026-11-22', true],
		['2026-11-23', false],
		['2026-11-20', false],
	])('%s is a weekend day: %s', (date, expected) => {
		expect(isWeekend(date)).toBe(expected);
	});
});

describe('addWorkdays', () => {
	test.each([
		['2026-11-20', 1, '2026-11-23'],
		['2026-11-23', 5, '2026-11-30'],
		['2026-11-21', 1, '2026-11-23'],
		['2026-11-20', 0, '2026-11-20'],
	])('%s plus %d weekdays is %s', (date, days, expected) => {
		expect(addWorkdays(date, days)).toBe(expected);
	});
});

describe('createPlanInput', () => {
	const plan = createPlanInput(OPTIONS);

	test('dates every action and milestone on a weekday after today', () => {
		const dates = [...plan.actions.flatMap((a) => [a.start, a.due]), ...plan.milestones!.map((m) => m.due)].map(String);
		expect(dates).toHaveLength(25);
		for (const date of dates) {
			expect(isWeekend(date)).toBe(false);
			expect(date > OPTIONS.today).toBe(true);
		}
	});

	test('covers the typical evaluation steps, all still to do', () => {
		expect(plan.actions.map((a) => a.id)).toMatchInlineSnapshot(`
			[
			  "discovery",
			  "demo",
			  "technical-validation",
			  "security-review",
			  "references",
			  "business-case",
			  "legal-review",
			  "procurement",
			  "decision",
			  "implementation-planning",
			]
		`);
		expect(new Set(plan.actions.map((a) => a.status))).toEqual(new Set(['todo']));
	});

	test('leaves a buffer between procurement and the decision date', () => {
		const procurement = plan.actions.find((a) => a.id === 'procurement')!;
		expect(String(plan.decisionDate) > String(procurement.due)).toBe(true);
	});

	test('has placeholder stakeholders on both sides', () => {
		expect(new Set(plan.stakeholders.map((s) => s.side))).toEqual(new Set(['buyer', 'seller']));
	});
});

describe('createPlanSource', () => {
	test('writes a plan whose only problems are placeholder warnings', () => {
		const checked = checkPlanSource('plans/northwind.mdx', createPlanSource(OPTIONS));
		expect(checked.problems.length).toBeGreaterThan(0);
		expect(checked.problems.filter((problem) => problem.code !== 'placeholder')).toEqual([]);
		expect(new Set(checked.problems.map((problem) => problem.severity))).toEqual(new Set(['warning']));
		expect(checked.plan?.title).toBe('Northwind x Acme: evaluation plan');
	});

	test('quotes company names that YAML would misread', () => {
		const source = createPlanSource({ ...OPTIONS, buyer: 'Northwind: Trading #1', seller: '"Acme"' });
		expect(checkPlanSource('plans/x.mdx', source).problems.filter((problem) => problem.code !== 'placeholder')).toEqual([]);
		const frontmatter = parse(source.split('---\n')[1]);
		expect(frontmatter.buyer.name).toBe('Northwind: Trading #1');
		expect(frontmatter.seller.name).toBe('"Acme"');
	});

	test('is the same for the same input', () => {
		expect(createPlanSource(OPTIONS)).toBe(createPlanSource(OPTIONS));
	});

	test('explains the placeholder convention in a comment on top of the frontmatter', () => {
		const [, frontmatter] = createPlanSource(OPTIONS).split('---\n');
		expect(frontmatter.split('\n')[0]).toMatch(/^# Created by `npm run new` on 2026-11-20\. Text between \[\[ and \]\] is a placeholder/);
	});
});

describe('createPassword', () => {
	test('is 24 characters from the unambiguous alphabet by default', () => {
		const password = createPassword();
		expect(password).toHaveLength(24);
		expect([...password].every((c) => PASSWORD_ALPHABET.includes(c))).toBe(true);
	});

	test('leaves out characters that are easy to confuse', () => {
		expect(PASSWORD_ALPHABET).not.toMatch(/[0O1lI]/);
	});

	test('redraws bytes that would favour some characters', () => {
		let call = 0;
		// First batch is all above the unbiased limit, the second all zero.
		const fill = (bytes: Uint8Array): Uint8Array => bytes.fill(call++ === 0 ? 255 : 0);
		expect(createPassword(20, fill)).toBe('A'.repeat(20));
	});
});

describe('updateSecrets', () => {
	test('creates the file when there is none', () => {
		expect(JSON.parse(updateSecrets(undefined, 'northwind', 'pw').text)).toEqual({ passwords: { northwind: 'pw' } });
	});

	test('keeps other entries and other keys', () => {
		const existing = JSON.stringify({ passwords: { acme: 'old' }, note: 'keep' });
		expect(JSON.parse(updateSecrets(existing, 'northwind', 'pw').text)).toEqual({
			passwords: { acme: 'old', northwind: 'pw' },
			note: 'keep',
		});
	});

	test('adds the site secret to a file that has none, and says so', () => {
		const secret = 'S'.repeat(43);
		const result = updateSecrets(undefined, 'northwind', 'pw', secret);
		expect(result.isSiteSecretNew).toBe(true);
		expect(JSON.parse(result.text)).toEqual({ siteSecret: secret, passwords: { northwind: 'pw' } });
	});

	test('never replaces an existing site secret, which derives every address', () => {
		const existing = JSON.stringify({ siteSecret: 'A'.repeat(43), passwords: {} });
		const result = updateSecrets(existing, 'northwind', 'pw', 'S'.repeat(43));
		expect(result.isSiteSecretNew).toBe(false);
		expect(JSON.parse(result.text).siteSecret).toBe('A'.repeat(43));
	});

	test('refuses a file that is not JSON', () => {
		expect(() => updateSecrets('{ nope', 'northwind', 'pw')).toThrow(/is not valid JSON/);
	});

	test('refuses JSON of another shape', () => {
		expect(() => updateSecrets('{"passwords": []}', 'northwind', 'pw')).toThrowErrorMatchingInlineSnapshot(`[Error: does not look like {"passwords": {"<slug>": "..."}}: passwords must be an object of "<slug>": "<password>" pairs. Fix or move it and run again.]`);
	});
});
