/**
 * What an Open Graph share card says and how it is laid out. Link unfurlers fetch the card
 * without the site's password, so a `neutral` card carries the seller's brand and nothing else.
 */
import { contrastRatio, findReadableShade, formatHexColor, parseHexColor } from '../contrast.ts';
import type { Plan } from '../../schema/plan.ts';

/** The card's pixel size, the size Open Graph consumers expect. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/**
 * Font families the element tree asks for, in fallback order; the renderer registers fonts under
 * these names. Two names, because satori only falls back between families, not between files.
 */
export const CARD_FONT_FAMILIES = { latin: 'Inter', latinExt: 'Inter Latin Ext' } as const;

/** Which page the card is for: the plan itself or its executive summary. */
export type CardKind = 'deal' | 'summary';

/** Card wording in the plan's locale, taken from the site's label catalogue. */
export interface CardLabels {
	/** Neutral name of a plan page, e.g. "Mutual action plan" or "Rencana aksi bersama". */
	dealTitle: string;
	/** Neutral name of the summary page, e.g. "Executive summary" or "Ringkasan eksekutif". */
	summaryTitle: string;
	/** Put before the decision date on named cards, e.g. "Decision by". */
	decisionBy: string;
	/** Put after the percent on named cards, e.g. "done" or "selesai". */
	done: string;
}

/** Inputs that are not in the plan: which page, wording and values the site already formatted. */
export interface CardOptions {
	kind: CardKind;
	labels: CardLabels;
	/** The decision date as the site shows it in the plan's locale. */
	decisionDateText: string;
	/** Share of actions done, 0-100. */
	progressPercent: number;
}

/** Colours of a card, all `#rrggbb`, chosen so text stays readable on the brand colour. */
export interface CardColors {
	background: string;
	text: string;
	/** Secondary text, still at least 4.5:1 against the background. */
	muted: string;
	/** The progress bar's filled part, at least 3:1 against the background. */
	barFill: string;
	/** The progress bar's empty part. */
	barTrack: string;
}

/** Everything a card shows, as plain data: this is what the renderer hashes. */
export interface CardContent {
	/** The small line above the title: always the seller's name. */
	eyebrow: string;
	title: string;
	subtitle?: string;
	progress?: { percent: number; label: string };
	colors: CardColors;
}

/** A satori element: the React-element-like object satori accepts without JSX. */
export interface CardElement {
	type: string;
	props: { style: Record<string, string | number>; children?: string | CardElement[] };
}

const WHITE = '#ffffff';
const NEAR_BLACK = '#111111';

/** Picks what the card says; with `share.preview: neutral` nothing about the buyer or deal leaks. */
export function getCardContent(plan: Plan, options: CardOptions): CardContent {
	const { kind, labels } = options;
	const pageTitle = kind === 'summary' ? labels.summaryTitle : labels.dealTitle;
	const colors = getCardColors(plan.brand.primary, plan.brand.accent);
	if (plan.share.preview !== 'named') {
		return { eyebrow: plan.seller.name, title: pageTitle, colors };
	}
	const percent = clampPercent(options.progressPercent);
	return {
		eyebrow: plan.seller.name,
		title: plan.buyer.name,
		subtitle: `${pageTitle} · ${labels.decisionBy} ${options.decisionDateText}`,
		progress: { percent, label: `${percent}% ${labels.done}` },
		colors,
	};
}

/** Card colours from the brand: text is white or near-black, whichever contrasts more, at 4.5:1 or better. */
export function getCardColors(primary: string, accent?: string): CardColors {
	const brand = normalizeHex(primary);
	const text = contrastRatio(WHITE, brand) >= contrastRatio(NEAR_BLACK, brand) ? WHITE : NEAR_BLACK;
	// Mid greys reach 4.5:1 with neither text colour, so the brand is nudged just far enough.
	const background = findReadableShade(brand, text, 4.5);
	const muted = findReadableShade(mixHex(text, background, 0.75), background, 4.5);
	// An accent that blends into the background would hide the bar, so it is darkened or lightened.
	const barFill = accent ? findReadableShade(normalizeHex(accent), background, 3) : text;
	const barTrack = mixHex(text, background, 0.25);
	return { background, text, muted, barFill, barTrack };
}

/** Lays the content out as a satori element tree of plain objects. */
export function buildCardElement(content: CardContent): CardElement {
	const { colors } = content;
	const header = textElement(content.eyebrow, {
		fontSize: 40,
		fontWeight: 700,
		color: colors.text,
		lineClamp: 1,
	});
	const main: CardElement[] = [
		textElement(content.title, { fontSize: 80, fontWeight: 700, color: colors.text, lineHeight: 1.1, lineClamp: 2 }),
	];
	if (content.subtitle) {
		main.push(textElement(content.subtitle, { fontSize: 36, color: colors.muted, marginTop: 24, lineClamp: 2 }));
	}
	const footer: CardElement[] = content.progress ? [buildProgressElement(content.progress, colors)] : [];
	return {
		type: 'div',
		props: {
			style: {
				// Satori defaults to content-box, where the padding would grow the card past 1200x630.
				boxSizing: 'border-box',
				width: CARD_WIDTH,
				height: CARD_HEIGHT,
				display: 'flex',
				flexDirection: 'column',
				justifyContent: 'space-between',
				padding: 72,
				backgroundColor: colors.background,
				fontFamily: `"${CARD_FONT_FAMILIES.latin}", "${CARD_FONT_FAMILIES.latinExt}"`,
			},
			children: [
				header,
				{ type: 'div', props: { style: { display: 'flex', flexDirection: 'column' }, children: main } },
				{ type: 'div', props: { style: { display: 'flex', flexDirection: 'column', minHeight: 56 }, children: footer } },
			],
		},
	};
}

function buildProgressElement(progress: NonNullable<CardContent['progress']>, colors: CardColors): CardElement {
	const track: CardElement = {
		type: 'div',
		props: {
			style: { display: 'flex', width: '100%', height: 16, borderRadius: 8, backgroundColor: colors.barTrack },
			children: [
				{
					type: 'div',
					props: {
						style: { width: `${progress.percent}%`, height: 16, borderRadius: 8, backgroundColor: colors.barFill },
					},
				},
			],
		},
	};
	return {
		type: 'div',
		props: {
			style: { display: 'flex', flexDirection: 'column', width: '100%' },
			children: [textElement(progress.label, { fontSize: 28, color: colors.muted, marginBottom: 12 }), track],
		},
	};
}

function textElement(text: string, style: Record<string, string | number>): CardElement {
	// Satori needs an explicit display on every div; ellipsis keeps a long name from overflowing.
	return { type: 'div', props: { style: { display: 'block', textOverflow: 'ellipsis', ...style }, children: text } };
}

function clampPercent(percent: number): number {
	return Number.isFinite(percent) ? Math.round(Math.min(100, Math.max(0, percent))) : 0;
}

function normalizeHex(hex: string): string {
	const rgb = parseHexColor(hex);
	if (!rgb) throw new Error(`Not a hex colour: ${JSON.stringify(hex)}`);
	return formatHexColor(rgb);
}

/** `weight` of `a` blended with the rest of `b`, channel by channel. */
function mixHex(a: string, b: string, weight: number): string {
	const rgbA = parseHexColor(a);
	const rgbB = parseHexColor(b);
	if (!rgbA || !rgbB) throw new Error(`Not hex colours: ${JSON.stringify(a)}, ${JSON.stringify(b)}`);
	return formatHexColor(rgbA.map((c, i) => c * weight + rgbB[i] * (1 - weight)) as [number, number, number]);
}
