import { describe, expect, test } from 'vitest';
import { isYamlFailure, parseYaml } from '../../../src/lib/check/parse-yaml.ts';
import { isFrontmatterFailure, splitFrontmatter } from '../../../src/lib/check/split-frontmatter.ts';

describe('splitFrontmatter', () => {
	test('separates the YAML from the body', () => {
		expect(splitFrontmatter('---\ntitle: A\n---\n\nHello\n')).toEqual({ yaml: 'title: A', lineOffset: 1, body: '\nHello\n', bodyLine: 4 });
	});

	test('accepts Windows line endings and a byte order mark', () => {
		const result = splitFrontmatter('\uFEFF---\r\ntitle: A\r\n---\r\nHello');
		expect(isFrontmatterFailure(result)).toBe(false);
		expect(result).toMatchObject({ yaml: 'title: A', body: 'Hello' });
	});

	test('fails when the file does not open with a fence', () => {
		expect(isFrontmatterFailure(splitFrontmatter('title: A\n---\n'))).toBe(true);
	});
});

describe('parseYaml', () => {
	const yaml = 'title: A\nactions:\n  - id: one\n    owner: ann\n  - id: two\n';

	test('finds the file line of a nested field, counting the lines before the YAML', () => {
		const parsed = parseYaml(yaml, 1);
		if (isYamlFailure(parsed)) throw new Error('expected YAML to parse');
		expect(parsed.locate(['actions', 0, 'owner'])).toBe(5);
		expect(parsed.locate(['actions', 1, 'id'])).toBe(6);
	});

	test('falls back to the nearest written parent for a missing field', () => {
		const parsed = parseYaml(yaml, 1);
		if (isYamlFailure(parsed)) throw new Error('expected YAML to parse');
		expect(parsed.locate(['actions', 1, 'owner'])).toBe(6);
	});

	test('finds the line of a key, for fields that should not be there', () => {
		const parsed = parseYaml(yaml, 0);
		if (isYamlFailure(parsed)) throw new Error('expected YAML to parse');
		expect(parsed.locate(['actions', 0, 'owner'], { atKey: true })).toBe(4);
	});

	test('keeps dates as strings', () => {
		const parsed = parseYaml('due: 2026-05-01\n', 0);
		expect(isYamlFailure(parsed) ? undefined : parsed.data).toEqual({ due: '2026-05-01' });
	});

	test('reports a duplicate key with its line', () => {
		expect(parseYaml('title: A\ntitle: B\n', 1)).toMatchInlineSnapshot(`
			{
			  "line": 3,
			  "reason": "Map keys must be unique.",
			}
		`);
	});
});
