/** Builds a deal page's feedback setup from the build's settings, the issue form and the page's words. */
import { feedback, feedbackEmailKeys } from 'virtual:mapsite/deals';
import template from '../../../.github/ISSUE_TEMPLATE/plan-feedback.yml?raw';
import type { DealContext } from '../../layouts/deal-context.ts';
import { readFormFields } from '../../lib/feedback/form-fields.ts';
import { createFeedbackSetup, type FeedbackSetup } from '../../lib/feedback/feedback-channels.ts';

// Read once per build: the email body and the relay must name the same fields as the issue form.
const fields = readFormFields(template);

/** The feedback setup of the deal `slug` served at `routeId`, or undefined when its buyers have no way to send any. */
export function getFeedbackSetup(context: Pick<DealContext, 'plan' | 'messages'>, routeId: string, slug: string): FeedbackSetup | undefined {
	return createFeedbackSetup({
		settings: feedback,
		routeId,
		slug,
		contact: context.plan.seller.contact,
		fields,
		labels: context.messages.feedback,
		email: {
			...(feedbackEmailKeys[slug] !== undefined && { key: feedbackEmailKeys[slug] }),
			keyVersion: context.plan.keyVersion,
			locale: context.plan.locale,
			planTitle: context.plan.title,
			controls: {
				done: context.messages.feedback.markDone,
				'new-date': context.messages.feedback.proposeNewDate,
				comment: context.messages.feedback.comment,
				'new-action': context.messages.feedback.suggestAction,
				'new-risk': context.messages.feedback.flagRisk,
			},
			words: context.messages.feedbackEmail,
		},
	});
}
