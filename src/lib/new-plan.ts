/** Pure parts of `npm run new`: slug rules, the dated starting plan, the site password and the secrets file. */
import { stringify } from 'yaml';
import type { PlanInput } from '../schema/plan.ts';
import { formatDate } from '../i18n/format.ts';
import { addDays, maxDate, toDayNumber } from './dates.ts';
import { getPlanTemplate, type PlanTemplate, type TemplateLocale, type TemplateName, type TemplateStep } from './plan-templates.ts';
import { markPlaceholder } from './placeholders.ts';
import { parseSecretsFile } from './secrets.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why a slug cannot be used, or `undefined` when it can. */
export function findSlugProblem(slug: string): string | undefined {
	if (slug.length === 0) return 'The slug is empty; give the plan a name such as "northwind".';
	if (slug.length > 63) return `The slug "${slug}" is longer than 63 characters; use a shorter name.`;
	if (!SLUG.test(slug)) {
		return `The slug "${slug}" may use only lower-case letters, digits and single dashes between them, like "northwind-data-platform".`;
	}
	return undefined;
}

/** Whether `date` falls on a Saturday or Sunday. */
export function isWeekend(date: string): boolean {
	const weekday = (toDayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday
	return weekday === 0 || weekday === 6;
}

/** The date `workdays` weekdays after `date` (weekends skipped; public holidays are the rep's call). */
export function addWorkdays(date: string, workdays: number): string {
	let current = date;
	let left = workdays;
	while (left > 0) {
		current = addDays(current, 1);
		if (!isWeekend(current)) left--;
	}
	return current;
}

/** What the scaffolder needs to know. */
export interface NewPlanOptions {
	slug: string;
	buyer: string;
	seller: string;
	/** Day the plan starts, `YYYY-MM-DD`. */
	today: string;
	/** Defaults to `full`. */
	template?: TemplateName;
	/** Defaults to `en`. */
	locale?: TemplateLocale;
}

/** A template step with its dates. */
export interface DatedStep extends TemplateStep {
	start: string;
	due: string;
}

/**
 * Dates the steps so the plan is on time by construction: a step starts on the day its last
 * prerequisite is due (the next weekday after `today` when it has none) and is due `workdays`
 * weekdays later. The schedule projects each step to finish at its prerequisites' finish plus
 * its length, which is then exactly its due date: no slip, nothing at risk, on any day.
 */
export function dateTemplateSteps(steps: readonly TemplateStep[], today: string): DatedStep[] {
	const dueById = new Map<string, string>();
	return steps.map((step) => {
		const prerequisiteDues = step.dependsOn.map((id) => {
			const due = dueById.get(id);
			if (due === undefined) throw new Error(`Template step "${step.id}" depends on "${id}", which does not come before it.`);
			return due;
		});
		const start = prerequisiteDues.length > 0 ? prerequisiteDues.reduce(maxDate) : addWorkdays(today, 1);
		const due = addWorkdays(start, step.workdays);
		dueById.set(step.id, due);
		return { ...step, start, due };
	});
}

/** The frontmatter of a fresh plan from the chosen template, all `todo`, dated in weekdays from `today`. */
export function createPlanInput(options: NewPlanOptions): PlanInput {
	return createPlanInputFromTemplate(getPlanTemplate(options.template ?? 'full', options.locale ?? 'en'), options);
}

/**
 * {@link createPlanInput} for a template given as data, so a generator that extends a template's
 * steps or people (the benchmark's synthetic deals) writes plans the same way `npm run new` does.
 */
export function createPlanInputFromTemplate(template: PlanTemplate, { buyer, seller, today }: Pick<NewPlanOptions, 'buyer' | 'seller' | 'today'>): PlanInput {
	const steps = dateTemplateSteps(template.steps, today);
	const actions = steps.map((step) => ({
		id: step.id,
		title: step.title,
		side: step.side,
		owner: step.owner,
		start: step.start,
		due: step.due,
		status: 'todo' as const,
		...(step.milestone ? { milestone: step.milestone } : {}),
		...(step.dependsOn.length > 0 ? { dependsOn: step.dependsOn } : {}),
	}));
	const milestones = template.milestones.map((milestone) => ({
		...milestone,
		due: steps
			.filter((step) => step.milestone === milestone.id)
			.map((step) => step.due)
			.reduce(maxDate, today),
	}));
	const decisionDate = steps.find((step) => step.id === template.decisionStep)!.due;
	return {
		title: template.title(buyer, seller),
		...(template.locale === 'en' ? {} : { locale: template.locale }),
		buyer: { name: buyer },
		seller: { name: seller },
		brand: { primary: '#0b5fff' },
		decisionDate,
		status: 'active',
		access: 'gated',
		objective: {
			shared: template.sharedObjective(buyer, seller, formatDate(decisionDate, template.locale)),
			...(template.buyerObjective ? { buyer: template.buyerObjective(buyer) } : {}),
		},
		...(template.successCriteria.length > 0 ? { successCriteria: template.successCriteria } : {}),
		stakeholders: template.people.map((person) => ({
			id: person.id,
			name: markPlaceholder(person.name),
			role: person.role,
			side: person.side,
		})),
		...(milestones.length > 0 ? { milestones } : {}),
		actions,
		// The full plan shows where risks and check-ins go; the light one keeps to the steps.
		...(template.name === 'full' ? { risks: [], checkins: [] } : {}),
	};
}

/** The whole `plans/<slug>.mdx` text: frontmatter from {@link createPlanInput}, a comment on top and the body. */
export function createPlanSource(options: NewPlanOptions): string {
	const template = getPlanTemplate(options.template ?? 'full', options.locale ?? 'en');
	const yaml = stringify(createPlanInput(options), { lineWidth: 0 });
	const header = template.header(options.today).map((line) => `# ${line}`).join('\n');
	return `---\n${header}\n${yaml}---\n\n${template.body}`;
}

/** Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/l/I). */
export const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A random password from {@link PASSWORD_ALPHABET}. `fillRandom` is `crypto.getRandomValues`
 * by default; bytes at or above the largest multiple of the alphabet size are redrawn so
 * every character is equally likely.
 */
export function createPassword(
	length = 24,
	fillRandom: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
	const limit = 256 - (256 % PASSWORD_ALPHABET.length);
	let password = '';
	while (password.length < length) {
		for (const byte of fillRandom(new Uint8Array(length * 2))) {
			if (byte < limit && password.length < length) password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
		}
	}
	return password;
}

/**
 * The secrets file text with `slug`'s password set, keeping every other entry; `existing` is
 * the current text or `undefined` when there is no file yet. A file without a site secret gets
 * `siteSecret`, so the rep's first build has what it needs; an existing one is never replaced,
 * because it derives every deal's address and key. Throws on a file that is not the expected
 * JSON, so a hand-edited file is never silently replaced.
 */
export function updateSecrets(existing: string | undefined, slug: string, password: string, siteSecret?: string): { text: string; isSiteSecretNew: boolean } {
	const secrets = parseSecretsFile(existing);
	const isSiteSecretNew = secrets.siteSecret === undefined && siteSecret !== undefined;
	const updated = { ...secrets, ...(isSiteSecretNew ? { siteSecret } : {}), passwords: { ...secrets.passwords, [slug]: password } };
	return { text: `${JSON.stringify(updated, null, '\t')}\n`, isSiteSecretNew };
}
