/** "Did you mean" suggestions for misspelt field names, enum values and ids. */

/** Levenshtein distance between two strings. */
export function measureEditDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
		}
		previous = current;
	}
	return previous[b.length];
}

/** The candidate closest to `name` when it is at most `maxDistance` edits away; ties go to the first. */
export function findClosestName(name: string, candidates: readonly string[], maxDistance = 2): string | undefined {
	let best: string | undefined;
	let bestDistance = maxDistance + 1;
	for (const candidate of candidates) {
		if (Math.abs(candidate.length - name.length) > maxDistance) continue;
		const distance = measureEditDistance(name.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

/** A list of names for a hint, cut after `max` so a 500-action plan does not flood the terminal. */
export function listNames(names: readonly string[], max = 12): string {
	if (names.length <= max) return names.join(', ');
	return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
