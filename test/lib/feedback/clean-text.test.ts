import { describe, expect, test } from 'vitest';
import {
	escapeHashes,
	normaliseLineEndings,
	stripInvisibleCharacters,
	unescapeHashes,
} from '../../../src/lib/feedback/clean-text.ts';

describe('stripInvisibleCharacters', () => {
	test('removes zero-width characters and bidi controls but keeps other text', () => {
		expect(stripInvisibleCharacters('a\u200B\u200C\u200D\u2060\uFEFFb \u202A\u202B\u202C\u202D\u202Ec \u2066\u2067\u2068\u2069d é')).toBe(
			'ab c d é',
		);
	});
});

describe('normaliseLineEndings', () => {
	test('turns CRLF and lone CR into LF', () => {
		expect(normaliseLineEndings('a\r\nb\rc\n')).toBe('a\nb\nc\n');
	});
});

describe('escapeHashes', () => {
	test.each([
		['a heading line', '# Title', '\\# Title'],
		['an indented field heading', '  ### Action', '  \\#\\#\\# Action'],
		['a run of hashes mid-line', 'see ### Action', 'see \\#\\#\\# Action'],
		['single hashes mid-line', 'C# and issue #12', 'C# and issue #12'],
		['a hash after a backslash', 'C:\\#dir', 'C:\\\\#dir'],
	])('escapes %s', (_, text, escaped) => {
		expect(escapeHashes(text)).toBe(escaped);
	});
});

describe('unescapeHashes', () => {
	test.each([
		'# Title\n  ### Action',
		'C# and F#, issue #12, a##b',
		'C:\\#dir\\\\#x \\##\\',
		'\\\\\\#',
		'#',
	])('undoes escapeHashes for %j', (text) => {
		expect(unescapeHashes(escapeHashes(text))).toBe(text);
	});
});
