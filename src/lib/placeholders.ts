/**
 * The placeholder convention of plan templates: text a rep still has to write is wrapped in
 * double square brackets, `[[Full name of the champion]]`. `npm run check` warns about each one
 * and `npm run build` refuses to publish a plan that still holds any.
 */

// One line at most, so a stray "[[" never swallows the rest of a file; no space just inside the
// brackets, so prose can name the convention ("text between [[ and ]]") without being one.
const PLACEHOLDER = /\[\[(?:[^\s[\]]|[^\s[\]][^[\]\n]*[^\s[\]])\]\]/g;

/** Wraps `text` as a placeholder the checks will find. */
export function markPlaceholder(text: string): string {
	return `[[${text}]]`;
}

/** Every placeholder in `text`, brackets included, in order. */
export function findPlaceholderTexts(text: string): string[] {
	return [...text.matchAll(PLACEHOLDER)].map((match) => match[0]);
}

/** Whether `text` holds at least one placeholder. */
export function hasPlaceholder(text: string): boolean {
	return findPlaceholderTexts(text).length > 0;
}
