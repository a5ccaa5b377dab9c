/**
 * Calendar links that work like any other link once the page is unlocked. A gated deal's .ics
 * files exist only inside its encrypted archive, so each link's own `href` would answer 404; here
 * every link gets a `blob:` URL of its decrypted file (its `download` attribute names it), and
 * save-as, long-press and open-in-new-tab all work.
 */
import { unpackArchive } from '../lib/search/archive.ts';

/**
 * Points every `a[data-mapsite-file]` in `content` at its file. Runs after the content has
 * painted. A link keeps the loader's click-to-download until its file is ready; then it loses
 * `data-mapsite-file` (and gains `data-mapsite-file-ready`) so the browser handles it natively.
 */
export function linkFilesDirectly(content: Element, loadFiles: () => Promise<Uint8Array>): void {
	const links = [...content.querySelectorAll<HTMLAnchorElement>('a[data-mapsite-file]')];
	if (links.length === 0) return;
	setTimeout(() => {
		loadFiles()
			.then(unpackArchive)
			.then((archive) => {
				// One URL per file, kept for the page's life: the links need it until the reader leaves.
				const urls = new Map<string, string>();
				for (const link of links) {
					const path = link.dataset.mapsiteFile ?? '';
					const bytes = archive.get(path);
					if (bytes === undefined) continue;
					let url = urls.get(path);
					if (url === undefined) {
						url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: link.type || 'application/octet-stream' }));
						urls.set(path, url);
					}
					link.href = url;
					if (!link.hasAttribute('download')) link.download = path.split('/').at(-1) ?? path;
					link.removeAttribute('data-mapsite-file');
					link.dataset.mapsiteFileReady = path;
				}
			})
			// Nothing to say yet: a click still goes through the loader, which reports the failure.
			.catch(() => undefined);
	}, 0);
}
