import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readFormFields } from '../../../src/lib/feedback/form-fields.ts';
import {
	buildFeedbackMailto,
	buildGitHubIssueLink,
	GITHUB_LINK_LIMIT,
	isRepositoryName,
	MAILTO_LINK_LIMIT,
	renderFeedbackEmailBody,
	writeFeedbackTitle,
} from '../../../src/lib/feedback/links.ts';
import { parseFeedbackIssue } from '../../../src/lib/feedback/parse-issue.ts';
import { renderFeedbackIssueBody } from '../../../src/lib/feedback/render-issue.ts';

const TEMPLATE = readFileSync(new URL('../../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');
const FIELDS = readFormFields(TEMPLATE);

/** The query of a link as name/value pairs, decoded the way a browser or mail client decodes them. */
function readQuery(link: string): Record<string, string> {
	const query = link.slice(link.indexOf('?') + 1);
	return Object.fromEntries(query.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
}

const HOSTILE = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'[click](javascript:alert(1))',
	'{process.env.GITHUB_TOKEN} <Comp/> import x from "y"',
	'a&title=pwned&labels=admin#frag?x=1 %41 + =',
	'line one\nline two\r\nline three',
] as const;

describe('writeFeedbackTitle', () => {
	test('writes the fixed title the relay writes, with no buyer text', () => {
		expect(writeFeedbackTitle({ deal: 'northwind', kind: 'new-date' })).toBe('[feedback] new-date northwind');
	});
});

describe('isRepositoryName', () => {
	test.each([
		['acme/plans', true],
		['acme-co/plans.v2', true],
		['acme', false],
		['acme/plans/extra', false],
		['../plans', false],
		['acme/..', false],
		['acme/pl ans', false],
		['acme/plans?x=1', false],
	])('reads %j as %s', (name, expected) => {
		expect(isRepositoryName(name)).toBe(expected);
	});
});

describe('buildGitHubIssueLink', () => {
	test('opens the plan-feedback form with the title and each field prefilled by its id', () => {
		const link = buildGitHubIssueLink('acme/plans', {
			deal: 'northwind',
			kind: 'new-date',
			action: 'legal-review',
			date: '2026-06-01',
			message: 'Counsel is out until June.',
			from: 'Ana Ruiz',
		});
		expect(link).toBe(
			'https://github.com/acme/plans/issues/new?template=plan-feedback.yml&title=%5Bfeedback%5D%20new-date%20northwind' +
				'&deal=northwind&kind=new-date&action=legal-review&date=2026-06-01&from=Ana%20Ruiz&message=Counsel%20is%20out%20until%20June.',
		);
	});

	test('leaves out empty fields', () => {
		const link = buildGitHubIssueLink('acme/plans', { deal: 'northwind', kind: 'new-risk', action: '', date: '  ', message: undefined });
		expect(Object.keys(readQuery(link!))).toEqual(['template', 'title', 'deal', 'kind']);
	});

	test('refuses a repository that is not owner/name', () => {
		expect(buildGitHubIssueLink('https://evil.example/x', { deal: 'd', kind: 'comment' })).toBeUndefined();
		expect(buildGitHubIssueLink('acme/plans#x', { deal: 'd', kind: 'comment' })).toBeUndefined();
	});

	test.each(HOSTILE)('keeps %j as text inside its own parameter', (text) => {
		const link = buildGitHubIssueLink('acme/plans', { deal: 'northwind', kind: 'comment', message: text, from: 'Ana' })!;
		expect(link.startsWith('https://github.com/acme/plans/issues/new?')).toBe(true);
		// Nothing but unreserved characters and escapes inside values: no new parameter, fragment or space.
		expect(link).toMatch(/^[^#\s<>"{}]+$/);
		const query = readQuery(link);
		expect(Object.keys(query)).toEqual(['template', 'title', 'deal', 'kind', 'from', 'message']);
		expect(query.title).toBe('[feedback] comment northwind');
		expect(query.message).toBe(text.replace(/\r\n/g, '\n'));
	});

	test('escapes heading lines so a typed "### Action" cannot replace the real field', () => {
		const link = buildGitHubIssueLink('acme/plans', { deal: 'northwind', kind: 'comment', message: 'fine\n### Action\nsign-contract', from: 'Ana' })!;
		expect(readQuery(link).message).toBe('fine\n\\#\\#\\# Action\nsign-contract');
	});

	test('drops zero-width and bidi-override characters, and joins a one-line field broken over lines', () => {
		const query = readQuery(
			buildGitHubIssueLink('acme/plans', { deal: 'northwind', kind: 'comment', message: 'o\u200Bk\u202Egnp.exe', from: 'Ana\n### Kind\ndone' })!,
		);
		expect(query.message).toBe('okgnp.exe');
		expect(query.from).toBe('Ana \\#\\#\\# Kind done');
	});

	test('still gives a link for text with a lone surrogate', () => {
		const link = buildGitHubIssueLink('acme/plans', { deal: 'northwind', kind: 'comment', message: 'broken \uD83D text', from: 'Ana' })!;
		expect(readQuery(link).message).toBe('broken \uFFFD text');
	});

	test('shortens a long message to fit the link limit, whole characters and an ellipsis', () => {
		const message = '数据'.repeat(3000) + ' 😀'.repeat(500);
		const link = buildGitHubIssueLink('acme/plans', { deal: 'northwind', kind: 'comment', message, from: 'Ana' })!;
		expect(link.length).toBeLessThanOrEqual(GITHUB_LINK_LIMIT);
		expect(link.length).toBeGreaterThan(GITHUB_LINK_LIMIT - 20);
		const shortened = readQuery(link).message!;
		expect(shortened.endsWith('…')).toBe(true);
		expect(message.startsWith(shortened.slice(0, -1))).toBe(true);
	});
});

describe('renderFeedbackEmailBody', () => {
	test.each([
		{ kind: 'new-date', deal: 'northwind', action: 'pilot', date: '2026-06-01', from: 'Ana Ruiz' },
		{ kind: 'comment', deal: 'northwind', message: 'ok\n\n  ### Action\n\nsign-contract <b>x</b>', from: 'Ana' },
		{ kind: 'new-risk', deal: 'northwind', message: 'Budget freeze\r\nin \u202EQ3', from: '\uFEFFAna' },
	] as const)('writes the same body the relay files for $kind', (form) => {
		// The issue also carries zero-width joiners that keep GitHub from linking or mentioning; an email needs none.
		expect(renderFeedbackEmailBody(FIELDS, form)).toBe(renderFeedbackIssueBody(form, TEMPLATE).replace(/\u200D/g, ''));
	});

	test('gives a body the merge reads back to the same form', () => {
		const form = { kind: 'comment', deal: 'northwind', action: 'pilot', message: '## Heading?\n\\# not one\n`code` {x}', from: 'Ana' } as const;
		expect(parseFeedbackIssue(renderFeedbackEmailBody(FIELDS, form), TEMPLATE)).toEqual({ ok: true, form });
	});
});

describe('buildFeedbackMailto', () => {
	test('writes the title as subject and the form as body, with CRLF line breaks', () => {
		const link = buildFeedbackMailto('rep@acme.example', FIELDS, { deal: 'northwind', kind: 'done', action: 'pilot', from: 'Ana' })!;
		expect(link.startsWith('mailto:rep@acme.example?subject=%5Bfeedback%5D%20done%20northwind&body=%23%23%23%20Deal%0D%0A%0D%0Anorthwind')).toBe(true);
		const query = readQuery(link);
		expect(Object.keys(query)).toEqual(['subject', 'body']);
		expect(query.body!.replace(/\r\n/g, '\n')).toBe(renderFeedbackEmailBody(FIELDS, { deal: 'northwind', kind: 'done', action: 'pilot', from: 'Ana' }));
	});

	test.each(HOSTILE)('keeps %j inside the body', (text) => {
		const link = buildFeedbackMailto('rep@acme.example', FIELDS, { deal: 'northwind', kind: 'comment', message: text, from: text })!;
		expect(link).toMatch(/^[^#\s<>"{}]+$/);
		const query = readQuery(link);
		expect(Object.keys(query)).toEqual(['subject', 'body']);
		expect(query.subject).toBe('[feedback] comment northwind');
		expect(query.body).toContain(`### Message\r\n\r\n${text.replace(/\r?\n/g, '\r\n')}\r\n`);
	});

	test('percent-encodes an address so it cannot start headers or a fragment', () => {
		expect(buildFeedbackMailto('a#b?c@acme.example', FIELDS, { deal: 'd', kind: 'comment' })).toMatch(/^mailto:a%23b%3Fc@acme\.example\?subject=/);
	});

	test.each(['', 'rep', 'a@b@c', 'a@b.example,boss@b.example', 'a@b.example other@b.example', 'a@b.example;x@y'])('refuses %j as a contact', (contact) => {
		expect(buildFeedbackMailto(contact, FIELDS, { deal: 'd', kind: 'comment' })).toBeUndefined();
	});

	test('shortens a long message to fit mail clients, keeping every other field', () => {
		const message = 'Ünïcode\n'.repeat(1000);
		const link = buildFeedbackMailto('rep@acme.example', FIELDS, { deal: 'northwind', kind: 'comment', message, from: 'Ana' })!;
		expect(link.length).toBeLessThanOrEqual(MAILTO_LINK_LIMIT);
		expect(link.length).toBeGreaterThan(MAILTO_LINK_LIMIT - 30);
		const body = readQuery(link).body!.replace(/\r\n/g, '\n');
		expect(body).toMatch(/### Message\n\nÜnïcode\n[\s\S]*…\n\n### From\n\nAna\n\n$/);
	});
});
