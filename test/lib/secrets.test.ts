import { describe, expect, test } from 'vitest';
import { describeMissingPasswords, getPasswordVariable, parseSecretsFile, resolvePasswords } from '../../src/lib/secrets.ts';

describe('getPasswordVariable', () => {
	test.each([
		['northwind', 'MAP_PASSWORD_NORTHWIND'],
		['northwind-data-platform', 'MAP_PASSWORD_NORTHWIND_DATA_PLATFORM'],
		['acme2', 'MAP_PASSWORD_ACME2'],
	])('%s reads %s', (slug, variable) => {
		expect(getPasswordVariable(slug)).toBe(variable);
	});
});

describe('parseSecretsFile', () => {
	test('treats a missing or empty file as no secrets', () => {
		expect(parseSecretsFile(undefined)).toEqual({ passwords: {} });
		expect(parseSecretsFile('  \n')).toEqual({ passwords: {} });
	});

	test('keeps entries it does not know, so nothing a person wrote is lost', () => {
		expect(parseSecretsFile('{"passwords":{"a":"x"},"note":"keep"}')).toEqual({ passwords: { a: 'x' }, note: 'keep' });
	});

	test('says what is wrong with a malformed file', () => {
		expect(() => parseSecretsFile('{"passwords": {"a": ""}}')).toThrowErrorMatchingInlineSnapshot(`[Error: does not look like {"passwords": {"<slug>": "..."}}: passwords.a must not be empty. Fix or move it and run again.]`);
		expect(() => parseSecretsFile('{oops')).toThrow(/is not valid JSON/);
		expect(() => parseSecretsFile('{"siteSecret": "short"}')).toThrow(/siteSecret must be at least 32 random bytes/);
	});
});

describe('resolvePasswords', () => {
	test('prefers the environment, falls back to the file, and lists every deal with neither', () => {
		const { passwords, missing } = resolvePasswords(
			['northwind', 'harbor', 'meridian'],
			{ MAP_PASSWORD_NORTHWIND: 'from-env', MAP_PASSWORD_MERIDIAN: '' },
			{ passwords: { northwind: 'from-file', harbor: 'file-only' } },
		);
		expect(Object.fromEntries(passwords)).toEqual({ northwind: 'from-env', harbor: 'file-only' });
		expect(missing).toEqual([{ slug: 'meridian', variable: 'MAP_PASSWORD_MERIDIAN' }]);
	});
});

describe('describeMissingPasswords', () => {
	test('names the variable to set for each deal', () => {
		expect(
			describeMissingPasswords(
				[
					{ slug: 'northwind', variable: 'MAP_PASSWORD_NORTHWIND' },
					{ slug: 'harbor', variable: 'MAP_PASSWORD_HARBOR' },
				],
				'mapsite.secrets.json',
			),
		).toMatchInlineSnapshot(`
			"2 gated plans have no password, so nothing was built:
			  plans/northwind.mdx: set MAP_PASSWORD_NORTHWIND, or add "northwind" under "passwords" in mapsite.secrets.json
			  plans/harbor.mdx: set MAP_PASSWORD_HARBOR, or add "harbor" under "passwords" in mapsite.secrets.json
			A gated deal is never published readable. \`npm run new\` generates a password; in CI, store it as a secret."
		`);
	});
});
