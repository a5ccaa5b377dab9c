/** Moved to src/lib/views/action-row.ts; kept so pages that still import it from here build unchanged. */
export { formatActionMeta, toActionRow as toActionSummaryItem } from '../lib/views/action-row.ts';
