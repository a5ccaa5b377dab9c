/**
 * What the plan, "what I owe" and linked items need once the decrypted content is on the page:
 * the filters, and opening the folds that hide the item a URL points at.
 */
import { findLinkedElement } from './linked-element.ts';
import { wireOweFilter } from './owe-filter.ts';
import { wirePlanFilters } from './plan-filters.ts';

/** Wires the page views of `content`; call once, before the page scrolls to the URL's item. */
export function wirePageViews(content: Element): void {
	openFoldsAroundLinkedItem(content);
	wirePlanFilters(content);
	wireOweFilter(content);
	// A printed plan shows everything, done work included.
	window.addEventListener('beforeprint', () => {
		for (const fold of content.querySelectorAll<HTMLDetailsElement>('details[data-plan-done]')) fold.open = true;
	});
}

// A search result or a link to `plan/#action-x` may point inside a folded list of done actions, and at details.
function openFoldsAroundLinkedItem(content: Element): void {
	const target = findLinkedElement(content);
	let fold = target?.closest('details');
	while (fold) {
		fold.open = true;
		fold = fold.parentElement?.closest('details');
	}
	// The link came for this action (a search hit may have matched its notes), so its details show too.
	const details = target?.closest('.action')?.querySelector<HTMLDetailsElement>(':scope > details');
	if (details) details.open = true;
}
