/**
 * Makes a buyer's text inert on GitHub without changing what it says: a zero-width joiner (U+200D) goes
 * where GitHub would otherwise see a mention (`@ana`, `@acme/legal`), an issue reference (`#12`,
 * `GH-12`), raw HTML or a hidden comment (`<img`, `<!--`), an image or link (`![`, `](`, `][`, `]:`),
 * an autolink (`https://`, `www.`) or a character reference (`&#64;`). The joiner is invisible, so the
 * rep reads the text as written, and `stripInvisibleCharacters` removes it again when the issue is
 * merged, so the plan keeps exactly what the buyer typed.
 */

const JOINER = '\u200D';

// Each pattern matches the empty position where the joiner goes, so no character of the text changes.
const BREAK_POINTS: readonly RegExp[] = [
	/(?<=@)(?=[A-Za-z0-9_])/g,
	/(?<=#)(?=\d)/g,
	/(?<=\bGH)(?=-\d)/gi,
	/(?<=<)(?=[A-Za-z!/?])/g,
	/(?<=!)(?=\[)/g,
	/(?<=\])(?=[([:])/g,
	/(?<=:)(?=\/\/)/g,
	/(?<=\bwww)(?=\.)/gi,
	/(?<=&)(?=#|[A-Za-z][A-Za-z0-9]*;)/g,
];

/** Inserts a zero-width joiner at every place GitHub would turn the text into a mention, reference, link, image or markup. */
export function makeTextInert(text: string): string {
	return BREAK_POINTS.reduce((result, pattern) => result.replace(pattern, JOINER), text);
}
