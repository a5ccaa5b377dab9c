import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, test } from 'vitest';
import { planBodyComponents } from '../../src/components/mdx/index.ts';
import Callout from '../../src/components/mdx/Callout.astro';
import Metric from '../../src/components/mdx/Metric.astro';
import Quote from '../../src/components/mdx/Quote.astro';
import SafePlanBody from '../../src/components/mdx/SafePlanBody.astro';
import { PLAN_BODY_COMPONENTS } from '../../src/lib/mdx-components.ts';

const container = await AstroContainer.create();

describe('planBodyComponents', () => {
	test('provides exactly the components the body check allows', () => {
		expect(Object.keys(planBodyComponents).sort()).toEqual(Object.keys(PLAN_BODY_COMPONENTS).sort());
	});
});

describe('Callout', () => {
	test('renders a note with its title and text', async () => {
		const html = await container.renderToString(Callout, { props: { tone: 'warning', title: 'Budget' }, slots: { default: 'Closes Dec 15.' } });
		expect(html).toMatch(/<aside class="callout callout--warning"[^>]*role="note"/);
		expect(html).toMatch(/<strong[^>]*>Budget<\/strong>/);
		expect(html).toContain('Closes Dec 15.');
	});

	test('falls back to a note for an unknown tone', async () => {
		const html = await container.renderToString(Callout, { props: { tone: 'shouty' }, slots: { default: 'x' } });
		expect(html).toContain('callout--note');
	});
});

describe('Metric', () => {
	test('renders the figure and its label, escaping text', async () => {
		const html = await container.renderToString(Metric, { props: { label: 'Hours <saved>', value: '120', note: 'pilot' } });
		expect(html).toContain('120');
		expect(html).toContain('Hours &lt;saved&gt;');
		expect(html).toContain('pilot');
	});
});

describe('Quote', () => {
	test('attributes the quote', async () => {
		const html = await container.renderToString(Quote, { props: { by: 'Priya Raman, VP Data' }, slots: { default: 'We need this by Q1.' } });
		expect(html).toMatch(/<blockquote[^>]*>We need this by Q1\.<\/blockquote>/);
		expect(html).toMatch(/<figcaption[^>]*>Priya Raman, VP Data<\/figcaption>/);
	});
});

describe('SafePlanBody', () => {
	test('publishes its rendered slot without handlers, javascript: links or frames, keeping the narrative', async () => {
		const body = '<h2 id="why">Why</h2><p><a href="https://example.com/">ok</a> <a href="javascript:alert(1)">bad</a></p><img src="x" onerror="alert(1)"><iframe srcdoc="x"></iframe>';
		const html = await container.renderToString(SafePlanBody, { slots: { default: body } });
		expect(html).toBe('<h2 id="why">Why</h2><p><a href="https://example.com/">ok</a> <a>bad</a></p><img src="x" />');
	});
});
