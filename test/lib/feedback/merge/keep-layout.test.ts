import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { printKeepingLayout } from '../../../../src/lib/feedback/merge/keep-layout.ts';
import { splitFrontmatterText } from '../../../../src/lib/feedback/merge/frontmatter-text.ts';
import { describeChange } from './fixture.ts';

describe('printKeepingLayout', () => {
	test('gives back the original text untouched when nothing was edited', async () => {
		const source = await readFile(new URL('../../../../plans/northwind-data-platform.mdx', import.meta.url), 'utf8');
		const yaml = splitFrontmatterText(source)!.yaml;
		expect(printKeepingLayout(yaml, parseDocument(yaml))).toBe(yaml);
	});

	test('changes only the edited line next to hand-folded text and comments', () => {
		const yaml = 'a: >-\n  folded by\n  hand\nb: 1 # note\n# closing\nc: [x, y]\n';
		const doc = parseDocument(yaml);
		doc.set('b', 2);
		expect(describeChange(yaml, printKeepingLayout(yaml, doc))).toMatchInlineSnapshot(`
			"- b: 1 # note
			+ b: 2 # note"
		`);
	});

	test('adds a key after a hand-folded text without refolding it', () => {
		const yaml = 'a:\n  b: >-\n    folded by\n    hand\nc: 1\n';
		const doc = parseDocument(yaml);
		doc.setIn(['a', 'd'], 'new');
		const printed = printKeepingLayout(yaml, doc);
		expect(printed).toMatchInlineSnapshot(`
			"a:
			  b: >-
			    folded by
			    hand
			  d: new
			c: 1
			"
		`);
		expect(parseDocument(printed).toJS()).toEqual(doc.toJS());
	});
});
