/** Wall time per publishing phase, for `MAPSITE_TIMINGS` and the benchmark. */

/** Milliseconds per publishing phase (wall time; images and search run side by side, so they overlap). */
export interface PublishTimings {
	diagrams: number;
	images: number;
	search: number;
	encrypt: number;
	leakScan: number;
	swap: number;
}

/** A timer whose `time(phase, work)` adds the wall time of `work` to `timings[phase]`. */
export function createPhaseTimer(): { timings: PublishTimings; time<T>(phase: keyof PublishTimings, work: () => Promise<T>): Promise<T> } {
	const timings: PublishTimings = { diagrams: 0, images: 0, search: 0, encrypt: 0, leakScan: 0, swap: 0 };
	return {
		timings,
		async time(phase, work) {
			const started = performance.now();
			try {
				return await work();
			} finally {
				timings[phase] += performance.now() - started;
			}
		},
	};
}
