import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, test } from 'vitest';
import DecisionCause from '../../src/components/DecisionCause.astro';

const container = await AstroContainer.create();

describe('DecisionCause', () => {
	test('lists the steps that move the decision, each with the day off that moved it', async () => {
		const reasons = { causeTitles: ['Legal review', 'Sign the contract'], causeDelays: [undefined, 'Budi Santoso is away Jun 1 – Jun 21 (travelling)'] };
		const html = await container.renderToString(DecisionCause, { props: { reasons, heading: 'What moves the decision' } });
		expect(html).toMatch(/<h3[^>]*>What moves the decision<\/h3>/);
		const items = [...html.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|').trim());
		expect(items).toEqual(['Legal review', 'Sign the contract|Budi Santoso is away Jun 1 – Jun 21 (travelling)|']);
	});

	test('renders nothing while nothing moves the decision', async () => {
		const html = await container.renderToString(DecisionCause, { props: { reasons: { causeTitles: [], causeDelays: [] }, heading: 'What moves the decision' } });
		expect(html).not.toContain('<h3');
		expect(html).not.toContain('<ol');
	});
});
