import { readFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, test } from 'vitest';
import ActionCard from '../../src/components/ActionCard.astro';
import FeedbackConfig from '../../src/components/feedback/FeedbackConfig.astro';
import ActionFeedbackButton from '../../src/components/feedback/ActionFeedbackButton.astro';
import FeedbackControls from '../../src/components/feedback/FeedbackControls.astro';
import SharedActionFeedback from '../../src/components/feedback/SharedActionFeedback.astro';
import PlanFeedback from '../../src/components/feedback/PlanFeedback.astro';
import { en } from '../../src/i18n/messages/en.ts';
import type { PlanRow } from '../../src/lib/views/plan-page-view.ts';
import { id } from '../../src/i18n/messages/id.ts';
import type { FeedbackEmailSettings } from '../../src/lib/feedback/email/compose-email.ts';
import { readFormFields } from '../../src/lib/feedback/form-fields.ts';
import { createFeedbackSetup, type FeedbackSetup, type FeedbackSetupInput } from '../../src/lib/feedback/feedback-channels.ts';
import { ACTION_FEEDBACK_KINDS } from '../../src/lib/feedback/form-kinds.ts';
import { readFeedbackPageConfig } from '../../src/lib/feedback/page-config.ts';

const container = await AstroContainer.create();
const TEMPLATE = readFileSync(new URL('../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');
const FIELDS = readFormFields(TEMPLATE);
const ROUTE_ID = 'k3v9q2xw7m4tp8ra';
const ACTION = { id: 'legal-review', title: 'Legal review' };
const EMAIL: FeedbackEmailSettings = {
	key: 'c2lnbmluZy1rZXktZm9yLXRlc3RzLW9ubHktMzItYnl0ZXM',
	keyVersion: 1,
	locale: 'en',
	planTitle: 'Northwind plan',
	controls: { done: 'Mark done', 'new-date': 'Propose new date', comment: 'Comment', 'new-action': 'Suggest an action', 'new-risk': 'Flag a risk' },
	words: en.feedbackEmail,
};

function makeSetup(settings: Partial<FeedbackSetupInput['settings']>, contact?: string, labels: FeedbackSetupInput['labels'] = en.feedback): FeedbackSetup {
	const setup = createFeedbackSetup({
		settings: { relayUrl: undefined, repository: undefined, tokens: {}, ...settings },
		routeId: ROUTE_ID,
		slug: 'northwind',
		contact,
		fields: FIELDS,
		labels,
		email: EMAIL,
	});
	if (setup === undefined) throw new Error('expected a feedback setup');
	return setup;
}

const RELAY = makeSetup({ relayUrl: 'https://relay.example/feedback', repository: 'acme/plans', tokens: { northwind: 'token-abc' } }, 'rep@acme.example');
const EMAIL_ONLY = makeSetup({ repository: 'acme/plans' }, 'rep@acme.example');

/** Each `<form>` of the markup, as its opening tag and its whole text. */
function readForms(html: string): { tag: string; html: string }[] {
	return [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((match) => ({ tag: /^<form\b[^>]*>/.exec(match[0])![0], html: match[0] }));
}

function decodeEntities(text: string): string {
	return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

describe('FeedbackControls', () => {
	test('offers mark done, new date and comment on an action, each a disclosure with a short form', async () => {
		const html = await container.renderToString(FeedbackControls, { props: { setup: RELAY, kinds: ACTION_FEEDBACK_KINDS, action: ACTION } });
		expect([...html.matchAll(/<summary[^>]*>([^<]*)<\/summary>/g)].map((match) => match[1])).toEqual(['Mark done', 'Propose new date', 'Comment']);
		expect(html.match(/<details[^>]*name="feedback-legal-review"/g)).toHaveLength(3);
		const forms = readForms(html);
		expect(forms.map((form) => /name="kind" value="([^"]+)"/.exec(form.html)?.[1])).toEqual(['done', 'new-date', 'comment']);
		for (const form of forms) {
			expect(form.html).toContain('name="action" value="legal-review"');
			// The token names its deal, so the form carries no separate deal id.
			expect(form.tag).not.toContain('data-deal');
			expect(form.tag).toContain('data-relay-url="https://relay.example/feedback"');
			expect(form.tag).toContain('data-token="token-abc"');
			expect(form.tag).toContain('data-primary="relay"');
			// Inert until the client wires it.
			expect(form.html).toMatch(/<button class="feedback__send"[^>]*type="submit" disabled[^>]*>Send<\/button>/);
			expect(form.html).toMatch(/<input[^>]*name="from"[^>]*required/);
			expect(form.html).toContain(en.feedback.whatHappensNextBody);
			expect(form.html).toMatch(/role="status" aria-live="polite"/);
			// Every field has its label.
			for (const [, forId] of form.html.matchAll(/<label[^>]*for="([^"]+)"/g)) expect(form.html).toContain(`id="${forId}"`);
		}
		const [done, newDate, comment] = forms.map((form) => form.html);
		expect(done).not.toContain('name="date"');
		expect(newDate).toMatch(/<input[^>]*name="date" type="date" required/);
		expect(newDate).toContain('>Message (optional)</label>');
		expect(comment).toMatch(/<textarea[^>]*name="message"[^>]*maxlength="4000" required/);
	});

	test('names each action form for screen readers and keeps hostile titles inside the attribute', async () => {
		const action = { id: 'legal-review', title: 'Legal "MSA" <b onclick=alert(1)>' };
		const html = await container.renderToString(FeedbackControls, { props: { setup: RELAY, kinds: ['done'], action } });
		// The quote is escaped, so the title cannot end the attribute and add one of its own.
		expect(html).toContain('aria-label="Mark done: Legal &quot;MSA&quot; <b onclick=alert(1)>"');
	});

	test('keeps the email and GitHub links hidden until the relay fails, for the client to fill in', async () => {
		const html = await container.renderToString(FeedbackControls, { props: { setup: RELAY, kinds: ['comment'], action: ACTION } });
		expect(html).toMatch(/<p class="feedback__alternatives"[^>]*data-feedback-alternatives[^>]*hidden/);
		expect(html).toMatch(/<a data-feedback-link="email"[^>]*>Email the team<\/a>/);
		expect(html).toMatch(/<a data-feedback-link="github"[^>]*target="_blank" rel="noopener noreferrer"[^>]*>Open a GitHub issue<\/a>/);
	});

	test('without a relay, prefills the visible links with the deal, kind and action', async () => {
		const html = await container.renderToString(FeedbackControls, { props: { setup: makeSetup({ repository: 'acme/plans' }), kinds: ['comment'], action: ACTION } });
		expect(html).toContain('>Continue on GitHub</button>');
		expect(html).not.toContain('data-feedback-link');
		const both = await container.renderToString(FeedbackControls, { props: { setup: EMAIL_ONLY, kinds: ['comment'], action: ACTION } });
		const github = decodeEntities(/<a href="([^"]+)" data-feedback-link="github"/.exec(both)![1]!);
		// The GitHub issue names the plan by its slug, as the merge looks plans up by slug.
		expect(github).toBe(
			'https://github.com/acme/plans/issues/new?template=plan-feedback.yml&title=%5Bfeedback%5D%20comment%20northwind&deal=northwind&kind=comment&action=legal-review',
		);
	});

	test('without a relay, sends by email and shows the GitHub link beside it', async () => {
		const html = await container.renderToString(FeedbackControls, { props: { setup: EMAIL_ONLY, kinds: ['new-risk'] } });
		const [form] = readForms(html);
		expect(form!.tag).toContain('data-primary="email"');
		expect(form!.tag).not.toContain('data-relay-url');
		expect(form!.tag).not.toContain('data-token');
		expect(form!.html).not.toContain('name="action"');
		expect(form!.html).toContain('>Send by email</button>');
		expect(form!.html).toMatch(/<p class="feedback__alternatives"[^>]*data-feedback-alternatives[^>]*>/);
		expect(form!.html).not.toMatch(/data-feedback-alternatives[^>]*hidden/);
		expect(form!.html).toContain('data-feedback-link="github"');
		expect(form!.html).not.toContain('data-feedback-link="email"');
	});

	test('speaks the plan language', async () => {
		const setup = makeSetup({ repository: 'acme/plans' }, undefined, id.feedback);
		const html = await container.renderToString(FeedbackControls, { props: { setup, kinds: ACTION_FEEDBACK_KINDS, action: ACTION } });
		expect(html).toContain('>Tandai selesai</summary>');
		expect(html).toContain('>Usulkan tanggal baru</summary>');
		expect(html).toContain('>Lanjutkan di GitHub</button>');
		expect(html).toContain(id.feedback.whatHappensNextBody);
		expect(html).not.toContain('Mark done');
	});
});

describe('PlanFeedback', () => {
	test('offers suggest an action and flag a risk, with the page settings once', async () => {
		const html = await container.renderToString(PlanFeedback, { props: { setup: RELAY, heading: en.feedback.heading, intro: en.feedback.intro } });
		expect(html).toMatch(/<h2 id="feedback-heading"[^>]*>Your feedback<\/h2>/);
		expect([...html.matchAll(/<summary[^>]*>([^<]*)<\/summary>/g)].map((match) => match[1])).toEqual(['Suggest an action', 'Flag a risk']);
		expect(html.match(/data-mapsite-feedback-config/g)).toHaveLength(1);
	});
});

describe('FeedbackConfig', () => {
	test('writes inert JSON that no value can break out of', async () => {
		const config = { ...RELAY.config, contact: 'x</script><script>alert(1)</script>@acme.example' };
		const html = await container.renderToString(FeedbackConfig, { props: { config } });
		expect(html).toMatch(/^<script type="application\/json" data-mapsite-feedback-config>/);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		const text = /<script[^>]*>([\s\S]*)<\/script>/.exec(html)![1];
		expect(readFeedbackPageConfig(text)).toEqual(config);
	});
});

describe('SharedActionFeedback', () => {
	test('renders one hidden set of action forms with an empty action for the client to fill in', async () => {
		const html = await container.renderToString(SharedActionFeedback, { props: { setup: RELAY } });
		expect(html).toMatch(/^<div class="feedback-shared" id="feedback-shared" data-feedback-shared hidden[^>]*>/);
		const forms = readForms(html);
		expect(forms.map((form) => /name="kind" value="([^"]+)"/.exec(form.html)?.[1])).toEqual(['done', 'new-date', 'comment']);
		for (const form of forms) {
			expect(form.html).toMatch(/name="action" value(="")?[ >]/);
			expect(form.tag).not.toContain('aria-label=');
		}
		expect(forms.map((form) => decodeEntities(/data-label-template="([^"]+)"/.exec(form.tag)![1]!))).toEqual(['Mark done: {action}', 'Propose new date: {action}', 'Comment: {action}']);
		expect(html.match(/<details[^>]*name="feedback-action"/g)).toHaveLength(3);
	});
});

describe('ActionFeedbackButton', () => {
	test('starts hidden and names the action it opens the shared forms for', async () => {
		const html = await container.renderToString(ActionFeedbackButton, { props: { actionId: 'legal-review', label: 'Feedback' } });
		expect(html).toMatch(/<button type="button" class="feedback-open" data-feedback-open="legal-review" aria-expanded="false" aria-controls="feedback-shared" aria-describedby="action-legal-review" hidden[^>]*>Feedback<\/button>/);
	});
});

describe('ActionCard', () => {
	const row = {
		id: 'legal-review',
		title: 'Legal review',
		status: 'on-track',
		light: 'green',
		statusLabel: 'On track',
		live: undefined,
		ownerId: 'ana',
		ownerName: 'Ana Ruiz',
		side: 'buyer',
		sideLabel: 'Buyer',
		dueText: 'Due Nov 27',
		movedText: 'moved twice',
		floatText: 'can slip 3 days',
		isCritical: false,
		isDone: false,
		facts: [['Owner', 'Ana Ruiz (Buyer)']],
		notes: undefined,
		dateHistory: ['due Nov 13 → Nov 20, changed Nov 10: audit'],
	} satisfies PlanRow;
	const labels = { detailsLabel: 'Details', dateHistoryLabel: 'Date changes' };

	test('gives an open action one feedback button and no forms of its own', async () => {
		const html = await container.renderToString(ActionCard, { props: { row, ...labels, feedbackLabel: 'Feedback' } });
		expect(html).toMatch(/^<li class="action" data-owner="ana" data-side="buyer"/);
		expect(html.match(/data-feedback-open="legal-review"/g)).toHaveLength(1);
		expect(html).not.toContain('<form');
	});

	test('keeps the slip on the row and the history behind the details', async () => {
		const html = await container.renderToString(ActionCard, { props: { row, ...labels } });
		expect(html).toMatch(/<summary class="action__summary"[^>]*>[\s\S]*Due Nov 27[\s\S]*moved twice[\s\S]*<\/summary>/);
		expect(html).toMatch(/<\/summary>[\s\S]*due Nov 13 → Nov 20/);
		expect(html).not.toContain('data-feedback-open');
	});
});
