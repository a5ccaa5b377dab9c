import { describe, expect, test } from 'vitest';
import { getBodySection, renderBodySection } from '../../src/lib/body-section.ts';

const BODY = `## Where we are

Pilot done.

## Notes for Executives

- **Security** is the critical path.

\`\`\`text
## Not a heading
\`\`\`

### A sub-heading stays in

More.

## Next

Later.
`;

describe('getBodySection', () => {
	test('returns the section under a matching level-2 heading, up to the next one, ignoring case', () => {
		const section = getBodySection(BODY, ['notes for executives']);
		expect(section).toContain('**Security** is the critical path.');
		expect(section).toContain('## Not a heading');
		expect(section).toContain('### A sub-heading stays in');
		expect(section).not.toContain('Later.');
	});

	test('returns undefined when no heading matches or the section is empty', () => {
		expect(getBodySection(BODY, ['Catatan untuk pimpinan'])).toBeUndefined();
		expect(getBodySection('## Notes for executives\n\n## Next\n', ['Notes for executives'])).toBeUndefined();
	});
});

describe('renderBodySection', () => {
	test('draws Markdown as HTML', () => {
		expect(renderBodySection('- **Security** first')).toBe('<ul>\n<li><strong>Security</strong> first</li>\n</ul>\n');
	});

	test('shows raw HTML and components as text, and drops links that are not web or email', () => {
		const html = renderBodySection(
			'<script>alert(1)</script>\n\nSee [x](javascript:alert(1)), [mail](mailto:a@b.example) and ![logo](https://x.example/a.png) <Callout>hi</Callout>',
		);
		expect(html).not.toContain('<script');
		expect(html).toContain('&lt;script&gt;');
		expect(html).not.toContain('javascript:');
		expect(html).toContain('<a href="mailto:a@b.example">mail</a>');
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;Callout&gt;hi&lt;/Callout&gt;');
	});
});
