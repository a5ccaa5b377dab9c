/**
 * "What I owe": the page lists every person; `owe/#<person-id>` (or `?person=<id>`, or the picker)
 * shows only that person's section. Without JavaScript every section shows.
 */

/** The person id a URL asks for, if any. */
export function readOwePerson(search: string, hash: string): string | undefined {
	const fromQuery = new URLSearchParams(search).get('person');
	if (fromQuery) return fromQuery;
	if (hash.length < 2) return undefined;
	try {
		return decodeURIComponent(hash.slice(1));
	} catch {
		return undefined;
	}
}

/** Wires the person picker under `content`, if the page has one, and shows the URL's person. */
export function wireOweFilter(content: Element): void {
	const picker = content.querySelector<HTMLSelectElement>('select[data-owe-person]');
	if (picker === null) return;
	const sections = [...content.querySelectorAll<HTMLElement>('[data-owe-section]')];
	const status = content.querySelector<HTMLElement>('[data-owe-status]');
	const panel = picker.closest<HTMLElement>('[data-owe-picker]');

	function show(personId: string, isFromUser: boolean): void {
		const section = sections.find((candidate) => candidate.dataset.oweSection === personId);
		const target = section ? personId : '';
		for (const candidate of sections) candidate.hidden = target !== '' && candidate !== section;
		picker!.value = target;
		if (status) status.textContent = section ? (section.dataset.oweSummary ?? '') : isFromUser ? (status.dataset.everyone ?? '') : '';
		if (isFromUser) history.replaceState(history.state, '', location.pathname + (target ? `#${encodeURIComponent(target)}` : ''));
	}

	picker.addEventListener('change', () => show(picker.value, true));
	if (panel) panel.hidden = false;
	show(readOwePerson(location.search, location.hash) ?? '', false);
}
