import { describe, expect, test } from 'vitest';
import { deriveFeedbackEmailKey } from '../../../src/lib/feedback/email/email-key.ts';
import { deriveDealEmailKeys } from '../../../src/node/feedback-email/deal-email-keys.ts';
import { createDealsModulePlugin } from '../../../src/node/gate/deals-module.ts';

const SECRET = new Uint8Array(32).fill(2);

describe('deriveDealEmailKeys', () => {
	test('gives each deal its own key, which keyVersion changes', async () => {
		const keys = await deriveDealEmailKeys([{ slug: 'northwind', plan: { keyVersion: 1 } }, { slug: 'globex', plan: { keyVersion: 3 } }], SECRET);
		expect(keys).toEqual({ northwind: await deriveFeedbackEmailKey(SECRET, 'northwind', 1), globex: await deriveFeedbackEmailKey(SECRET, 'globex', 3) });
		expect(keys.northwind).not.toBe(await deriveFeedbackEmailKey(SECRET, 'northwind', 2));
	});

	test('gives none without a site secret', async () => {
		expect(await deriveDealEmailKeys([{ slug: 'northwind', plan: { keyVersion: 1 } }], undefined)).toEqual({});
	});
});

describe('createDealsModulePlugin', () => {
	test('serves the email keys to the pages beside the feedback settings', () => {
		const plugin = createDealsModulePlugin({ deals: [], gatedSlugs: new Set(), today: '2026-05-04', isPreview: false, feedback: { relayUrl: undefined, repository: undefined, tokens: {} }, feedbackEmailKeys: { northwind: 'k' } });
		expect(plugin.load(`\0virtual:mapsite/deals`)).toContain('export const feedbackEmailKeys = {"northwind":"k"};');
	});
});
