/** The last step of a build: the log line, the deal addresses for `scripts/build.ts`, and the timings file. */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CheckedPlan } from '../../lib/check/index.ts';
import { formatDealAddress, resolveRouteId } from '../../lib/deal-address.ts';
import type { BuildSettings } from '../build-settings.ts';
import { recordBuildOutcome } from '../build-outcome.ts';
import type { RebuildSelection } from '../rebuild-selection.ts';
import type { DealToPublish, PublishResult } from '../publish/publish-site.ts';

/** What a build did, as reportBuild needs it. */
export interface BuildReport {
	root: string;
	settings: BuildSettings;
	allPlans: readonly CheckedPlan[];
	deals: readonly DealToPublish[];
	siteSecret: Uint8Array | undefined;
	incremental: RebuildSelection['incremental'];
	fullReason: string | undefined;
	/** Milliseconds of the phases before publishing. */
	phases: { check: number; validate: number; keys: number; render: number };
	result: PublishResult;
}

/** One line saying what was published and which deals were built or kept. */
export function describePublished(report: Pick<BuildReport, 'settings' | 'deals' | 'incremental' | 'fullReason' | 'result'>): string {
	const { settings, deals, incremental, fullReason, result } = report;
	const gated = deals.filter((deal) => deal.gate).length;
	const what = `${result.encrypted} pages of ${gated} gated deals encrypted; ${result.cards.rendered} preview images drawn, ${result.cards.cached} from cache; leak scan clean`;
	const scope = incremental
		? ` (incremental: ${deals.length} changed deal${deals.length === 1 ? '' : 's'} rebuilt${deals.length > 0 ? `: ${deals.map((deal) => deal.slug).join(', ')}` : ''}; ${incremental.kept.length} unchanged kept; MAPSITE_FULL=1 rebuilds all)`
		: settings.only.length > 0
			? ` (only ${settings.only.join(', ')}; other deals kept)`
			: fullReason
				? ` (full build: ${fullReason})`
				: '';
	return `Published ${result.files} files to ${settings.distDir}/${scope}; ${what}.`;
}

/** Hands the deal addresses to `scripts/build.ts` and writes `MAPSITE_TIMINGS` when asked. */
export async function reportBuild(report: BuildReport): Promise<void> {
	const { settings, allPlans, deals, incremental } = report;
	const siteUrl = settings.siteUrl!;
	const built = new Set(deals.map((deal) => deal.slug));
	const others = settings.shard ? [] : allPlans.filter((checked) => !built.has(checked.slug));
	const distDir = resolve(report.root, settings.distDir);
	// Only what is really in the output is listed with an address: a `--deal` build into a fresh folder has none of the others.
	const located = await Promise.all(
		others.map(async ({ slug, plan }) => {
			const routeId = (await resolveRouteId(slug, plan!.path, report.siteSecret))!;
			return { slug, address: formatDealAddress(siteUrl, routeId), isPublished: await isFolder(join(distDir, routeId)) };
		}),
	);
	recordBuildOutcome({
		distDir: settings.distDir,
		built: deals.map((deal) => ({ slug: deal.slug, address: formatDealAddress(siteUrl, deal.routeId) })),
		kept: located.filter((deal) => deal.isPublished).map(({ slug, address }) => ({ slug, address })),
		notPublished: located.filter((deal) => !deal.isPublished).map((deal) => deal.slug),
		otherShards: settings.shard ? allPlans.length - deals.length : 0,
		partial: settings.shard ? 'shard' : incremental ? 'incremental' : settings.only.length > 0 ? 'only' : undefined,
	});
	if (settings.timingsFile) {
		const { result } = report;
		const timings = { phases: { ...report.phases, ...result.timings }, deals: deals.length, kept: incremental?.kept.length ?? 0, pages: result.encrypted, cards: result.cards, searchBytes: result.searchBytes };
		const file = resolve(report.root, settings.timingsFile);
		await mkdir(dirname(file), { recursive: true });
		await writeFile(file, `${JSON.stringify(timings, null, 2)}\n`);
	}
}

async function isFolder(path: string): Promise<boolean> {
	return stat(path).then(
		(info) => info.isDirectory(),
		() => false,
	);
}
