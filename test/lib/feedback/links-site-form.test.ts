import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/messages/en.ts';
import type { FeedbackEmailSettings } from '../../../src/lib/feedback/email/compose-email.ts';
import { readFormFields } from '../../../src/lib/feedback/form-fields.ts';
import { createFeedbackSetup, listAlternativeChannels, type FeedbackSetupInput } from '../../../src/lib/feedback/feedback-channels.ts';
import { FEEDBACK_FORM_FIELDS } from '../../../src/lib/feedback/form-kinds.ts';
import { readFeedbackPageConfig } from '../../../src/lib/feedback/page-config.ts';
import { buildRelayPost, describeRelayFailure, readRelayAnswer } from '../../../src/lib/feedback/relay-post.ts';
import { createFeedbackToken } from '../../../src/relay/feedback-token.ts';
import { readRelayPost } from '../../../src/relay/read-relay-post.ts';
import { FeedbackFormSchema, FEEDBACK_KINDS } from '../../../src/schema/feedback-form.ts';

const TEMPLATE = readFileSync(new URL('../../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');
const FIELDS = readFormFields(TEMPLATE);
const EMAIL: FeedbackEmailSettings = {
	key: 'c2lnbmluZy1rZXktZm9yLXRlc3RzLW9ubHktMzItYnl0ZXM',
	keyVersion: 1,
	locale: 'en',
	planTitle: 'Northwind plan',
	controls: { done: 'Mark done', 'new-date': 'Propose new date', comment: 'Comment', 'new-action': 'Suggest an action', 'new-risk': 'Flag a risk' },
	words: en.feedbackEmail,
};

function input(settings: Partial<FeedbackSetupInput['settings']>, contact?: string): FeedbackSetupInput {
	return {
		settings: { relayUrl: undefined, repository: undefined, tokens: {}, ...settings },
		routeId: 'k3v9q2xw7m4tp8ra',
		slug: 'northwind',
		contact,
		fields: FIELDS,
		labels: en.feedback,
		email: EMAIL,
	};
}

describe('createFeedbackSetup', () => {
	test('sends through the relay when it is configured and the deal has a token, offering the rest as alternatives', () => {
		const setup = createFeedbackSetup(input({ relayUrl: 'https://relay.example/', repository: 'acme/plans', tokens: { northwind: 'tok' } }, 'rep@acme.example'))!;
		expect(setup).toMatchObject({ primary: 'relay', relay: { url: 'https://relay.example/', token: 'tok' }, routeId: 'k3v9q2xw7m4tp8ra', slug: 'northwind' });
		expect(listAlternativeChannels(setup)).toEqual(['email', 'github']);
		expect(setup.config).toEqual({ slug: 'northwind', repository: 'acme/plans', contact: 'rep@acme.example', email: EMAIL, fields: FIELDS, messages: expect.any(Object) });
		// The token is for the form's attributes only, never the page-wide JSON.
		expect(JSON.stringify(setup.config)).not.toContain('tok');
	});

	test('falls back to email, then GitHub, and draws nothing without any channel', () => {
		expect(createFeedbackSetup(input({ repository: 'acme/plans' }, 'rep@acme.example'))?.primary).toBe('email');
		expect(createFeedbackSetup(input({ relayUrl: 'https://relay.example/', repository: 'acme/plans' }))?.primary).toBe('github');
		expect(createFeedbackSetup(input({ repository: 'not a repo' }))).toBeUndefined();
		expect(createFeedbackSetup(input({}))).toBeUndefined();
	});

	test('offers no email when the page cannot write one', () => {
		const { email: _none, ...withoutEmail } = input({ repository: 'acme/plans' }, 'rep@acme.example');
		const setup = createFeedbackSetup(withoutEmail)!;
		expect(setup.primary).toBe('github');
		expect(setup.config.contact).toBeUndefined();
	});

	test('hands the browser exactly the status messages, as strings', () => {
		const setup = createFeedbackSetup(input({}, 'rep@acme.example'))!;
		expect(Object.values(setup.config.messages).every((text) => typeof text === 'string' && text !== '')).toBe(true);
		expect(setup.config.messages.sent).toBe('Sent; the team will update the plan.');
		expect(readFeedbackPageConfig(JSON.stringify(setup.config))).toEqual(setup.config);
	});
});

describe('FEEDBACK_FORM_FIELDS', () => {
	test('is read off the schema, leaving out the optional dates to keep phone forms short', () => {
		expect(FEEDBACK_FORM_FIELDS).toEqual({
			done: { date: 'absent', message: 'optional' },
			'new-date': { date: 'required', message: 'optional' },
			comment: { date: 'absent', message: 'required' },
			'new-action': { date: 'absent', message: 'required' },
			'new-risk': { date: 'absent', message: 'required' },
		});
	});

	test.each(FEEDBACK_KINDS)('asks %s for what the schema requires', (kind) => {
		const needs = FEEDBACK_FORM_FIELDS[kind];
		const form = { kind, deal: 'northwind', from: 'Ana', action: 'pilot', ...(needs.date === 'required' && { date: '2026-06-01' }), ...(needs.message === 'required' && { message: 'm' }) };
		if (kind === 'new-action' || kind === 'new-risk') delete (form as { action?: string }).action;
		expect(FeedbackFormSchema.safeParse(form).success).toBe(true);
	});
});

describe('buildRelayPost', () => {
	test('posts the token and only the fields given, which the relay reads with the same schema', async () => {
		const token = await createFeedbackToken(new Uint8Array(32).fill(1), { routeId: 'k3v9q2xw7m4tp8ra', slug: 'northwind', keyVersion: 1 });
		const post = buildRelayPost(token, { kind: 'new-date', action: 'pilot', date: '2026-06-01', message: '  ', from: ' Ana ' });
		expect(post).toEqual({ token, form: { kind: 'new-date', action: 'pilot', date: '2026-06-01', from: 'Ana' } });
		const reading = readRelayPost(JSON.parse(JSON.stringify(post)), FIELDS);
		expect(reading).toMatchObject({ ok: true, post: { token: { slug: 'northwind', keyVersion: 1 }, form: post.form } });
	});
});

describe('readRelayAnswer', () => {
	test.each([
		[201, { issue: 7, url: 'https://github.com/acme/plans/issues/7' }, { state: 'sent', issue: 7 }],
		[400, { error: 'The feedback form has problems.', problems: [{ field: 'form.date', message: 'Date "2026-02-30" is not a real day.' }, null, { message: 3 }] }, { state: 'invalid', problems: ['Date "2026-02-30" is not a real day.'] }],
		[400, undefined, { state: 'invalid', problems: [] }],
		[403, { error: 'This feedback link is not valid' }, { state: 'refused' }],
		[413, { error: 'too large' }, { state: 'too-large' }],
		[429, { error: 'Too much' }, { state: 'too-many' }],
		[502, { error: 'GitHub did not accept' }, { state: 'failed' }],
		[500, 'not json', { state: 'failed' }],
	])('reads %i as %j', (status, data, expected) => {
		expect(readRelayAnswer(status, data)).toEqual(expected);
	});
});

describe('describeRelayFailure', () => {
	test.each([
		['refused', en.feedback.refused],
		['too-large', en.feedback.tooLarge],
		['too-many', en.feedback.tooMany],
		['failed', en.feedback.failed],
		['network', en.feedback.network],
	] as const)('says what %s means from the catalogue', (state, message) => {
		expect(describeRelayFailure({ state }, en.feedback)).toBe(message);
	});
});

describe('readFeedbackPageConfig', () => {
	test.each([null, '', '{', '[]', '{"slug":"x"}', '{"slug":"x","fields":[],"messages":{"sent":1}}'])('refuses %j', (text) => {
		expect(readFeedbackPageConfig(text)).toBeUndefined();
	});
});
