/** The icon beside each status word, shared by the badge markup and the browser's live refresh. */
import type { ItemStatus } from './status.ts';

/** One icon per status, so a status never relies on colour alone. */
export const STATUS_ICONS: Readonly<Record<ItemStatus, string>> = {
	done: '✓',
	late: '!',
	blocked: '■',
	'at-risk': '▲',
	'due-soon': '◷',
	'on-track': '●',
};
