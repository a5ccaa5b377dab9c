/** The rendered narrative of a plan, cut down to what `PLAN_BODY_POLICY` allows, so nothing in it can run. */
import sanitizeHtml from 'sanitize-html';
import { PLAN_BODY_POLICY } from './plan-body-policy.ts';

/**
 * `html` (the MDX body as Astro rendered it) with every tag, attribute, URL, class and style the
 * policy does not allow removed. Plan text is data: this is the wall that holds whether or not
 * the check ran (the check refuses the same markup, with a message, before anything renders).
 */
export function sanitizePlanBody(html: string): string {
	return sanitizeHtml(html, PLAN_BODY_POLICY);
}
