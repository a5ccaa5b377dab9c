import { describe, expect, test } from 'vitest';
import { createPassword } from '../../src/lib/new-plan.ts';
import { describeWeakPasswords, toWeakPasswordProblems, type DealPassword } from '../../src/lib/password-floor.ts';
import { findWeakPasswords } from '../../src/lib/weak-passwords.ts';
import { assessPassword, collectRelatedWords } from '../../src/lib/password-strength.ts';
import { EXAMPLE_SITE } from '../../src/node/example-site.ts';

const deal = (password: string, origin: DealPassword['origin'] = 'env', slug = 'acme'): DealPassword => ({ slug, file: `plans/${slug}.mdx`, password, origin, names: ['Acme Corp', 'Tidewell Data'] });

describe('assessPassword', () => {
	test.each([
		['a', false],
		['password', false],
		['password123456', false],
		['qwertyuiopasdfgh', false],
		['p@ssw0rd2024!', false],
		['correct horse battery staple 42', true],
	])('%j is strong enough: %s', (password, expected) => {
		expect(assessPassword(password).isStrongEnough).toBe(expected);
	});

	test('counts the deal\'s own names as known to a guesser', () => {
		const related = collectRelatedWords('northwind-data', ['Northwind Traders', 'Tidewell Data']);
		expect(assessPassword('northwindtidewell').isStrongEnough).toBe(true);
		expect(assessPassword('northwindtidewell', related).isStrongEnough).toBe(false);
		expect(assessPassword('northwind-data-2026', related).isStrongEnough).toBe(false);
	});

	test('passes every password `npm run new` generates', () => {
		for (let index = 0; index < 10; index++) expect(assessPassword(createPassword(), ['acme']).isStrongEnough).toBe(true);
	});

	test('passes the example site\'s passwords, with each deal\'s slug as a known word', () => {
		for (const [slug, password] of Object.entries(EXAMPLE_SITE.passwords)) expect(assessPassword(password, collectRelatedWords(slug, [])), slug).toMatchObject({ isStrongEnough: true });
	});
});

describe('findWeakPasswords', () => {
	test('finds only the passwords below the floor', () => {
		const weak = findWeakPasswords([deal('a'), deal('first password for orbit', 'env', 'orbit')], 'mapsite.secrets.json');
		expect(weak.map((found) => found.slug)).toEqual(['acme']);
	});

	test('never puts the password itself in what it reports', () => {
		const weak = findWeakPasswords([deal('hunter2hunter2')], 'mapsite.secrets.json');
		expect(JSON.stringify(weak)).not.toContain('hunter2');
		expect(describeWeakPasswords(weak)).not.toContain('hunter2');
	});
});

describe('describeWeakPasswords', () => {
	test('names the variable or secrets-file entry of each weak password, why it is weak, and how to make a good one', () => {
		const weak = findWeakPasswords([deal('a'), deal('password', 'file', 'northwind')], 'mapsite.secrets.json');
		expect(describeWeakPasswords(weak)).toMatchInlineSnapshot(`
			"2 gated plans have passwords that could be guessed, so nothing was built:
			  plans/acme.mdx: MAP_PASSWORD_ACME is too easy to guess: it is 1 character long (at least 12 needed); it scores 0 of 4 for how hard it is to guess (at least 3 needed)
			  plans/northwind.mdx: "northwind" under "passwords" in mapsite.secrets.json is too easy to guess: it is 8 characters long (at least 12 needed); it scores 0 of 4 for how hard it is to guess (at least 3 needed): This is a heavily used password.
			Anyone with the published page can try passwords offline, so a short or common one opens the whole plan.
			Use 12+ random characters, for example the output of \`openssl rand -base64 18\`, or four or more random words; \`npm run new\` makes one for each new deal."
		`);
	});
});

describe('toWeakPasswordProblems', () => {
	test('gives `npm run check` one error per weak password, with the hint', () => {
		const [problem] = toWeakPasswordProblems(findWeakPasswords([deal('password123456')], 'mapsite.secrets.json'));
		expect(problem).toMatchObject({ file: 'plans/acme.mdx', severity: 'error', code: 'weak-password' });
		expect(problem.message).toContain('MAP_PASSWORD_ACME is too easy to guess: it scores 1 of 4');
		expect(problem.hint).toContain('openssl rand -base64 18');
	});
});
