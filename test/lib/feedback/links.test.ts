import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readFormFields } from '../../../src/lib/feedback/form-fields.ts';
import { buildGitHubIssueLink, GITHUB_LINK_LIMIT, isRepositoryName, writeFeedbackTitle } from '../../../src/lib/feedback/links.ts';

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
