/** The element of the decrypted content that the URL's `#fragment` names, if any. */
export function findLinkedElement(content: Element): HTMLElement | null {
	if (location.hash.length < 2) return null;
	let id: string;
	try {
		id = decodeURIComponent(location.hash.slice(1));
	} catch {
		return null;
	}
	return content.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
}
