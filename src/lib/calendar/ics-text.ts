/** RFC 5545 text primitives: escaping, line folding, date formats and stable hashes. */

/** The line break RFC 5545 requires between content lines. */
export const CRLF = '\r\n';

/** Longest content line in octets, not counting the CRLF (RFC 5545 section 3.1). */
export const MAX_LINE_OCTETS = 75;

const encoder = new TextEncoder();

/** Escapes a TEXT value: backslash, semicolon, comma and every kind of newline. */
export function escapeText(value: string): string {
	return (
		value
			.replace(/\\/g, '\\\\')
			.replace(/;/g, '\\;')
			.replace(/,/g, '\\,')
			.replace(/\r\n|\r|\n/g, '\\n')
			// Other control characters are not allowed in TEXT and some clients reject the file.
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
	);
}

/**
 * Folds one content line into chunks of at most 75 octets joined by CRLF and a space.
 * Splits only between code points, because a cut inside a UTF-8 sequence corrupts the text
 * in clients that decode each physical line on its own.
 */
export function foldLine(line: string): string {
	// Most lines are short: a UTF-16 unit is at most 3 UTF-8 octets, so these need no counting.
	if (line.length * 3 <= MAX_LINE_OCTETS) return line;
	const chunks: string[] = [];
	let chunk = '';
	let chunkOctets = 0;
	// The first line has the full width; continuation lines lose one octet to the leading space.
	let limit = MAX_LINE_OCTETS;
	for (const char of line) {
		const octets = utf8Length(char.codePointAt(0)!);
		if (chunkOctets + octets > limit) {
			chunks.push(chunk);
			chunk = '';
			chunkOctets = 0;
			limit = MAX_LINE_OCTETS - 1;
		}
		chunk += char;
		chunkOctets += octets;
	}
	chunks.push(chunk);
	return chunks.join(`${CRLF} `);
}

// Octets of one code point in UTF-8; a TextEncoder call per character made folding a visible part of the build.
function utf8Length(codePoint: number): number {
	if (codePoint < 0x80) return 1;
	if (codePoint < 0x800) return 2;
	return codePoint < 0x10000 ? 3 : 4;
}

/** Joins content lines into a calendar body: each line folded, CRLF after every line. */
export function joinContentLines(lines: readonly string[]): string {
	return lines.map((line) => foldLine(line) + CRLF).join('');
}

/** A `YYYY-MM-DD` date as an iCalendar DATE value, `YYYYMMDD`. */
export function formatIcsDate(date: string): string {
	return date.replace(/-/g, '');
}

/** An ISO instant as an iCalendar UTC DATE-TIME value, `YYYYMMDDTHHMMSSZ`. */
export function formatIcsInstant(instant: string): string {
	const time = Date.parse(instant);
	if (Number.isNaN(time)) {
		throw new Error(`The calendar time stamp ${JSON.stringify(instant)} is not an ISO date and time.`);
	}
	return new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A short, stable hex digest (FNV-1a, 64 bit) for building UIDs; not for security. */
export function hashText(value: string): string {
	let hash = 0xcbf29ce484222325n;
	for (const byte of encoder.encode(value)) {
		hash ^= BigInt(byte);
		hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
	}
	return hash.toString(16).padStart(16, '0');
}
