/**
 * Moves status badges on to "late" or "due soon" for the viewer's day, after the loader has
 * inserted a page. The build marks each open action's badge with `data-due`, `data-status` (the
 * build-time status) and the words it may need (`data-label-late`, `data-label-due-soon`).
 */
import { getLiveStatus, isItemStatus } from '../lib/live-status.ts';
import { STATUS_ICONS } from '../lib/status-icons.ts';
import { getStatusLight, type ItemStatus } from '../lib/status-rules.ts';

const BADGE_SELECTOR = '.badge[data-due][data-status]';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Today as `YYYY-MM-DD` in the viewer's own time zone, which is the day they mean by "today". */
export function getViewerToday(now: Date = new Date()): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Refreshes every marked badge under `root` for `today` (`YYYY-MM-DD`, the viewer's day) and
 * returns how many now show another status than at build time. Always starts from the
 * build-time status, so calling it again with a later day is safe.
 */
export function refreshLiveStatuses(root: ParentNode, today: string): number {
	if (!DATE_PATTERN.test(today)) return 0;
	let changed = 0;
	for (const badge of root.querySelectorAll<HTMLElement>(BADGE_SELECTOR)) {
		const built = badge.dataset.status;
		const due = badge.dataset.due ?? '';
		if (!isItemStatus(built) || !DATE_PATTERN.test(due)) continue;
		const status = getLiveStatus(built, due, today);
		const shown = isItemStatus(badge.dataset.liveStatus) ? badge.dataset.liveStatus : built;
		if (status !== shown) {
			const word = readWord(badge, status, built);
			// Without its word the badge would be an icon alone, which is worse than a stale status.
			if (word === undefined) continue;
			showStatus(badge, shown, status, word);
		}
		if (status !== built) changed++;
	}
	return changed;
}

function readWord(badge: HTMLElement, status: ItemStatus, built: ItemStatus): string | undefined {
	if (status === built) return badge.dataset.builtLabel;
	if (status === 'late') return badge.dataset.labelLate;
	if (status === 'due-soon') return badge.dataset.labelDueSoon;
	return undefined;
}

function showStatus(badge: HTMLElement, shown: ItemStatus, status: ItemStatus, word: string): void {
	const icon = badge.querySelector('.badge__icon');
	// Keep the build-time word, so a later call for an earlier day can put it back.
	badge.dataset.builtLabel ??= [...badge.childNodes].filter((node) => node !== icon).map((node) => node.textContent ?? '').join('');
	badge.classList.remove(`badge--${shown}`, `badge--${getStatusLight(shown)}`);
	badge.classList.add(`badge--${getStatusLight(status)}`, `badge--${status}`);
	if (icon) icon.textContent = STATUS_ICONS[status];
	for (const node of [...badge.childNodes]) if (node !== icon) node.remove();
	badge.append(word);
	if (status === badge.dataset.status) delete badge.dataset.liveStatus;
	else badge.dataset.liveStatus = status;
}
