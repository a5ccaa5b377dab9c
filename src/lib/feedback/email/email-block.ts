/**
 * The machine block at the end of a feedback email: the buyer's fields as signed JSON, written so that
 * mail clients can wrap its lines and quote it with "> " without breaking it. Everything but the block
 * is for people; only the block is ever applied.
 */
import { decodeBase64Url, decodeUtf8, encodeBase64Url, encodeUtf8 } from '../../crypto/encoding.ts';
import { signEmailPayload } from './email-key.ts';

/** The first line of the block. */
export const BLOCK_BEGIN = '-----BEGIN MAPSITE FEEDBACK-----';
/** The last line of the block. */
export const BLOCK_END = '-----END MAPSITE FEEDBACK-----';

/** Short lines survive mail clients that wrap at 72 or 78 columns, even after a few levels of "> ". */
const LINE_WIDTH = 60;

/** The largest block read; a real one is a few kilobytes at most. */
export const BLOCK_LIMIT = 64 * 1024;

/** Writes the block for `payload` (any JSON value) signed with the deal's email key. */
export async function writeEmailBlock(payload: unknown, emailKey: string): Promise<string> {
	const encoded = encodeBase64Url(encodeUtf8(JSON.stringify(payload)));
	const text = `${encoded}.${await signEmailPayload(emailKey, encoded)}`;
	const lines: string[] = [];
	for (let start = 0; start < text.length; start += LINE_WIDTH) lines.push(text.slice(start, start + LINE_WIDTH));
	return [BLOCK_BEGIN, ...lines, BLOCK_END].join('\n');
}

/** A block found in a pasted email: its encoded payload, the payload as parsed JSON, and its tag. */
export type FoundBlock = { ok: true; encodedPayload: string; tag: string; data: unknown } | { ok: false; problem: string };

// A quoted or forwarded line starts with any number of ">" and spaces.
const QUOTE_PREFIX = /^[\s>]*/;

function findMarkers(lines: string[], word: 'BEGIN' | 'END'): number[] {
	const marker = new RegExp(`^-*\\s*${word}\\s+MAPSITE\\s+FEEDBACK\\s*-*$`, 'i');
	return lines.flatMap((line, index) => (marker.test(line) ? [index] : []));
}

/**
 * Finds the one block in `text` (a whole email, as pasted) and decodes it. Quote marks, indentation and
 * line breaks inside the block are ignored, since base64url and "." never contain them; any other change
 * leaves a payload whose tag no longer matches.
 */
export function findEmailBlock(text: string): FoundBlock {
	const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(QUOTE_PREFIX, '').trim());
	const begins = findMarkers(lines, 'BEGIN');
	const ends = findMarkers(lines, 'END');
	if (begins.length === 0) {
		return { ok: false, problem: `The email has no "${BLOCK_BEGIN}" line. Paste the whole email as it arrived, including the block at its end.` };
	}
	if (begins.length > 1) {
		return { ok: false, problem: `The email has ${begins.length} "${BLOCK_BEGIN}" lines (a reply or forward quoting another feedback email?). Paste one feedback email at a time.` };
	}
	const end = ends.find((index) => index > begins[0]!);
	if (end === undefined) return { ok: false, problem: `The block has no "${BLOCK_END}" line after its start; it was cut off. Paste the whole email.` };
	const raw = lines.slice(begins[0]! + 1, end).join('');
	if (raw.length > BLOCK_LIMIT) return { ok: false, problem: `The block is ${Math.ceil(raw.length / 1024)} KB; a feedback block is never more than ${BLOCK_LIMIT / 1024} KB.` };
	const compact = raw.replace(/\s+/g, '');
	const parts = compact.split('.');
	const mangled = 'The block was changed after it was written (its text is not what the site wrote), so nothing was applied. Ask the sender to send the feedback again from the plan\'s site.';
	if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]!) || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) return { ok: false, problem: mangled };
	const [encodedPayload, tag] = parts as [string, string];
	let data: unknown;
	try {
		data = JSON.parse(decodeUtf8(decodeBase64Url(encodedPayload)));
	} catch {
		return { ok: false, problem: mangled };
	}
	return { ok: true, encodedPayload, tag, data };
}
