/** Applies one buyer feedback form to a plan file's frontmatter, keeping everything else as written. */
import { isMap, isScalar, isSeq, parseDocument, YAMLMap, type Document } from 'yaml';
import type { FeedbackForm } from '../../../schema/feedback-form.ts';
import { checkPlanSource, getPlanSlug } from '../../check/index.ts';
import { formatProblem } from '../../problems.ts';
import { appendTo, quoted, setAfter } from '../../yaml-edit.ts';
import { joinFrontmatterText, splitFrontmatterText } from './frontmatter-text.ts';
import { printKeepingLayout } from './keep-layout.ts';

/** The GitHub issue a form came from: its number, author login and the day it was opened. */
export interface FeedbackIssueRef {
	number: number;
	author: string;
	/** Day the issue was opened, `YYYY-MM-DD`. */
	createdAt: string;
}

/** A feedback email the rep applied (npm run feedback -- --from-email): its id, and the day it was written. */
export interface FeedbackEmailSource {
	emailId: string;
	/** Day the email was written, `YYYY-MM-DD`. */
	createdAt: string;
}

/** Where a form came from: a GitHub issue or an email. */
export type FeedbackSource = FeedbackIssueRef | FeedbackEmailSource;

function isEmail(source: FeedbackSource): source is FeedbackEmailSource {
	return 'emailId' in source;
}

/** The new plan text and what changed, or why the feedback could not be applied. */
export type ApplyFeedbackResult = { ok: true; source: string; summary: string } | { ok: false; reason: string };

/** The reason given when the plan already records the issue, so callers can treat it as done. */
export const ALREADY_APPLIED = 'already applied';

type Edit = { ok: true; summary: string } | { ok: false; reason: string };

/**
 * Applies `form` (from issue `issue`) to the plan file text `source`. `file` names the plan, e.g.
 * `plans/northwind.mdx`; when given, its slug must be the form's deal. The result is checked like
 * `npm run check`; any error means nothing is applied.
 */
export function applyFeedback(
	source: string,
	form: FeedbackForm,
	issue: FeedbackSource,
	options: { file?: string } = {},
): ApplyFeedbackResult {
	const file = options.file ?? `plans/${form.deal}.mdx`;
	if (getPlanSlug(file) !== form.deal) {
		return { ok: false, reason: `The feedback is for the deal "${form.deal}", but ${file} is the plan "${getPlanSlug(file)}".` };
	}
	const parts = splitFrontmatterText(source);
	if (parts === undefined) return { ok: false, reason: `${file} has no "---" frontmatter to add the feedback to.` };
	const doc = parseDocument(parts.yaml, { uniqueKeys: true });
	if (doc.errors.length > 0 || !isMap(doc.contents)) {
		return { ok: false, reason: `${file} has frontmatter that is not valid YAML; run npm run check and fix it first.` };
	}
	// Issues are recorded by number, emails by the id their signature gives them; either way once.
	const [list, key] = isEmail(issue) ? ['emails', issue.emailId] : ['applied', issue.number];
	const applied = doc.getIn(['feedback', list]);
	if (isSeq(applied) && applied.items.some((item) => isScalar(item) && item.value === key)) {
		return { ok: false, reason: ALREADY_APPLIED };
	}

	const edit = editDocument(doc, form, issue);
	if (!edit.ok) return edit;
	appendTo(doc, ['feedback', list], key);

	const next = joinFrontmatterText(parts, printKeepingLayout(parts.yaml, doc));
	const errors = checkPlanSource(file, next).problems.filter((problem) => problem.severity === 'error');
	if (errors.length > 0) {
		const lines = errors.map((problem) => `  ${formatProblem(problem).replace(/\n/g, '\n  ')}`);
		return { ok: false, reason: `Applying this feedback would make ${file} invalid:\n${lines.join('\n')}` };
	}
	return { ok: true, source: next, summary: edit.summary };
}

function editDocument(doc: Document, form: FeedbackForm, issue: FeedbackSource): Edit {
	const by = quoted(form.from);
	switch (form.kind) {
		case 'done': {
			const found = findAction(doc, form.action, form.deal);
			if (!found.ok) return found;
			// A second "done" (a replayed or duplicate issue) must not quietly move the day it was done.
			if (found.action.get('status') === 'done') {
				return { ok: false, reason: `"${form.action}" is already done (completedOn ${String(found.action.get('completedOn'))}).` };
			}
			const day = form.date ?? issue.createdAt;
			setAfter(found.action, 'status', 'done');
			setAfter(found.action, 'completedOn', day, 'status');
			if (form.message !== undefined) appendComment(doc, ['actions', found.index, 'comments'], form, issue);
			return { ok: true, summary: `Marked "${form.action}" done on ${day} (${form.from}).` };
		}
		case 'new-date': {
			const found = findAction(doc, form.action, form.deal);
			if (!found.ok) return found;
			const from = String(found.action.get('due'));
			if (from === form.date) return { ok: false, reason: `"${form.action}" is already due on ${form.date}.` };
			const reason = form.message ?? 'Requested by buyer';
			const change = new YAMLMap<unknown, unknown>();
			change.set('on', issue.createdAt);
			change.set('from', from);
			change.set('to', form.date);
			change.set('reason', quoted(reason));
			change.set('by', by);
			if (!isEmail(issue)) change.set('issue', issue.number);
			appendTo(doc, ['actions', found.index, 'dateChanges'], change);
			found.action.set('due', form.date);
			return { ok: true, summary: `Moved "${form.action}" from ${from} to ${form.date} (${form.from}: ${JSON.stringify(reason)}).` };
		}
		case 'comment': {
			if (form.action === undefined) {
				appendComment(doc, ['feedback', 'comments'], form, issue);
				return { ok: true, summary: `Added a comment on the plan from ${form.from}.` };
			}
			const found = findAction(doc, form.action, form.deal);
			if (!found.ok) return found;
			appendComment(doc, ['actions', found.index, 'comments'], form, issue);
			return { ok: true, summary: `Added a comment on "${form.action}" from ${form.from}.` };
		}
		case 'new-action':
		case 'new-risk': {
			const suggestion = new YAMLMap<unknown, unknown>();
			suggestion.set('kind', form.kind);
			suggestion.set('on', issue.createdAt);
			suggestion.set('by', by);
			suggestion.set('text', quoted(form.message));
			if (form.date !== undefined) suggestion.set('date', form.date);
			if (!isEmail(issue)) suggestion.set('issue', issue.number);
			appendTo(doc, ['feedback', 'suggestions'], suggestion);
			const what = form.kind === 'new-action' ? 'an action' : 'a risk';
			return { ok: true, summary: `Recorded ${what} suggested by ${form.from} for the rep to review.` };
		}
	}
}

function findAction(
	doc: Document,
	id: string,
	deal: string,
): { ok: true; action: YAMLMap; index: number } | { ok: false; reason: string } {
	const actions = doc.get('actions');
	const items = isSeq(actions) ? actions.items : [];
	const index = items.findIndex((item) => isMap(item) && item.get('id') === id);
	if (index === -1) {
		const ids = items.flatMap((item) => (isMap(item) ? [String(item.get('id'))] : []));
		return { ok: false, reason: `The plan "${deal}" has no action "${id}"; its actions are ${ids.join(', ') || 'none'}.` };
	}
	return { ok: true, action: items[index] as YAMLMap, index };
}

function appendComment(doc: Document, path: (string | number)[], form: FeedbackForm, issue: FeedbackSource): void {
	const comment = new YAMLMap<unknown, unknown>();
	comment.set('on', issue.createdAt);
	comment.set('by', quoted(form.from));
	comment.set('text', quoted(form.message ?? ''));
	if (!isEmail(issue)) comment.set('issue', issue.number);
	appendTo(doc, path, comment);
}
