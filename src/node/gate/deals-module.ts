/** The `virtual:mapsite/deals` module: what the pages need to know about the build (routes, day, preview, feedback). */
import type { FeedbackSettings } from '../feedback-settings.ts';
import type { DealToPublish } from '../publish/publish-site.ts';

const VIRTUAL_ID = 'virtual:mapsite/deals';

/** A Vite plugin serving the module's source. */
export function createDealsModulePlugin(options: {
	deals: readonly DealToPublish[];
	gatedSlugs: ReadonlySet<string>;
	today: string;
	isPreview: boolean;
	feedback: FeedbackSettings;
	feedbackEmailKeys: Record<string, string>;
}) {
	const routes = options.deals.map(({ slug, routeId }) => ({ slug, routeId, gated: options.gatedSlugs.has(slug) }));
	const source = [
		`export const deals = ${JSON.stringify(routes)};`,
		`export const today = ${JSON.stringify(options.today)};`,
		`export const isPreview = ${options.isPreview};`,
		`export const feedback = ${JSON.stringify(options.feedback)};`,
		`export const feedbackEmailKeys = ${JSON.stringify(options.feedbackEmailKeys)};`,
	].join('\n');
	return {
		name: 'mapsite:deals',
		resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
		load: (id: string) => (id === `\0${VIRTUAL_ID}` ? source : undefined),
	};
}
