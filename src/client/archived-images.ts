/**
 * Images of a gated deal that exist only inside its encrypted files archive: the build left each
 * such `img` without a `src` (its archive path in `data-mapsite-src`, a `srcset` in
 * `data-mapsite-srcset`, also on `<source>`); once the archive is open every one gets a `blob:`
 * URL of its bytes with the right type. Alt text, size and lazy loading stay as built.
 */
import { ARCHIVED_SRC_ATTRIBUTE, ARCHIVED_SRCSET_ATTRIBUTE, getAssetMediaType } from '../lib/gate/deal-assets.ts';

/** Draws every archived image in `content` from `archive` (path to bytes); returns how many it could not find. */
export function showArchivedImages(content: Element, archive: ReadonlyMap<string, Uint8Array>): number {
	const urls = new Map<string, string>();
	let missing = 0;
	// One URL per file, kept for the page's life: the image may be drawn again (printing, resizing).
	const urlOf = (path: string): string | undefined => {
		const bytes = archive.get(path);
		if (bytes === undefined) return undefined;
		let url = urls.get(path);
		if (url === undefined) {
			url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: getAssetMediaType(path) }));
			urls.set(path, url);
		}
		return url;
	};
	for (const element of content.querySelectorAll<HTMLImageElement | HTMLSourceElement>(`[${ARCHIVED_SRCSET_ATTRIBUTE}]`)) {
		const candidates = (element.getAttribute(ARCHIVED_SRCSET_ATTRIBUTE) ?? '').split(',').map((candidate) => {
			const [path, ...descriptor] = candidate.trim().split(/\s+/);
			return [urlOf(path) ?? path, ...descriptor].join(' ');
		});
		element.setAttribute('srcset', candidates.join(', '));
		element.removeAttribute(ARCHIVED_SRCSET_ATTRIBUTE);
	}
	for (const image of content.querySelectorAll<HTMLImageElement>(`img[${ARCHIVED_SRC_ATTRIBUTE}]`)) {
		const url = urlOf(image.getAttribute(ARCHIVED_SRC_ATTRIBUTE) ?? '');
		if (url === undefined) {
			missing += 1;
			continue;
		}
		image.src = url;
		image.removeAttribute(ARCHIVED_SRC_ATTRIBUTE);
	}
	return missing;
}

/** Whether `content` has images waiting for the files archive. */
export function hasArchivedImages(content: Element): boolean {
	return content.querySelector(`[${ARCHIVED_SRC_ATTRIBUTE}], [${ARCHIVED_SRCSET_ATTRIBUTE}]`) !== null;
}
