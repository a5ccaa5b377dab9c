/** The icon beside each status word, shared by the badge markup and the browser's live refresh. */
import type { DealStandingWord } from './deal-standing.ts';
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

/** One icon per deal standing, for the header tag, the overview and the executive summary. */
export const STANDING_ICONS: Readonly<Record<DealStandingWord, string>> = { 'on-track': '●', 'at-risk': '▲', late: '!', won: '✓', lost: '✕', paused: '‖' };
