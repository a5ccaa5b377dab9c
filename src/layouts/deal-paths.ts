/** The routes every deal page shares: one page per deal, at its route id, with its plan entry. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { deals } from 'virtual:mapsite/deals';

/** What each `src/pages/[deal]/*.astro` page receives. */
export interface DealPageProps {
	entry: CollectionEntry<'plans'>;
	routeId: string;
}

/** `getStaticPaths` for a deal page: one path per deal the integration lists. */
export async function getDealPaths(): Promise<{ params: { deal: string }; props: DealPageProps }[]> {
	const plans = await getCollection('plans');
	return deals.map((d) => {
		const entry = plans.find((p) => p.id === d.slug);
		// The integration lists deals from the same folder, so a miss means the two have drifted apart.
		if (!entry) throw new Error(`Deal "${d.slug}" has no plan in plans/; expected plans/${d.slug}.mdx`);
		return { params: { deal: d.routeId }, props: { entry, routeId: d.routeId } };
	});
}
