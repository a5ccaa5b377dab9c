import { describe, expect, it } from 'vitest';
import { getMessages } from '../../../src/i18n/index.ts';
import { renderShareMeta } from '../../../src/lib/gate/index.ts';
import { collectSentinels } from '../../../src/lib/leak-scan.ts';
import { getSharePreviews } from '../../../src/lib/og/share-preview.ts';
import { makePlan } from '../../helpers/make-plan.ts';

const plan = (preview: 'neutral' | 'named', locale: 'en' | 'id' = 'en') =>
	makePlan({ locale, share: { preview }, buyer: { name: 'Northwind Freight' }, seller: { name: 'Tidewell Data' }, decisionDate: '2026-05-03' });

describe('getSharePreviews', () => {
	it('says nothing about the buyer or the deal by default', () => {
		const previews = getSharePreviews(plan('neutral'), getMessages('en'));
		expect(previews.deal).toMatchObject({ title: 'Mutual action plan', description: 'A private plan shared by Tidewell Data. Open the link to unlock it.' });
		expect(previews.summary.title).toBe('Executive summary');
		expect(JSON.stringify(previews)).not.toContain('Northwind');
		expect(JSON.stringify(previews)).not.toContain('2026');
	});

	it('names the buyer, the decision date and progress when the plan opts in', () => {
		const previews = getSharePreviews(plan('named'), getMessages('en'));
		expect(previews.summary.title).toBe('Northwind Freight · Executive summary');
		expect(previews.deal.description).toMatch(/^Decision by May 3, 2026 · \d+% done$/);
		expect(previews.deal.card.title).toBe('Northwind Freight');
	});

	it('speaks the plan’s language', () => {
		const previews = getSharePreviews(plan('named', 'id'), getMessages('id'));
		expect(previews.deal.title).toBe('Northwind Freight · Rencana aksi bersama');
		expect(previews.deal.description).toContain('3 Mei 2026');
	});
});

describe('renderShareMeta', () => {
	it('writes absolute og:/twitter: tags with every value escaped', () => {
		const html = renderShareMeta({
			pageUrl: 'https://plans.example.com/abc/',
			imageUrl: 'https://plans.example.com/_mapsite/og/x.png',
			title: 'A "quoted" <title>',
			description: 'd',
			imageAlt: 'alt',
			themeColor: '#0b5fff',
			iconUrl: '/_mapsite/icons/i.svg',
			locale: 'en',
		});
		expect(html).toContain('<meta property="og:title" content="A &quot;quoted&quot; &lt;title&gt;">');
		expect(html).toContain('<meta property="og:image" content="https://plans.example.com/_mapsite/og/x.png">');
		expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
		expect(html).toContain('<meta property="og:image:width" content="1200">');
	});
});

describe('the leak scan and named previews', () => {
	it('lets a named plan publish its buyer’s name, and nothing else changes', () => {
		const named = collectSentinels('nw', plan('named'), '').map((sentinel) => sentinel.text);
		const neutral = collectSentinels('nw', plan('neutral'), '').map((sentinel) => sentinel.text);
		expect(neutral).toContain('Northwind Freight');
		expect(named).not.toContain('Northwind Freight');
		expect(neutral.filter((text) => text !== 'Northwind Freight')).toEqual(named);
	});
});
