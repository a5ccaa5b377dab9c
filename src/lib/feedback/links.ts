/**
 * A prefilled way to send buyer feedback without the relay: a GitHub new-issue link that opens the
 * plan-feedback form with its fields filled in (the email is written by ./email/). Pure, and free of
 * the issue parser, so the browser bundle can rebuild the link as the buyer types.
 */
import { escapeHashes, normaliseLineEndings, stripInvisibleCharacters } from './clean-text.ts';
import type { FeedbackFieldId } from './form-fields.ts';

/** The issue form's file name in `.github/ISSUE_TEMPLATE/`, as GitHub's `template` query parameter wants it. */
export const FEEDBACK_TEMPLATE_FILE = 'plan-feedback.yml';

/**
 * The longest GitHub link written. GitHub answers `414 URI Too Long` past its server limit (about 8 KB
 * of request line), so the message is shortened to stay well inside it.
 */
export const GITHUB_LINK_LIMIT = 6000;

/** Marks a message shortened to fit a link. */
const ELLIPSIS = '…';

/** The form's values as the buyer typed them; `deal` is the plan slug and `kind` one of the feedback kinds. */
export type FeedbackLinkValues = { deal: string; kind: string } & Partial<Record<FeedbackFieldId, string>>;

/** The order fields go into a GitHub link: fixed ids first, the message (the part that may be shortened) last. */
const GITHUB_FIELD_ORDER: readonly FeedbackFieldId[] = ['deal', 'kind', 'action', 'date', 'from', 'message'];

// A lone surrogate would make encodeURIComponent throw; hostile or broken text must still give a link.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Makes a value safe to sit in an issue body: no invisible or bidi characters, LF endings, no heading-forming `#`. */
function cleanValue(id: FeedbackFieldId, value: string | undefined): string {
	if (value === undefined) return '';
	let text = stripInvisibleCharacters(normaliseLineEndings(value)).replace(LONE_SURROGATE, '\uFFFD').trim();
	// The form's one-line fields cannot hold a line break, and one would let a value open a second field.
	if (id !== 'message') text = text.replace(/\s*\n\s*/g, ' ');
	return escapeHashes(text);
}

/** The issue title: fixed parts only, like the relay's, so no buyer text reaches notification subjects. */
export function writeFeedbackTitle(values: Pick<FeedbackLinkValues, 'deal' | 'kind'>): string {
	return `[feedback] ${cleanValue('kind', values.kind)} ${cleanValue('deal', values.deal)}`;
}

/**
 * The longest start of `text` (whole code points) whose encoding, plus an ellipsis, fits `budget`
 * characters; `text` itself when it fits whole.
 */
function fitEncoded(text: string, budget: number, encode: (text: string) => string): string {
	if (encode(text).length <= budget) return text;
	let used = encode(ELLIPSIS).length;
	let kept = '';
	for (const codePoint of text) {
		used += encode(codePoint).length;
		if (used > budget) break;
		kept += codePoint;
	}
	return kept.trimEnd() + ELLIPSIS;
}

/** Whether `repository` is `owner/name` as GitHub spells them. */
export function isRepositoryName(repository: string): boolean {
	return /^[\w.-]+\/[\w.-]+$/.test(repository) && !repository.split('/').some((part) => part === '.' || part === '..');
}

/**
 * A link to GitHub's new-issue page for `repository` (`owner/name`) with the plan-feedback form chosen
 * (`template`), the title set and each field prefilled by its id, as GitHub documents for issue forms.
 * Returns undefined for a repository name that is not `owner/name`. A long message is shortened to fit.
 */
export function buildGitHubIssueLink(repository: string, values: FeedbackLinkValues): string | undefined {
	if (!isRepositoryName(repository)) return undefined;
	const base = `https://github.com/${repository}/issues/new`;
	const parameters: [string, string][] = [
		['template', FEEDBACK_TEMPLATE_FILE],
		['title', writeFeedbackTitle(values)],
	];
	for (const id of GITHUB_FIELD_ORDER) {
		const value = cleanValue(id, values[id]);
		if (value !== '') parameters.push([id, value]);
	}
	const write = (pairs: [string, string][]) =>
		`${base}?${pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')}`;
	const last = parameters.at(-1)!;
	if (last[0] !== 'message') return write(parameters);
	const budget = GITHUB_LINK_LIMIT - write(parameters.slice(0, -1)).length - '&message='.length;
	return write([...parameters.slice(0, -1), ['message', fitEncoded(last[1], budget, encodeURIComponent)]]);
}
