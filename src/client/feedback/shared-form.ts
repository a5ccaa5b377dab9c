/**
 * The plan page carries one set of action feedback forms. Each open action has a button that moves
 * that set under itself and points it at the action, so the page stays light however long the plan is.
 */

/** Placeholder in a shared form's `data-label-template` that the action's title replaces. */
const ACTION_PLACEHOLDER = '{action}';

/**
 * Shows the feedback buttons under `root` and lets each move the shared forms (`[data-feedback-shared]`)
 * to its action. Returns how many buttons it showed; none when the page has no shared forms.
 */
export function wireSharedActionFeedback(root: Element): number {
	const holder = root.querySelector<HTMLElement>('[data-feedback-shared]');
	if (holder === null) return 0;
	const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-feedback-open]')];
	for (const button of buttons) button.hidden = false;
	root.addEventListener('click', (event) => {
		const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-feedback-open]') : null;
		if (button === null) return;
		const wasOpen = button.getAttribute('aria-expanded') === 'true';
		for (const other of buttons) other.setAttribute('aria-expanded', 'false');
		if (wasOpen) {
			holder.hidden = true;
			return;
		}
		const actionId = button.dataset.feedbackOpen ?? '';
		const title = root.querySelector(`[id="action-${CSS.escape(actionId)}"]`)?.textContent?.trim() ?? actionId;
		pointFormsAt(holder, actionId, title);
		button.after(holder);
		holder.hidden = false;
		button.setAttribute('aria-expanded', 'true');
		holder.querySelector<HTMLElement>('summary')?.focus();
	});
	return buttons.length;
}

function pointFormsAt(holder: HTMLElement, actionId: string, title: string): void {
	for (const details of holder.querySelectorAll('details')) details.open = false;
	for (const form of holder.querySelectorAll<HTMLFormElement>('form[data-mapsite-feedback]')) {
		const field = form.elements.namedItem('action');
		if (field instanceof HTMLInputElement) field.value = actionId;
		// The feedback email names the action by its title, as the buyer sees it.
		form.dataset.actionTitle = title;
		const template = form.dataset.labelTemplate;
		if (template) form.setAttribute('aria-label', template.replace(ACTION_PLACEHOLDER, title));
		// What was said about the previous action must not read as said about this one.
		const status = form.querySelector<HTMLElement>('[data-feedback-status]');
		if (status) {
			status.replaceChildren();
			delete status.dataset.state;
		}
		const alternatives = form.querySelector<HTMLElement>('[data-feedback-alternatives]');
		if (alternatives && form.dataset.primary === 'relay') alternatives.hidden = true;
		// The wired form refreshes its email and GitHub links from its fields on input.
		form.dispatchEvent(new Event('input'));
	}
}
