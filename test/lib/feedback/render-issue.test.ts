import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseFeedbackIssue } from '../../../src/lib/feedback/parse-issue.ts';
import { renderFeedbackIssueBody } from '../../../src/lib/feedback/render-issue.ts';

const TEMPLATE = readFileSync(new URL('../../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');

describe('renderFeedbackIssueBody', () => {
	test('writes every field in template order, with _No response_ for the empty ones', () => {
		const text = renderFeedbackIssueBody(
			{ kind: 'new-date', deal: 'northwind', action: 'pilot', date: '2026-06-01', from: 'Ana Ruiz' },
			TEMPLATE,
		);
		expect(text).toBe(
			'### Deal\n\nnorthwind\n\n### Kind\n\nnew-date\n\n### Action\n\npilot\n\n### Date\n\n2026-06-01\n\n### Message\n\n_No response_\n\n### From\n\nAna Ruiz\n\n',
		);
	});

	test('escapes a "### Action" line in the message so it stays part of the message', () => {
		const form = { kind: 'done', deal: 'northwind', action: 'pilot', message: 'ok\n\n  ### Action\n\nsign-contract', from: 'Ana' } as const;
		const text = renderFeedbackIssueBody(form, TEMPLATE);
		expect(text).toContain('ok\n\n  \\#\\#\\# Action\n\nsign-contract');
		expect(text.match(/^### /gm)).toHaveLength(6);
		expect(parseFeedbackIssue(text, TEMPLATE)).toEqual({ ok: true, form });
	});

	test('drops zero-width and bidi characters and writes LF line endings', () => {
		const text = renderFeedbackIssueBody(
			{ kind: 'comment', deal: 'northwind', message: 'a\u200B\u202Eb\r\nc', from: '\uFEFFAna' },
			TEMPLATE,
		);
		expect(text).toContain('### Message\n\nab\nc\n\n### From\n\nAna\n\n');
	});

	test('refuses a template whose fields do not match the code', () => {
		const template = TEMPLATE.replace('id: from', 'id: sender');
		expect(() => renderFeedbackIssueBody({ kind: 'new-risk', deal: 'x', message: 'm', from: 'f' }, template))
			.toThrowErrorMatchingInlineSnapshot(`[Error: The plan-feedback template must have exactly the fields deal, kind, action, date, message, from; it has deal, kind, action, date, message, sender.]`);
	});
});
