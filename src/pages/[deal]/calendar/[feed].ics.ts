/**
 * Calendar files of a deal: `plan.ics` (milestones and actions) and one "what I owe" feed per
 * stakeholder who owns actions. For a gated deal the build packs them into the deal's encrypted
 * files archive and the loader hands them to the browser as downloads.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDealPaths, type DealPageProps } from '../../../layouts/deal-paths.ts';
import { getCalendarFeeds } from '../../../layouts/calendar-feeds.ts';

export const getStaticPaths = (async () => {
	const deals = await getDealPaths();
	return deals.flatMap(({ params, props }) => getCalendarFeeds(props.entry, props.routeId).map((feed) => ({ params: { ...params, feed: feed.name }, props: { ...props, feed: feed.name } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { entry, routeId, feed } = props as DealPageProps & { feed: string };
	const found = getCalendarFeeds(entry, routeId).find((candidate) => candidate.name === feed)!;
	return new Response(found.build(), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
