/**
 * What a pasted link unfurls to: the card's content and the words of the og:/twitter: tags.
 * Unfurlers cannot unlock, so every field is public: neutral unless the plan opts in to `named`.
 */
import type { Messages } from '../../i18n/index.ts';
import { formatDate, formatPercent } from '../../i18n/index.ts';
import type { Plan } from '../../schema/plan.ts';
import { getPlanProgress } from '../progress.ts';
import { getCardContent, type CardContent, type CardKind } from './card.ts';

/** One page's preview. */
export interface SharePreview {
	title: string;
	description: string;
	imageAlt: string;
	card: CardContent;
}

/** The previews of a deal's pages: the summary has its own card, every other page the deal's. */
export type SharePreviews = Record<CardKind, SharePreview>;

/** Builds both previews of `plan` in its locale. */
export function getSharePreviews(plan: Plan, messages: Messages): SharePreviews {
	const words = messages.sharePreview;
	const percent = getPlanProgress(plan).overall.percent;
	const decisionDateText = formatDate(plan.decisionDate, plan.locale);
	const build = (kind: CardKind): SharePreview => {
		const card = getCardContent(plan, { kind, labels: words, decisionDateText, progressPercent: percent });
		const pageTitle = kind === 'summary' ? words.summaryTitle : words.dealTitle;
		const named = plan.share.preview === 'named';
		return {
			title: named ? `${plan.buyer.name} · ${pageTitle}` : pageTitle,
			description: named
				? `${words.decisionBy} ${decisionDateText} · ${formatPercent(percent, plan.locale)} ${words.done}`
				: words.description({ seller: plan.seller.name }),
			imageAlt: words.imageAlt({ seller: plan.seller.name }),
			card,
		};
	};
	return { deal: build('deal'), summary: build('summary') };
}
