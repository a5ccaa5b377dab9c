import { describe, expect, test } from 'vitest';
import { isChromiumAvailable, renderWithChromium } from '../../../src/node/mermaid/render-with-chromium.ts';
import { sanitizeSvg } from '../../../src/node/mermaid/sanitize-svg.ts';
import { skipWithoutChromium } from '../../helpers/chromium.ts';

const SKIP_REASON = 'needs Chromium at /usr/bin/chromium';

// Mermaid splits labels into one <tspan> per word, so labels are checked on the text alone.
const textOf = (svg: string): string => svg.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '');

const flowchart = 'flowchart LR\n  subgraph m0["Evaluation"]\n    a0["Kick-off call"] --> a1["Security review"]\n  end\n  a1 --> a2["Sign order form"]\n';
const sequence = 'sequenceDiagram\n  Buyer->>Seller: Send the security questionnaire\n  Seller-->>Buyer: Answers attached\n';
const broken = 'flowchart LR\n  a0 -->\n';

describe('isChromiumAvailable', () => {
	test('says no for a path where no browser exists', () => {
		expect(isChromiumAvailable('/nonexistent/chromium')).toBe(false);
	});
});

describe.skipIf(skipWithoutChromium())(`renderWithChromium (${SKIP_REASON})`, () => {
	test('renders a batch in one go: a flowchart with every label, a sequence diagram, and a broken source as its own error', async () => {
		const results = await renderWithChromium([flowchart, sequence, broken, flowchart]);
		expect(results.size).toBe(3);

		const flow = results.get(flowchart);
		if (typeof flow !== 'string') throw flow;
		expect(flow).toMatch(/^<svg[\s>]/);
		expect(flow).not.toContain('<foreignObject');
		for (const label of ['Kick-off call', 'Security review', 'Sign order form', 'Evaluation']) expect(textOf(flow)).toContain(label);

		const seq = results.get(sequence);
		if (typeof seq !== 'string') throw seq;
		expect(seq).toContain('aria-roledescription="sequence"');
		expect(textOf(seq)).toContain('Send the security questionnaire');

		const error = results.get(broken);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatchInlineSnapshot(`
			"Parse error on line 4:
			...wchart LR  a0 -->
			--------------------^
			Expecting 'AMP', 'COLON', 'PIPE', 'TESTSTR', 'DOWN', 'DEFAULT', 'NUM', 'COMMA', 'NODE_STRING', 'BRKT', 'MINUS', 'MULT', 'UNICODE_TEXT', got 'EOF'"
		`);
	});

	test('keeps hostile labels as escaped text, never as markup', async () => {
		const hostile = 'flowchart LR\n  a0["#lt;img src=x onerror=alert(1)#gt;"] --> a1["#lt;script#gt;alert(2)#lt;/script#gt;"]\n';
		const svg = (await renderWithChromium([hostile])).get(hostile);
		if (typeof svg !== 'string') throw svg;
		// Mermaid already escapes; the sanitiser must keep it that way, not rely on it.
		expect(svg).not.toMatch(/<(img|script)\b/i);
		const safe = sanitizeSvg(svg);
		expect(safe).not.toMatch(/<(img|script)\b/i);
		expect(safe).not.toMatch(/\son[a-z]+=/i);
		expect(safe).toContain('&lt;img');
	});
});
