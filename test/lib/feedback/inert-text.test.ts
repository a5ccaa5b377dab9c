import { describe, expect, test } from 'vitest';
import { stripInvisibleCharacters } from '../../../src/lib/feedback/clean-text.ts';
import { makeTextInert } from '../../../src/lib/feedback/inert-text.ts';
import { readPlanKeyVersion } from '../../../src/lib/plan-key-version.ts';

describe('makeTextInert', () => {
	test.each([
		['a mention', 'thanks @ana-lee', 'thanks @\u200Dana-lee'],
		['a team mention', 'cc @acme/legal', 'cc @\u200Dacme/legal'],
		['an issue reference', 'see #12 and GH-7', 'see #\u200D12 and GH\u200D-7'],
		['a hidden comment', 'a <!-- b --> c', 'a <\u200D!-- b --> c'],
		['an image', '![x](https://e.example/p.png)', '!\u200D[x]\u200D(https:\u200D//e.example/p.png)'],
		['a reference link definition', '[ref]: https://e.example', '[ref]\u200D: https:\u200D//e.example'],
		['a www autolink', 'go to www.e.example', 'go to www\u200D.e.example'],
		['a character reference', '&#64;bob &amp;', '&\u200D#\u200D64;bob &\u200Damp;'],
	])('breaks %s with a zero-width joiner', (_name, text, inert) => {
		expect(makeTextInert(text)).toBe(inert);
	});

	test.each(['Budget is 5% lower; we meet at 3 p.m. (room #4a).', 'a < b and c > d', 'mail ana at northwind', 'Ünïcödé — fine'])(
		'leaves %j as it was, apart from the joiners, which stripping removes',
		(text) => {
			expect(stripInvisibleCharacters(makeTextInert(text))).toBe(text);
		},
	);
});

describe('readPlanKeyVersion', () => {
	test.each([
		['---\ntitle: x\n---\nbody', 1],
		['---\ntitle: x\nkeyVersion: 4 # rotated\n---\n', 4],
		['---\r\nkeyVersion: 2\r\n---\r\n', 2],
		['---\nkeyVersion: two\n---\n', undefined],
		['---\nkeyVersion: 0\n---\n', undefined],
		['---\n: [\n---\n', undefined],
		['no frontmatter', undefined],
	])('reads %j as %s', (source, version) => {
		expect(readPlanKeyVersion(source)).toBe(version);
	});
});
