/**
 * Says what `sanitizePlanBody` would remove from a piece of markup and why, so `npm run check` can
 * name it. Whether something is removed is decided by the sanitiser itself (each tag and attribute
 * is run through it on its own); this file only puts the reason into words.
 */
import sanitizeHtml from 'sanitize-html';
import { KEEP_EVERYTHING_POLICY, LINK_SCHEMES, PLAN_BODY_POLICY, REQUIRED_ATTRIBUTES } from './plan-body-policy.ts';

/** One tag or attribute the sanitiser would remove. */
export interface UnsafeMarkup {
	/** The tag, lower case, e.g. `img`. */
	tag: string;
	/** The attribute, when the tag itself may stay. */
	attribute?: string;
	/** The attribute's value as the browser reads it (entities decoded). */
	value?: string;
	/** Why it cannot stay, as the end of a sentence. */
	reason: string;
}

interface OpenTag {
	name: string;
	attribs: Record<string, string>;
}

const URL_ATTRIBUTES = new Set(PLAN_BODY_POLICY.allowedSchemesAppliedToAttributes);

const TAG_REASONS: Record<string, string> = {
	script: 'runs code in the buyer\'s browser',
	style: 'restyles the whole site',
	link: 'loads another file into the page',
	iframe: 'embeds another page',
	frame: 'embeds another page',
	object: 'embeds a plugin or another page',
	embed: 'embeds a plugin or another page',
	form: 'could send what a buyer types to another site',
	button: 'is a form control, and plans carry no forms',
	textarea: 'is a form control, and plans carry no forms',
	select: 'is a form control, and plans carry no forms',
	base: 'changes where every link of the page points',
	meta: 'can send the page somewhere else',
	svg: 'can carry scripts and event handlers',
	math: 'can carry scripts and links',
	template: 'hides markup the page could bring to life',
};

/** The tags and attributes in `html` that the plan-body sanitiser would remove, in document order. */
export function findUnsafeMarkup(html: string): UnsafeMarkup[] {
	const tags: OpenTag[] = [];
	sanitizeHtml(html, { ...KEEP_EVERYTHING_POLICY, onOpenTag: (name, attribs) => tags.push({ name, attribs: { ...attribs } }) });
	const found: UnsafeMarkup[] = [];
	for (const { name, attribs } of tags) {
		const required = REQUIRED_ATTRIBUTES[name];
		if (!isKept(`<${name}${required ? ` ${required}` : ''}></${name}>`)) {
			found.push({ tag: name, reason: TAG_REASONS[name] ?? 'is not something a plan narrative may use' });
			continue;
		}
		for (const [attribute, value] of Object.entries(attribs)) {
			const others = required && !required.startsWith(`${attribute}=`) ? ` ${required}` : '';
			if (isKept(`<${name}${others} ${attribute}="${escapeAttribute(value)}"></${name}>`)) continue;
			found.push({ tag: name, attribute, value, reason: explainAttribute(name, attribute, value) });
		}
	}
	return found;
}

// Kept when the policy leaves the markup exactly as a keep-everything pass serialises it.
function isKept(markup: string): boolean {
	const kept = sanitizeHtml(markup, PLAN_BODY_POLICY);
	return kept !== '' && kept === sanitizeHtml(markup, KEEP_EVERYTHING_POLICY);
}

function explainAttribute(tag: string, attribute: string, value: string): string {
	if (/^on/i.test(attribute)) return 'is an event handler, which runs code';
	if (attribute === 'style') return 'is an inline style, which could cover or imitate the page';
	if (attribute === 'class') return `names a class the site does not offer to plans (${JSON.stringify(value)})`;
	if (attribute === 'src' && tag === 'img') return 'must be an image file of the plan (a path next to the plan file), not a web address or data URL';
	const allowedValues = findAllowedValues(tag, attribute);
	if (allowedValues) return `may only be ${allowedValues.map((allowed) => JSON.stringify(allowed)).join(' or ')} on <${tag}>`;
	if (URL_ATTRIBUTES.has(attribute)) return `is not a web (${LINK_SCHEMES.slice(0, 2).join(', ')}), email (${LINK_SCHEMES[2]}:) or relative link`;
	return `is not an attribute <${tag}> may carry in a plan`;
}

// The values the policy allows for `attribute` on `tag`, when it lists them.
function findAllowedValues(tag: string, attribute: string): string[] | undefined {
	const allowed = PLAN_BODY_POLICY.allowedAttributes === false ? undefined : PLAN_BODY_POLICY.allowedAttributes?.[tag];
	for (const entry of allowed ?? []) if (typeof entry === 'object' && entry.name === attribute) return entry.values;
	return undefined;
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
