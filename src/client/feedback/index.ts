/**
 * Brings a deal page's feedback forms to life after the gate loader has inserted the decrypted content
 * (scripts inside it never run). Sends through the relay, or opens a prefilled email or GitHub issue,
 * and keeps the alternative links filled in with what the buyer types.
 */
import { buildFeedbackLinks } from '../../lib/feedback/feedback-channels.ts';
import { readFeedbackPageConfig, type FeedbackPageConfig } from '../../lib/feedback/page-config.ts';
import { buildRelayPost, describeRelayFailure, readRelayAnswer, type RelayOutcome } from '../../lib/feedback/relay-post.ts';
import type { FeedbackLinkValues } from '../../lib/feedback/links.ts';
import { wireSharedActionFeedback } from './shared-form.ts';

/** A buyer waits this long for the relay before being told to try again or send another way. */
const RELAY_TIMEOUT_MS = 30_000;

const WIRED = 'data-mapsite-feedback-wired';

type StatusState = 'busy' | 'sent' | 'error' | 'info';

/**
 * Wires every feedback form under `root` that is not wired yet, using the page's settings element
 * (`[data-mapsite-feedback-config]`). Returns how many forms were wired; none when the settings are missing.
 */
export function wireFeedbackForms(root: Element): number {
	const config = readFeedbackPageConfig(root.querySelector('script[data-mapsite-feedback-config]')?.textContent);
	if (config === undefined) return 0;
	const forms = [...root.querySelectorAll<HTMLFormElement>(`form[data-mapsite-feedback]:not([${WIRED}])`)];
	for (const form of forms) wireForm(form, config, root);
	if (forms.length > 0) wireSharedActionFeedback(root);
	return forms.length;
}

function readText(form: HTMLFormElement, name: string): string | undefined {
	const field = form.elements.namedItem(name);
	return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : undefined;
}

/** The buyer's own day, `YYYY-MM-DD`: the day the email says it was written. */
function readLocalDay(): string {
	const now = new Date();
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function readValues(form: HTMLFormElement, config: FeedbackPageConfig): FeedbackLinkValues {
	return {
		deal: config.slug,
		kind: readText(form, 'kind') ?? '',
		action: readText(form, 'action'),
		date: readText(form, 'date'),
		message: readText(form, 'message'),
		from: readText(form, 'from'),
	};
}

function wireForm(form: HTMLFormElement, config: FeedbackPageConfig, root: Element): void {
	form.setAttribute(WIRED, '');
	const status = form.querySelector<HTMLElement>('[data-feedback-status]');
	const alternatives = form.querySelector<HTMLElement>('[data-feedback-alternatives]');
	const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
	const primary = form.dataset.primary;

	function say(message: string, state: StatusState, details: string[] = []): void {
		if (status === null) return;
		status.dataset.state = state;
		// Text only: relay answers and buyer input never become markup.
		const lines: Node[] = [document.createTextNode(message)];
		if (details.length > 0) {
			const list = document.createElement('ul');
			for (const detail of details) list.append(Object.assign(document.createElement('li'), { textContent: detail }));
			lines.push(list);
		}
		status.replaceChildren(...lines);
	}

	// Links are signed asynchronously; a newer refresh wins over one still signing older text.
	let refreshCount = 0;
	async function refreshLinks(): Promise<Awaited<ReturnType<typeof buildFeedbackLinks>>> {
		const count = ++refreshCount;
		const links = await buildFeedbackLinks(config, { values: readValues(form, config), actionTitle: form.dataset.actionTitle, today: readLocalDay() });
		if (count !== refreshCount) return links;
		for (const link of form.querySelectorAll<HTMLAnchorElement>('a[data-feedback-link]')) {
			const href = links[link.dataset.feedbackLink as 'email' | 'github'];
			if (href !== undefined) link.href = href;
		}
		return links;
	}

	function setBusy(isBusy: boolean): void {
		form.toggleAttribute('aria-busy', isBusy);
		if (button) button.disabled = isBusy;
	}

	async function sendToRelay(): Promise<void> {
		const url = form.dataset.relayUrl;
		const token = form.dataset.token;
		if (!url || !token) {
			say(config.messages.failed, 'error');
			if (alternatives) alternatives.hidden = false;
			return;
		}
		setBusy(true);
		say(config.messages.sending, 'busy');
		let outcome: RelayOutcome | { state: 'network' };
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(buildRelayPost(token, readValues(form, config))),
				credentials: 'omit',
				referrerPolicy: 'no-referrer',
				signal: AbortSignal.timeout(RELAY_TIMEOUT_MS),
			});
			const data: unknown = await response.json().catch(() => undefined);
			outcome = readRelayAnswer(response.status, data);
		} catch {
			outcome = { state: 'network' };
		}
		setBusy(false);
		if (outcome.state === 'sent') {
			say(config.messages.sent, 'sent');
			if (alternatives) alternatives.hidden = true;
			rememberName(readText(form, 'from'));
			for (const name of ['message', 'date']) {
				const field = form.elements.namedItem(name);
				if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = '';
			}
			void refreshLinks();
			return;
		}
		say(describeRelayFailure(outcome, config.messages), 'error', outcome.state === 'invalid' ? outcome.problems : []);
		// A refused, throttled or failed post can still reach the team another way; a form to fix cannot.
		if (alternatives && outcome.state !== 'invalid' && outcome.state !== 'too-large') alternatives.hidden = false;
	}

	/** Fills the name into the page's other feedback forms that are still empty, so the buyer types it once. */
	function rememberName(name: string | undefined): void {
		if (!name) return;
		for (const field of root.querySelectorAll<HTMLInputElement>('form[data-mapsite-feedback] input[name="from"]')) {
			if (field.value === '') field.value = name;
		}
	}

	form.addEventListener('input', () => {
		void refreshLinks();
	});
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		if (form.getAttribute('aria-busy') !== null) return;
		if (!form.reportValidity()) return;
		if (primary === 'relay') {
			void sendToRelay();
			return;
		}
		// Signing takes a moment at most, well inside the click's activation that opening the email app needs.
		const links = await refreshLinks();
		if (primary === 'email' && links.email) {
			rememberName(readText(form, 'from'));
			say(config.messages.emailOpened, 'info');
			window.location.assign(links.email);
		} else if (primary === 'github' && links.github) {
			rememberName(readText(form, 'from'));
			say(config.messages.githubOpened, 'info');
			window.open(links.github, '_blank', 'noopener,noreferrer');
		}
	});
	void refreshLinks();
	// Enabled only now: before wiring, a submit would post the buyer's text to the page's own host.
	if (button) button.disabled = false;
}
