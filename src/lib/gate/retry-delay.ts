/** How long the unlock form waits after repeated wrong passwords. */

/** Wrong passwords allowed before the form starts to wait. */
export const FREE_ATTEMPTS = 3;

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 60_000;

/** Milliseconds to wait before the next attempt after `failures` wrong passwords: 0 for the first three, then 2 s doubling up to 60 s. */
export function computeRetryDelayMs(failures: number): number {
	if (failures < FREE_ATTEMPTS) return 0;
	return Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}
