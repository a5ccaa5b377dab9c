/** Text clean-up shared by parsing and rendering feedback issues, so both sides agree byte for byte. */

// Zero-width characters and bidi controls can hide or reorder text a rep reads; none carry meaning here.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/** Removes zero-width characters and bidirectional controls. */
export function stripInvisibleCharacters(text: string): string {
	return text.replace(INVISIBLE, '');
}

/** Turns CRLF and lone CR line endings into LF. */
export function normaliseLineEndings(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}

/** Whether the `#` at `index` must be escaped so that no heading (or `###` field marker) can form. */
function isRiskyHash(text: string, index: number): boolean {
	const before = text[index - 1];
	const after = text[index + 1];
	// A backslash before a `#` is escaped too, so unescaping can tell added backslashes from the writer's own.
	if (before === '\\' || before === '#' || after === '#') return true;
	const lineStart = text.lastIndexOf('\n', index - 1) + 1;
	return /^[ \t]*$/.test(text.slice(lineStart, index));
}

/**
 * Prefixes with a backslash every `#` that starts a line, touches another `#` or follows a backslash,
 * so the text can sit inside an issue body without opening a heading or a new form field.
 */
export function escapeHashes(text: string): string {
	let escaped = '';
	for (let index = 0; index < text.length; index++) {
		if (text[index] === '#' && isRiskyHash(text, index)) escaped += '\\';
		escaped += text[index];
	}
	return escaped;
}

/** Undoes `escapeHashes`; `\#` also reads as `#` on GitHub, so hand-written escapes mean the same. */
export function unescapeHashes(text: string): string {
	return text.replace(/\\#/g, '#');
}
