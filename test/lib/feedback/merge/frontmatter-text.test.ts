import { describe, expect, test } from 'vitest';
import { joinFrontmatterText, splitFrontmatterText } from '../../../../src/lib/feedback/merge/frontmatter-text.ts';

describe('splitFrontmatterText', () => {
	test.each(['---\na: 1\n---\nbody\n', '\uFEFF---\r\na: 1\r\n---\r\nbody  \r\n\r\n', '---\n---\n'])('puts %j back together byte for byte', (source) => {
		const parts = splitFrontmatterText(source)!;
		expect(joinFrontmatterText(parts, parts.yaml)).toBe(source);
	});

	test.each(['no fence\n', '---\na: 1\n'])('finds no frontmatter in %j', (source) => {
		expect(splitFrontmatterText(source)).toBeUndefined();
	});
});
