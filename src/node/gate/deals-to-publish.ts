/** Turns the plans a build renders into what the publisher needs: labels, branding, previews and, for gated deals, keys. */
import type { CheckedPlan } from '../../lib/check/index.ts';
import { resolveRouteId } from '../../lib/deal-address.ts';
import { getMessages } from '../../i18n/index.ts';
import { buildFavicon } from '../../lib/og/favicon.ts';
import { getSharePreviews } from '../../lib/og/share-preview.ts';
import { readSellerLogoUrl } from '../logos.ts';
import type { DealKeys, DealToWrap } from '../publish/key-wraps.ts';
import type { DealToPublish } from '../publish/publish-site.ts';
import { createBuildId } from '../../lib/crypto/index.ts';

/** Each plan's URL id by slug; without a secret (only under `astro dev`) the slug stands in for the id. */
export async function resolveRouteIds(plans: readonly CheckedPlan[], siteSecret: Uint8Array | undefined): Promise<Map<string, string>> {
	return new Map(await Promise.all(plans.map(async ({ slug, plan }) => [slug, (await resolveRouteId(slug, plan!.path, siteSecret)) ?? slug] as const)));
}

/** The gated deals whose keys this build wraps: those with a password, when the build has a site secret. */
export function listDealsToWrap(options: {
	plans: readonly CheckedPlan[];
	routeIds: ReadonlyMap<string, string>;
	passwords: ReadonlyMap<string, string>;
	siteSecret: Uint8Array | undefined;
}): DealToWrap[] {
	if (!options.siteSecret) return [];
	return options.plans.flatMap(({ slug, plan }) => {
		const password = options.passwords.get(slug);
		return plan!.access === 'gated' && password ? [{ slug, routeId: options.routeIds.get(slug)!, keyVersion: plan!.keyVersion, password }] : [];
	});
}

/** The deals to publish, without keys: those are wrapped while Astro renders (key-wraps.ts) and attached by {@link attachDealKeys}. */
export function prepareDeals(options: { root: string; plans: readonly CheckedPlan[]; routeIds: ReadonlyMap<string, string> }): Promise<DealToPublish[]> {
	const { root } = options;
	return Promise.all(
		options.plans.map(async ({ slug, plan, file }) => {
			const routeId = options.routeIds.get(slug)!;
			const messages = getMessages(plan!.locale);
			return {
				slug,
				routeId,
				lang: plan!.locale,
				shellTitle: messages.gate.title,
				sellerName: plan!.seller.name,
				sellerLogo: await readSellerLogoUrl(plan!, file, root),
				brand: plan!.brand,
				gateLabels: messages.gateShell,
				share: {
					previews: getSharePreviews(plan!, messages),
					themeColor: plan!.brand.primary,
					favicon: buildFavicon(plan!.seller.name, plan!.brand.primary),
				},
			} satisfies DealToPublish;
		}),
	);
}

/**
 * Gives each gated deal its keys. Fails closed: a deal whose pages were rendered to be encrypted
 * is never published without a key.
 */
export function attachDealKeys(deals: DealToPublish[], gatedSlugs: ReadonlySet<string>, keys: ReadonlyMap<string, DealKeys>): void {
	for (const deal of deals) {
		const dealKeys = keys.get(deal.slug);
		// A fresh id per rendering: an older build's payloads of this deal no longer open (no replay).
		if (dealKeys) deal.gate = { ...dealKeys, buildId: createBuildId() };
	}
	const unkeyed = deals.filter((deal) => gatedSlugs.has(deal.slug) && !deal.gate).map((deal) => deal.slug);
	if (unkeyed.length > 0) throw new Error(`No wrapped key for the gated deal${unkeyed.length === 1 ? '' : 's'} ${unkeyed.join(', ')}, so nothing was published.`);
}
