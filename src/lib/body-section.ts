/** One `## Heading` section of a plan's Markdown body, found by title and drawn as safe HTML. */
import { Marked, type Tokens } from 'marked';

/**
 * The Markdown under the first level-2 heading whose text matches one of `titles` (case and
 * surrounding spaces ignored), up to the next heading of level 1 or 2; `undefined` when there is
 * no such section or it is empty. Headings inside fenced code blocks are not headings.
 */
export function getBodySection(body: string, titles: readonly string[]): string | undefined {
	const wanted = new Set(titles.map(normaliseTitle));
	const lines = body.split(/\r?\n/);
	let fence: string | undefined;
	let start: number | undefined;
	let end = lines.length;
	for (const [index, line] of lines.entries()) {
		const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
		if (fenceMark !== undefined) {
			if (fence === undefined) fence = fenceMark[0];
			else if (fenceMark[0] === fence) fence = undefined;
			continue;
		}
		if (fence !== undefined) continue;
		const heading = /^(#{1,2})\s+(.*?)\s*#*\s*$/.exec(line);
		if (heading === null) continue;
		if (start !== undefined) {
			end = index;
			break;
		}
		if (heading[1] === '##' && wanted.has(normaliseTitle(heading[2]))) start = index + 1;
	}
	if (start === undefined) return undefined;
	const section = lines.slice(start, end).join('\n').trim();
	return section === '' ? undefined : section;
}

function normaliseTitle(title: string): string {
	return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

const SAFE_LINK = /^(https?:|mailto:)/i;

// Plan text is data: raw HTML and MDX components show as text, links only to the web or email,
// and images as their description, so nothing in the notes can run or load anything.
const marked = new Marked({
	gfm: true,
	renderer: {
		html({ text }: Tokens.HTML | Tokens.Tag): string {
			return escapeHtml(text);
		},
		link({ href, tokens }: Tokens.Link): string {
			const text = this.parser.parseInline(tokens);
			return SAFE_LINK.test(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
		},
		image({ text }: Tokens.Image): string {
			return escapeHtml(text);
		},
	},
});

/** A Markdown section as HTML that is safe to inline: see the renderer above. */
export function renderBodySection(markdown: string): string {
	return marked.parse(markdown, { async: false });
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
