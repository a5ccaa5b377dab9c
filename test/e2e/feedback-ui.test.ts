/**
 * The feedback forms in Debian's Chromium: markup rendered by the real components, inserted the way the
 * gate loader inserts it (template.innerHTML, so inline scripts stay inert), wired by the bundled
 * src/client/feedback, posting to the real relay handler over HTTP, which files issues in the fake GitHub.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Octokit } from '@octokit/rest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import ActionFeedbackButton from '../../src/components/feedback/ActionFeedbackButton.astro';
import PlanFeedback from '../../src/components/feedback/PlanFeedback.astro';
import SharedActionFeedback from '../../src/components/feedback/SharedActionFeedback.astro';
import { en } from '../../src/i18n/messages/en.ts';
import { readFormFields } from '../../src/lib/feedback/form-fields.ts';
import { deriveFeedbackEmailKey } from '../../src/lib/feedback/email/email-key.ts';
import { parseFeedbackIssue } from '../../src/lib/feedback/parse-issue.ts';
import { readFeedbackEmail } from '../../src/lib/feedback/email/read-email.ts';
import { createFeedbackSetup, type FeedbackSetupInput } from '../../src/lib/feedback/feedback-channels.ts';
import { createFeedbackToken } from '../../src/relay/feedback-token.ts';
import { createGitHubIssueCreator } from '../../src/relay/github-issue-creator.ts';
import { createRelayHandler } from '../../src/relay/handler.ts';
import { createNodeListener } from '../../src/relay/node-adapter.ts';
import { skipWithoutChromium } from '../helpers/chromium.ts';
import { FAKE_GITHUB_TOKEN, startFakeGitHub, type FakeGitHub } from '../relay/fake-github.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEMPLATE = readFileSync(new URL('../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');
const FIELDS = readFormFields(TEMPLATE);
const SECRET = new Uint8Array(32).fill(7);
const ROUTE_ID = 'k3v9q2xw7m4tp8ra';
const ACTION = { id: 'legal-review', title: 'Legal review of the MSA' };
const FEEDBACK_BUTTON = 'Feedback';

// What the lead's loader does after decrypting: parse the payload through a template, insert it, wire it.
const ENTRY = `
import { wireFeedbackForms } from './src/client/feedback/index.ts';
const content = document.querySelector('mapsite-content');
const template = document.createElement('template');
template.innerHTML = document.getElementById('payload').innerHTML;
content.replaceChildren(template.content);
window.wiredForms = wireFeedbackForms(content);
`;

/** The components' own (global) styles: the test page has no Astro build to bundle them. */
function readComponentStyles(): string {
	const files = ['FeedbackForm.astro', 'FeedbackControls.astro', 'ActionFeedbackButton.astro'].map((name) => readFileSync(join(ROOT, 'src/components/feedback', name), 'utf8'));
	const styles = files.flatMap((source) => [...source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]));
	return styles.join('\n');
}

const files = new Map<string, { type: string; body: string }>();
let site: Server;
let relay: Server;
let origin = '';
let relayUrl = '';
let github: FakeGitHub;
let browser: Browser;

function listen(server: Server): Promise<string> {
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function renderPage(settings: Partial<FeedbackSetupInput['settings']>, contact: string | undefined): Promise<string> {
	const setup = createFeedbackSetup({
		settings: { relayUrl: undefined, repository: undefined, tokens: {}, ...settings },
		routeId: ROUTE_ID,
		slug: 'northwind',
		contact,
		fields: FIELDS,
		labels: en.feedback,
		email: {
			key: await deriveFeedbackEmailKey(SECRET, 'northwind', 1),
			keyVersion: 1,
			locale: 'en',
			planTitle: 'Northwind x Acme',
			controls: { done: en.feedback.markDone, 'new-date': en.feedback.proposeNewDate, comment: en.feedback.comment, 'new-action': en.feedback.suggestAction, 'new-risk': en.feedback.flagRisk },
			words: en.feedbackEmail,
		},
	});
	if (setup === undefined) throw new Error('expected a feedback setup');
	const container = await AstroContainer.create();
	// As on the plan page: one feedback button per open action, and one shared set of action forms.
	const button = await container.renderToString(ActionFeedbackButton, { props: { actionId: ACTION.id, label: FEEDBACK_BUTTON } });
	const otherButton = await container.renderToString(ActionFeedbackButton, { props: { actionId: 'other', label: FEEDBACK_BUTTON } });
	const sharedControls = await container.renderToString(SharedActionFeedback, { props: { setup } });
	const planControls = await container.renderToString(PlanFeedback, { props: { setup, heading: en.feedback.heading, intro: en.feedback.intro } });
	// An inline script in the payload, to show that only the wired module brings the forms to life.
	// The plan page's own list styles are scoped to it, so this bare list drops the browser's indent as the page does.
	const payload = `<div class="deal"><h1>Plan</h1><ul class="actions" style="padding: 0; list-style: none"><li class="action"><h3 id="action-${ACTION.id}">${ACTION.title}</h3>${button}</li><li class="action"><h3 id="action-other">Other step</h3>${otherButton}</li></ul>${sharedControls}${planControls}<script>window.inlineRan = true</script></div>`;
	const css = ['src/styles/tokens.css', 'src/styles/deal.css'].map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n') + readComponentStyles();
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Feedback</title><style>${css}</style></head>
<body><mapsite-content></mapsite-content><template id="payload">${payload}</template><script type="module" src="/feedback.js"></script></body></html>`;
}

async function openPage(path: string, viewport = { width: 1024, height: 800 }): Promise<Page> {
	const context = await browser.newContext({ viewport });
	// The sandbox has no internet; a GitHub link that opens is answered here.
	await context.route('https://github.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>GitHub</p>' }));
	const page = await context.newPage();
	await page.goto(`${origin}${path}`);
	await page.waitForFunction(() => (window as unknown as { wiredForms?: number }).wiredForms !== undefined);
	return page;
}

/** Presses the action's one feedback button, which brings the page's shared forms under it. */
async function openActionFeedback(page: Page): Promise<void> {
	await page.locator(`.action button[data-feedback-open="${ACTION.id}"]`).click();
}

/** The form of one control: `kind` on the action, or on the plan when `isPlan`. */
function formOf(page: Page, kind: string, isPlan = false) {
	const group = isPlan ? '.feedback-card' : '.action';
	return page.locator(`${group} form[data-mapsite-feedback]:has(input[name="kind"][value="${kind}"])`);
}

async function readStatus(page: Page, kind: string, isPlan = false): Promise<{ text: string; state: string | null }> {
	const status = formOf(page, kind, isPlan).locator('[data-feedback-status]');
	await page.waitForFunction((element) => element !== null && element.getAttribute('data-state') !== 'busy' && element.textContent !== '', await status.elementHandle());
	return { text: (await status.textContent()) ?? '', state: await status.getAttribute('data-state') };
}

describe.skipIf(skipWithoutChromium())('the feedback forms in Chromium (needs Chromium at /usr/bin/chromium)', () => {
	beforeAll(async () => {
		github = await startFakeGitHub();
		site = createServer((request, response) => {
			const file = files.get(new URL(request.url ?? '/', 'http://x').pathname);
			if (file === undefined) return void response.writeHead(404).end('not found');
			response.writeHead(200, { 'content-type': file.type }).end(file.body);
		});
		origin = await listen(site);
		const silent = () => {};
		const octokit = new Octokit({ baseUrl: github.url, auth: FAKE_GITHUB_TOKEN, log: { debug: silent, info: silent, warn: silent, error: silent } });
		const handler = createRelayHandler({
			relaySecret: SECRET,
			template: TEMPLATE,
			readKeyVersion: async (slug) => (slug === 'northwind' ? 1 : undefined),
			getClientAddress: () => 'chromium',
			createIssue: createGitHubIssueCreator({ octokit, owner: 'acme', repo: 'plans' }),
			allowedOrigins: [origin],
		});
		relay = createServer(createNodeListener(handler));
		relayUrl = `${await listen(relay)}/feedback`;
		// A port that was just free and is closed again: the relay is unreachable.
		const closed = createServer();
		const closedUrl = `${await listen(closed)}/feedback`;
		await new Promise((resolve) => closed.close(resolve));

		const bundle = await build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' }, bundle: true, format: 'esm', target: 'es2022', write: false, logLevel: 'silent' });
		files.set('/feedback.js', { type: 'text/javascript', body: bundle.outputFiles[0]!.text });
		const html = 'text/html; charset=utf-8';
		const token = await createFeedbackToken(SECRET, { routeId: ROUTE_ID, slug: 'northwind', keyVersion: 1 });
		// A token of a key version the plan does not have, as after rotate-key: the relay refuses it.
		const otherToken = await createFeedbackToken(SECRET, { routeId: ROUTE_ID, slug: 'northwind', keyVersion: 2 });
		files.set('/relay.html', { type: html, body: await renderPage({ relayUrl, repository: 'acme/plans', tokens: { northwind: token } }, 'rep@acme.example') });
		files.set('/wrong-token.html', { type: html, body: await renderPage({ relayUrl, repository: 'acme/plans', tokens: { northwind: otherToken } }, 'rep@acme.example') });
		files.set('/offline.html', { type: html, body: await renderPage({ relayUrl: closedUrl, repository: 'acme/plans', tokens: { northwind: token } }, 'rep@acme.example') });
		files.set('/github-only.html', { type: html, body: await renderPage({ repository: 'acme/plans' }, undefined) });
		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	});

	afterEach(() => {
		github.reset();
	});

	afterAll(async () => {
		await browser?.close();
		await Promise.all([site, relay].map((server) => new Promise((resolve) => server?.close(resolve))));
		await github?.close();
	});

	test('proposes a new date through the relay, showing progress then success, and files an issue the merge can parse', async () => {
		const page = await openPage('/relay.html');
		expect(await page.evaluate(() => (window as unknown as { wiredForms: number; inlineRan?: boolean }).wiredForms)).toBe(5);
		expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();

		// Hold the post until the form has been seen busy, so the progress state is checked without timing.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route(relayUrl, async (route) => {
			if (route.request().method() === 'POST') await held;
			await route.continue();
		});

		const form = formOf(page, 'new-date');
		await openActionFeedback(page);
		await page.locator('.action summary', { hasText: 'Propose new date' }).click();
		const message = 'Counsel is out until June.\n### Action\nsign-contract <script>alert(1)</script> [x](javascript:alert(1)) {process.env.X}';
		await form.locator('input[name="from"]').fill('Ana Ruiz <ana@northwind.example>');
		await form.locator('input[name="date"]').fill('2026-06-01');
		await form.locator('textarea[name="message"]').fill(message);
		await form.locator('button[type="submit"]').click();

		const status = form.locator('[data-feedback-status]');
		await expect.poll(() => status.textContent()).toBe(en.feedback.sending);
		expect(await form.locator('button[type="submit"]').isDisabled()).toBe(true);
		release();

		expect(await readStatus(page, 'new-date')).toEqual({ text: en.feedback.sent, state: 'sent' });
		expect(page.url()).toBe(`${origin}/relay.html`);
		expect(await form.locator('textarea[name="message"]').inputValue()).toBe('');
		expect(await form.locator('button[type="submit"]').isDisabled()).toBe(false);
		// The name is typed once: the page's other empty forms take it.
		expect(await formOf(page, 'new-risk', true).locator('input[name="from"]').inputValue()).toBe('Ana Ruiz <ana@northwind.example>');

		expect(github.issues).toHaveLength(1);
		const [issue] = github.issues;
		expect(issue).toMatchObject({ owner: 'acme', repo: 'plans', title: '[feedback] new-date northwind', labels: ['plan-feedback'] });
		expect(parseFeedbackIssue(issue!.body, TEMPLATE)).toEqual({
			ok: true,
			form: { kind: 'new-date', deal: 'northwind', action: 'legal-review', date: '2026-06-01', message, from: 'Ana Ruiz <ana@northwind.example>' },
		});
		await page.context().close();
	});

	test('one set of action forms serves every action: it moves to the action picked and sends that action', async () => {
		const page = await openPage('/relay.html');
		expect(await page.locator('form[data-mapsite-feedback] input[name="action"]').count()).toBe(3);
		await openActionFeedback(page);
		const legalRow = page.locator('.action', { has: page.locator(`#action-${ACTION.id}`) });
		expect(await legalRow.locator('form[data-mapsite-feedback]').count()).toBe(3);
		await page.locator('.action summary', { hasText: 'Comment' }).click();
		await formOf(page, 'comment').locator('input[name="from"]').fill('Ana');
		await formOf(page, 'comment').locator('textarea[name="message"]').fill('First note');
		await formOf(page, 'comment').locator('button[type="submit"]').click();
		expect(await readStatus(page, 'comment')).toEqual({ text: en.feedback.sent, state: 'sent' });

		await page.locator('button[data-feedback-open="other"]').click();
		const otherRow = page.locator('.action', { has: page.locator('#action-other') });
		expect(await otherRow.locator('form[data-mapsite-feedback]').count()).toBe(3);
		expect(await legalRow.locator('form[data-mapsite-feedback]').count()).toBe(0);
		expect(await page.locator(`button[data-feedback-open="${ACTION.id}"]`).getAttribute('aria-expanded')).toBe('false');
		expect(await page.locator('button[data-feedback-open="other"]').getAttribute('aria-expanded')).toBe('true');
		const form = formOf(page, 'comment');
		expect(await form.getAttribute('aria-label')).toBe('Comment: Other step');
		// What was said about the legal review is not shown as if about this step; the name is kept.
		expect(await form.locator('[data-feedback-status]').textContent()).toBe('');
		expect(await form.locator('input[name="from"]').inputValue()).toBe('Ana');
		await page.locator('.action summary', { hasText: 'Comment' }).click();
		await form.locator('textarea[name="message"]').fill('Second note');
		await form.locator('button[type="submit"]').click();
		expect(await readStatus(page, 'comment')).toEqual({ text: en.feedback.sent, state: 'sent' });
		expect(github.issues.map((issue) => parseFeedbackIssue(issue.body, TEMPLATE))).toEqual([
			{ ok: true, form: { kind: 'comment', deal: 'northwind', action: ACTION.id, message: 'First note', from: 'Ana' } },
			{ ok: true, form: { kind: 'comment', deal: 'northwind', action: 'other', message: 'Second note', from: 'Ana' } },
		]);
		await page.context().close();
	});

	test('suggests an action for the plan as a whole', async () => {
		const page = await openPage('/relay.html');
		const form = formOf(page, 'new-action', true);
		await page.locator('.feedback-card summary', { hasText: 'Suggest an action' }).click();
		await form.locator('input[name="from"]').fill('Ana');
		await form.locator('textarea[name="message"]').fill('Add a data-residency review.');
		await form.locator('textarea[name="message"]').press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.feedback.send);
		await page.keyboard.press('Enter');
		expect(await readStatus(page, 'new-action', true)).toEqual({ text: en.feedback.sent, state: 'sent' });
		expect(parseFeedbackIssue(github.issues[0]!.body, TEMPLATE)).toEqual({
			ok: true,
			form: { kind: 'new-action', deal: 'northwind', message: 'Add a data-residency review.', from: 'Ana' },
		});
		await page.context().close();
	});

	test('shows the 403 message for a wrong token, files nothing, and offers the prefilled email and GitHub links', async () => {
		const page = await openPage('/wrong-token.html');
		const form = formOf(page, 'comment');
		await openActionFeedback(page);
		await page.locator('.action summary', { hasText: 'Comment' }).click();
		expect(await form.locator('[data-feedback-alternatives]').isVisible()).toBe(false);
		await form.locator('input[name="from"]').fill('Ana');
		await form.locator('textarea[name="message"]').fill('Can we move this & keep #2?');
		await form.locator('button[type="submit"]').click();

		expect(await readStatus(page, 'comment')).toEqual({ text: en.feedback.refused, state: 'error' });
		expect(github.issues).toHaveLength(0);
		expect(await form.locator('[data-feedback-alternatives]').isVisible()).toBe(true);
		const email = (await form.locator('a[data-feedback-link="email"]').getAttribute('href'))!;
		const body = decodeURIComponent(email.slice(email.indexOf('&body=') + '&body='.length)).replace(/\r\n/g, '\n');
		// Written for the rep, naming the action by the title the buyer saw, with the signed block the rep applies.
		expect(body).toContain('Ana commented on “Legal review of the MSA”:\n\nTheir note:\nCan we move this & keep #2?');
		expect(await readFeedbackEmail(body, { plans: [{ slug: 'northwind', file: 'plans/northwind.mdx', keyVersion: 1 }], siteSecret: SECRET })).toMatchObject({
			ok: true,
			form: { kind: 'comment', deal: 'northwind', action: 'legal-review', message: 'Can we move this & keep #2?', from: 'Ana' },
		});
		const issueLink = new URL((await form.locator('a[data-feedback-link="github"]').getAttribute('href'))!);
		expect(Object.fromEntries(issueLink.searchParams)).toEqual({
			template: 'plan-feedback.yml',
			title: '[feedback] comment northwind',
			deal: 'northwind',
			kind: 'comment',
			action: 'legal-review',
			from: 'Ana',
			message: 'Can we move this & keep #2?',
		});
		await page.context().close();
	});

	test('says the service could not be reached when the relay is down', async () => {
		const page = await openPage('/offline.html');
		const form = formOf(page, 'done');
		await openActionFeedback(page);
		await page.locator('.action summary', { hasText: 'Mark done' }).click();
		await form.locator('input[name="from"]').fill('Ana');
		await form.locator('button[type="submit"]').click();
		expect(await readStatus(page, 'done')).toEqual({ text: en.feedback.network, state: 'error' });
		expect(await form.locator('[data-feedback-alternatives]').isVisible()).toBe(true);
		await page.context().close();
	});

	test('without a relay, opens GitHub in a new tab with the form prefilled from what was typed', async () => {
		const page = await openPage('/github-only.html');
		const form = formOf(page, 'new-risk', true);
		await page.locator('.feedback-card summary', { hasText: 'Flag a risk' }).click();
		expect(await form.locator('button[type="submit"]').textContent()).toBe(en.feedback.sendOnGitHub);
		await form.locator('input[name="from"]').fill('Ana');
		await form.locator('textarea[name="message"]').fill('Budget freeze in Q3\n## maybe');
		const [popup] = await Promise.all([page.context().waitForEvent('page'), form.locator('button[type="submit"]').click()]);
		await popup.waitForLoadState();
		const link = new URL(popup.url());
		expect(link.origin + link.pathname).toBe('https://github.com/acme/plans/issues/new');
		expect(Object.fromEntries(link.searchParams)).toEqual({
			template: 'plan-feedback.yml',
			title: '[feedback] new-risk northwind',
			deal: 'northwind',
			kind: 'new-risk',
			from: 'Ana',
			message: 'Budget freeze in Q3\n\\#\\# maybe',
		});
		expect(await readStatus(page, 'new-risk', true)).toEqual({ text: en.feedback.githubOpened, state: 'info' });
		await page.context().close();
	});

	test('fits a 360 px phone and is reachable by keyboard', async () => {
		const page = await openPage('/relay.html', { width: 360, height: 740 });
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(FEEDBACK_BUTTON);
		await page.keyboard.press('Enter');
		// The shared forms come to the action and take the focus.
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Mark done');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => ({ name: (document.activeElement as HTMLInputElement).name, form: document.activeElement?.closest('form')?.getAttribute('aria-label') }));
		expect(focused).toEqual({ name: 'from', form: 'Propose new date: Legal review of the MSA' });
		const form = formOf(page, 'new-date');
		expect(await form.isVisible()).toBe(true);
		for (const field of ['input[name="from"]', 'input[name="date"]', 'textarea[name="message"]', 'button[type="submit"]']) {
			const box = (await form.locator(field).boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(360);
			// Big enough to tap.
			expect(box.height).toBeGreaterThanOrEqual(44);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await page.context().close();
	});
});
