/** Turns the plans a build renders into what the publisher needs: labels, branding, previews and, for gated deals, keys. */
import { join } from 'node:path';
import type { CheckedPlan } from '../../lib/check/index.ts';
import { createBuildId, deriveContentKey } from '../../lib/crypto/index.ts';
import { resolveRouteId } from '../../lib/deal-address.ts';
import { getMessages } from '../../i18n/index.ts';
import { buildFavicon } from '../../lib/og/favicon.ts';
import { getSharePreviews } from '../../lib/og/share-preview.ts';
import { readSellerLogoUrl } from '../logos.ts';
import type { DealToPublish } from '../publish/publish-site.ts';
import { getWrappedKey } from '../publish/wrapped-key-cache.ts';

/** Each plan's URL id by slug; without a secret (only under `astro dev`) the slug stands in for the id. */
export async function resolveRouteIds(plans: readonly CheckedPlan[], siteSecret: Uint8Array | undefined): Promise<Map<string, string>> {
	return new Map(await Promise.all(plans.map(async ({ slug, plan }) => [slug, (await resolveRouteId(slug, plan!.path, siteSecret)) ?? slug] as const)));
}

/** The deals to publish; gated ones get their content key and password-wrapped key when `siteSecret` is set. */
export function prepareDeals(options: {
	root: string;
	plans: readonly CheckedPlan[];
	routeIds: ReadonlyMap<string, string>;
	passwords: ReadonlyMap<string, string>;
	siteSecret: Uint8Array | undefined;
}): Promise<DealToPublish[]> {
	const { root, siteSecret } = options;
	return Promise.all(
		options.plans.map(async ({ slug, plan, file }) => {
			const routeId = options.routeIds.get(slug)!;
			const messages = getMessages(plan!.locale);
			const deal: DealToPublish = {
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
			};
			const password = options.passwords.get(slug);
			if (plan!.access === 'gated' && password && siteSecret) {
				const contentKey = await deriveContentKey(siteSecret, slug, plan!.keyVersion);
				// Cached so an unchanged deal costs no PBKDF2 and its shells stay byte-identical.
				const wrappedKey = await getWrappedKey({ cacheDir: join(root, '.mapsite', 'cache', 'wrapped-keys'), siteSecret, dealId: routeId, password, contentKey });
				// A fresh id per rendering: an older build's payloads of this deal no longer open (no replay).
				deal.gate = { contentKey, wrappedKey, buildId: createBuildId() };
			}
			return deal;
		}),
	);
}
