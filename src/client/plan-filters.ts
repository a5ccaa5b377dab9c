/**
 * The plan page's filters: everyone, one side, what is late, or one person. Works on the decrypted
 * content the loader inserted; reads its starting filter from the URL (`?owner=<id>`, `#owner=<id>`,
 * `?side=buyer`, `?late`) and writes it back, so a link can open the page filtered.
 */

/** A filter of the plan page's open actions. */
export type PlanFilter = { kind: 'all' } | { kind: 'side'; side: string } | { kind: 'late' } | { kind: 'owner'; owner: string };

/** Reads the filter a URL asks for; `all` when it asks for none. */
export function readPlanFilter(search: string, hash: string): PlanFilter {
	const params = new URLSearchParams(search);
	const fromHash = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
	const owner = params.get('owner') ?? fromHash.get('owner');
	if (owner) return { kind: 'owner', owner };
	const side = params.get('side') ?? fromHash.get('side');
	if (side === 'buyer' || side === 'seller') return { kind: 'side', side };
	if (params.has('late') || fromHash.has('late')) return { kind: 'late' };
	return { kind: 'all' };
}

/** The query string (with `?`, or empty) that asks for `filter`. */
export function writePlanFilter(filter: PlanFilter): string {
	if (filter.kind === 'owner') return `?owner=${encodeURIComponent(filter.owner)}`;
	if (filter.kind === 'side') return `?side=${filter.side}`;
	if (filter.kind === 'late') return '?late';
	return '';
}

/** Whether an action row matches `filter`; a late row is one whose (possibly refreshed) badge says late. */
function matches(row: HTMLElement, filter: PlanFilter): boolean {
	if (filter.kind === 'owner') return row.dataset.owner === filter.owner;
	if (filter.kind === 'side') return row.dataset.side === filter.side;
	if (filter.kind === 'late') return row.querySelector('.badge--late') !== null;
	return true;
}

function hasOption(select: HTMLSelectElement, value: string): boolean {
	return [...select.options].some((option) => option.value === value);
}

/** Wires the filters under `content`, if the page has them, and applies the URL's filter. */
export function wirePlanFilters(content: Element): void {
	const panel = content.querySelector<HTMLElement>('[data-plan-filters]');
	if (panel === null) return;
	const buttons = [...panel.querySelectorAll<HTMLButtonElement>('button[data-filter]')];
	const select = panel.querySelector<HTMLSelectElement>('select[data-filter-person]');
	const status = panel.querySelector<HTMLElement>('[data-filter-status]');
	const none = panel.querySelector<HTMLElement>('[data-filter-none]');
	const groups = [...content.querySelectorAll<HTMLElement>('[data-plan-group]')];
	// Made on first use: building a number format loads locale data, which an unfiltered open never needs.
	let count: Intl.NumberFormat | undefined;

	function apply(filter: PlanFilter, isFromUser: boolean): void {
		// An owner the page does not know shows everything rather than an empty page.
		if (filter.kind === 'owner' && select && !hasOption(select, filter.owner)) filter = { kind: 'all' };
		const key = filter.kind === 'side' ? `side:${filter.side}` : filter.kind;
		for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.filter === key));
		if (select) select.value = filter.kind === 'owner' ? filter.owner : '';
		let shown = 0;
		for (const group of groups) {
			let groupShown = 0;
			for (const row of group.querySelectorAll<HTMLElement>('[data-plan-open] > .action')) {
				const isShown = matches(row, filter);
				row.hidden = !isShown;
				if (isShown) groupShown++;
			}
			// While filtering, the page answers "what is open for …": done work folds away entirely.
			const done = group.querySelector<HTMLElement>('[data-plan-done]');
			if (done) done.hidden = filter.kind !== 'all';
			group.hidden = filter.kind !== 'all' && groupShown === 0;
			shown += groupShown;
		}
		if (none) none.hidden = filter.kind === 'all' || shown > 0;
		if (status) status.textContent = filter.kind === 'all' ? (isFromUser ? (panel!.dataset.statusAll ?? '') : '') : (panel!.dataset.statusTemplate ?? '').replace('{count}', (count ??= new Intl.NumberFormat(document.documentElement.lang || undefined)).format(shown)).replace('{filter}', describe(filter));
		if (isFromUser) history.replaceState(history.state, '', location.pathname + writePlanFilter(filter));
	}

	function describe(filter: PlanFilter): string {
		if (filter.kind === 'owner') return select?.selectedOptions[0]?.textContent ?? filter.owner;
		const key = filter.kind === 'side' ? `side:${filter.side}` : filter.kind;
		return buttons.find((button) => button.dataset.filter === key)?.textContent ?? key;
	}

	panel.addEventListener('click', (event) => {
		const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-filter]') : null;
		if (!button) return;
		const [kind, side] = (button.dataset.filter ?? 'all').split(':');
		apply(kind === 'side' ? { kind: 'side', side: side ?? '' } : kind === 'late' ? { kind: 'late' } : { kind: 'all' }, true);
	});
	select?.addEventListener('change', () => apply(select.value ? { kind: 'owner', owner: select.value } : { kind: 'all' }, true));
	panel.hidden = false;
	const initial = readPlanFilter(location.search, location.hash);
	// The page is published unfiltered ("All" pressed, every row shown), so that open has nothing to do.
	if (initial.kind !== 'all') apply(initial, false);
}
