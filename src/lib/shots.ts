/** Names of the screenshots `npm run shots` saves, so a folder listing reads as deal, page and screen. */

/** `overview` for the deal's root, else the page path with dashes: `plan/` → `plan`. */
export function getPageShotName(pagePath: string): string {
	const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
	return trimmed === '' ? 'overview' : trimmed.replaceAll('/', '-');
}

/** The file of one screenshot within the shots folder, e.g. `harbor-lightweight/plan-phone.png`. */
export function getShotFile(slug: string, name: string, screen: string): string {
	return `${slug}/${name}-${screen}.png`;
}
