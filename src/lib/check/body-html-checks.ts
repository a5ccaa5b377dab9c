/**
 * Raw HTML and Markdown links in a plan body that the published page would not keep. The page
 * runs the body through the plan-body sanitiser anyway (src/lib/safe-html); this check says so up
 * front, naming the line, the markup and what to write instead, so a rep never publishes a page
 * that silently lost part of its text.
 */
import { findUnsafeMarkup, type UnsafeMarkup } from '../safe-html/find-unsafe-markup.ts';
import { quoteValue, type Problem } from '../problems.ts';
import { blankInlineCode } from './inline-code.ts';

const FENCE = /^\s*(```|~~~)/;
// A lower-case tag with its attributes, quoted values may span lines; capitalised names are MDX components.
const HTML_TAG = /<([a-z][a-z0-9-]*)(?=[\s/>])(?:[^>"'{}]|"[^"]*"|'[^']*')*>/g;
// `[text](destination` or `![alt](destination`, and reference definitions `[label]: destination`.
const MARKDOWN_LINK = /(!?)\[[^\]\n]*\]\(\s*(<[^>\n]*>|[^\s)]*)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm;

const HINTS = {
	handler: 'Delete the attribute: plan text cannot run code in the buyer\'s browser.',
	link: 'Link to a web page (https://...), an email address (mailto:...) or a heading of the plan (#heading).',
	image: 'Put the image file next to the plan and write ![what it shows](./file.png).',
	style: 'Delete it; for emphasis use <Callout>, <Metric> or <Quote>.',
	attribute: 'Delete the attribute.',
	tag: 'Delete the tag and write the content as Markdown (links, lists, tables, <details>); for emphasis use <Callout>, <Metric> or <Quote>.',
};

/** Problems with raw HTML and link targets in `body`; `bodyLine` is the file line the body starts on. */
export function findUnsafeBodyHtml(file: string, body: string, bodyLine: number): Problem[] {
	const text = blankCode(body);
	const problems: Problem[] = [];
	const lineAt = (index: number) => bodyLine + countLines(text, index);
	const report = (index: number, subject: string, finding: UnsafeMarkup) =>
		problems.push({ file, path: 'body', line: lineAt(index), severity: 'error', code: 'body-html-unsafe', message: `${subject} ${finding.reason}; the published page leaves it out.`, hint: pickHint(finding) });
	for (const match of text.matchAll(HTML_TAG)) {
		for (const finding of findUnsafeMarkup(match[0])) {
			const subject = finding.attribute === undefined ? `has a <${finding.tag}> tag, which` : `has <${finding.tag} ${finding.attribute}=${quoteValue(shorten(finding.value ?? ''))}>, whose ${finding.attribute}`;
			report(match.index, subject, finding);
		}
	}
	const destinations = [
		...[...text.matchAll(MARKDOWN_LINK)].map((match) => ({ index: match.index, isImage: match[1] === '!', target: match[2] })),
		...[...text.matchAll(REFERENCE_DEFINITION)].map((match) => ({ index: match.index, isImage: false, target: match[1] })),
	];
	for (const { index, isImage, target } of destinations) {
		const url = decodeMarkdownEscapes(target.replace(/^<|>$/g, ''));
		const probe = isImage ? `<img src="${url.replace(/"/g, '&quot;')}">` : `<a href="${url.replace(/"/g, '&quot;')}"></a>`;
		for (const finding of findUnsafeMarkup(probe)) {
			report(index, `has a Markdown ${isImage ? 'image' : 'link'} to ${quoteValue(shorten(finding.value ?? url))}, which`, finding);
		}
	}
	return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function pickHint(finding: UnsafeMarkup): string {
	if (finding.attribute === undefined) return HINTS.tag;
	if (/^on/i.test(finding.attribute)) return HINTS.handler;
	if (finding.tag === 'img' && finding.attribute === 'src') return HINTS.image;
	if (finding.attribute === 'href') return HINTS.link;
	if (finding.attribute === 'style' || finding.attribute === 'class') return HINTS.style;
	return HINTS.attribute;
}

// Fenced code and inline code spans are text, not markup: blanked, keeping every line break.
function blankCode(body: string): string {
	let inFence = false;
	return body
		.split('\n')
		.map((line) => {
			const isFence = FENCE.test(line);
			if (isFence) inFence = !inFence;
			if (inFence || isFence) return ' '.repeat(line.length);
			return blankInlineCode(line);
		})
		.join('\n');
}

function countLines(text: string, index: number): number {
	let lines = 0;
	for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) lines++;
	return lines;
}

// Markdown drops a backslash before ASCII punctuation (`javascript\:` is `javascript:`); entities are left to the HTML parser.
function decodeMarkdownEscapes(url: string): string {
	return url.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function shorten(value: string): string {
	return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
