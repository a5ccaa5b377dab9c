/** What every deal page and its layout need from a plan entry: words, dates, links, colours. */
import type { CollectionEntry } from 'astro:content';
import { today } from 'virtual:mapsite/deals';
import { getMessages, type Messages } from '../i18n/index.ts';
import { formatBrandStyle, getBrandPalette } from '../lib/brand-contrast.ts';
import type { Plan } from '../schema/plan.ts';
import type { DealPageProps } from './deal-paths.ts';

/** The pages of a deal, in nav order. */
export const DEAL_PAGES = ['overview', 'plan', 'timeline', 'dependencies', 'people', 'risks', 'checkins', 'summary'] as const;

/** One page of a deal. */
export type DealPage = (typeof DEAL_PAGES)[number];

/** Shared data for one deal page. */
export interface DealContext {
	/** The plan's content entry, for `render()` and its file path. */
	entry: CollectionEntry<'plans'>;
	/** The deal's URL id: `/<routeId>/` is its root. */
	routeId: string;
	plan: Plan;
	locale: Plan['locale'];
	messages: Messages;
	/** The page words of the plan's language (`messages.page`). */
	labels: Messages['page'];
	today: string;
	/** `/<routeId>/`, the deal's root; pages live under it. */
	base: string;
	/** Inline CSS custom properties carrying the deal's colours (src/lib/brand-contrast.ts). */
	brandStyle: string;
	/** The plan file, relative to the project root, e.g. `plans/northwind.mdx`. */
	file: string;
}

/** Builds the shared context of a deal page from the props `getDealPaths` gave it. */
export function getDealContext({ entry, routeId }: DealPageProps): DealContext {
	const plan = entry.data as Plan;
	const messages = getMessages(plan.locale);
	return {
		entry,
		routeId,
		plan,
		locale: plan.locale,
		messages,
		labels: messages.page,
		today,
		base: `/${routeId}/`,
		file: entry.filePath ?? `plans/${entry.id}.mdx`,
		// Authors pick brand colours for logos, not for text; the palette's readable shades keep every state legible.
		brandStyle: formatBrandStyle(getBrandPalette(plan.brand)),
	};
}

/** The link to `page` under `base`. */
export function getPageHref(base: string, page: DealPage): string {
	return page === 'overview' ? base : `${base}${page}/`;
}
