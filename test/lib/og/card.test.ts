import { describe, expect, test } from 'vitest';
import { contrastRatio } from '../../../src/lib/contrast.ts';
import {
	buildCardElement,
	getCardColors,
	getCardContent,
	type CardElement,
	type CardKind,
	type CardLabels,
} from '../../../src/lib/og/card.ts';
import { makePlan, type PlanOverrides } from '../../helpers/make-plan.ts';

const EN: CardLabels = { dealTitle: 'Mutual action plan', summaryTitle: 'Executive summary', decisionBy: 'Decision by', done: 'done' };
const ID: CardLabels = { dealTitle: 'Rencana aksi bersama', summaryTitle: 'Ringkasan eksekutif', decisionBy: 'Keputusan', done: 'selesai' };

/** A plan full of deal text that a neutral card must never show. */
function makeSecretPlan(overrides: PlanOverrides = {}) {
	return makePlan({
		title: 'Zephyr takeover of Quillon',
		buyer: { name: 'Quillon Holdings' },
		seller: { name: 'Acme' },
		stakeholders: [
			{ id: 'ana', name: 'Ana Vasquez', role: 'CTO', side: 'buyer' },
			{ id: 'sam', name: 'Sam Okafor', role: 'Account executive', side: 'seller' },
		],
		...overrides,
	});
}

function collectText(element: CardElement): string[] {
	const { children } = element.props;
	if (typeof children === 'string') return [children];
	return (children ?? []).flatMap(collectText);
}

describe('getCardContent', () => {
	test.each<[CardKind, string]>([
		['deal', 'Mutual action plan'],
		['summary', 'Executive summary'],
	])('for a neutral %s card shows only the seller name and %s', (kind, title) => {
		const content = getCardContent(makeSecretPlan(), { kind, labels: EN, decisionDateText: '1 July 2026', progressPercent: 40 });
		expect(content).toEqual({ eyebrow: 'Acme', title, colors: getCardColors('#0b5fff') });
	});

	test.each(['Quillon', 'Zephyr', 'Ana Vasquez', 'Sam Okafor', '1 July 2026', '40'])(
		'keeps %s out of a neutral card',
		(secret) => {
			const plan = makeSecretPlan();
			for (const kind of ['deal', 'summary'] as const) {
				const content = getCardContent(plan, { kind, labels: EN, decisionDateText: '1 July 2026', progressPercent: 40 });
				expect(JSON.stringify(content)).not.toContain(secret);
			}
		},
	);

	test('uses the labels it is given, so an Indonesian plan gets an Indonesian title', () => {
		const plan = makeSecretPlan({ locale: 'id' });
		const content = getCardContent(plan, { kind: 'deal', labels: ID, decisionDateText: '1 Juli 2026', progressPercent: 0 });
		expect(content.title).toBe('Rencana aksi bersama');
	});

	test('for a named card adds the buyer name, decision date and progress but not the plan title', () => {
		const plan = makeSecretPlan({ share: { preview: 'named' } });
		const content = getCardContent(plan, { kind: 'summary', labels: EN, decisionDateText: '1 July 2026', progressPercent: 40 });
		expect(content).toEqual({
			eyebrow: 'Acme',
			title: 'Quillon Holdings',
			subtitle: 'Executive summary · Decision by 1 July 2026',
			progress: { percent: 40, label: '40% done' },
			colors: getCardColors('#0b5fff'),
		});
		expect(JSON.stringify(content)).not.toContain('Zephyr');
		expect(JSON.stringify(content)).not.toContain('Vasquez');
	});

	test.each([
		[-5, 0],
		[33.4, 33],
		[140, 100],
		[Number.NaN, 0],
	])('clamps progress %d to %d', (given, shown) => {
		const plan = makeSecretPlan({ share: { preview: 'named' } });
		const content = getCardContent(plan, { kind: 'deal', labels: EN, decisionDateText: 'x', progressPercent: given });
		expect(content.progress?.percent).toBe(shown);
	});
});

describe('getCardColors', () => {
	test.each([
		['#0b5fff', '#ffffff'],
		['#000', '#ffffff'],
		['#ffd700', '#111111'],
		['#FFFFFF', '#111111'],
	])('on %s writes text in %s', (primary, text) => {
		expect(getCardColors(primary).text).toBe(text);
	});

	test.each(['#0b5fff', '#ffd700', '#777777', '#1a7f37', '#ffffff'])(
		'on %s keeps secondary text at 4.5:1 and the bar at 3:1 even with a clashing accent',
		(primary) => {
			const colors = getCardColors(primary, primary);
			expect(colors.background).toBe(colors.background.toLowerCase());
			expect(contrastRatio(colors.text, colors.background)).toBeGreaterThanOrEqual(4.5);
			expect(contrastRatio(colors.muted, colors.background)).toBeGreaterThanOrEqual(4.5);
			expect(contrastRatio(colors.barFill, colors.background)).toBeGreaterThanOrEqual(3);
		},
	);

	test('nudges a mid grey that reaches 4.5:1 with neither text colour just far enough', () => {
		expect(getCardColors('#777777')).toMatchObject({ background: '#767676', text: '#ffffff' });
	});

	test('expands a short hex colour to six lower-case digits', () => {
		expect(getCardColors('#ABC').background).toBe('#aabbcc');
	});
});

describe('buildCardElement', () => {
	test('draws a 1200x630 card in the brand colour with the content text in order', () => {
		const plan = makeSecretPlan({ share: { preview: 'named' } });
		const content = getCardContent(plan, { kind: 'deal', labels: EN, decisionDateText: '1 July 2026', progressPercent: 40 });
		const element = buildCardElement(content);
		expect(element.props.style).toMatchObject({ width: 1200, height: 630, backgroundColor: '#0b5fff' });
		expect(collectText(element)).toEqual([
			'Acme',
			'Quillon Holdings',
			'Mutual action plan · Decision by 1 July 2026',
			'40% done',
		]);
		expect(JSON.stringify(element)).toContain('"width":"40%"');
	});

	test('leaves out the subtitle and progress bar on a neutral card', () => {
		const content = getCardContent(makeSecretPlan(), { kind: 'deal', labels: EN, decisionDateText: 'x', progressPercent: 40 });
		const element = buildCardElement(content);
		expect(collectText(element)).toEqual(['Acme', 'Mutual action plan']);
		expect(JSON.stringify(element)).not.toContain('%');
	});
});
