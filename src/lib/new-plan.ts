/** Pure parts of `npm run new`: slug rules, the starting plan, the site password and the secrets file. */
import { stringify } from 'yaml';
import type { PlanInput } from '../schema/plan.ts';
import { addDays, toDayNumber } from './dates.ts';
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
}

interface Step {
	id: string;
	title: string;
	side: 'buyer' | 'seller';
	owner: string;
	/** Weekdays from today to the start and the due date. */
	start: number;
	due: number;
	milestone: string;
	dependsOn: string[];
}

// Durations follow a typical mid-market evaluation: security and legal run in parallel and take
// the longest, and a week of buffer sits between procurement and the decision for signatures.
const STEPS: Step[] = [
	{ id: 'discovery', title: 'Discovery call: goals, current setup and success criteria', side: 'seller', owner: 'account-executive', start: 1, due: 3, milestone: 'evaluation-agreed', dependsOn: [] },
	{ id: 'demo', title: 'Tailored demo for the evaluation team', side: 'seller', owner: 'solutions-engineer', start: 4, due: 8, milestone: 'evaluation-agreed', dependsOn: ['discovery'] },
	{ id: 'technical-validation', title: 'Technical validation against the success criteria', side: 'buyer', owner: 'technical-lead', start: 9, due: 23, milestone: 'solution-validated', dependsOn: ['demo'] },
	{ id: 'security-review', title: 'Security review and questionnaire', side: 'buyer', owner: 'security-lead', start: 9, due: 24, milestone: 'solution-validated', dependsOn: ['demo'] },
	{ id: 'references', title: 'Reference calls with two similar customers', side: 'seller', owner: 'account-executive', start: 9, due: 18, milestone: 'solution-validated', dependsOn: ['demo'] },
	{ id: 'business-case', title: 'Business case and budget approval', side: 'buyer', owner: 'champion', start: 19, due: 28, milestone: 'solution-validated', dependsOn: ['technical-validation', 'references'] },
	{ id: 'legal-review', title: 'Contract and data processing agreement review', side: 'buyer', owner: 'legal-counsel', start: 25, due: 38, milestone: 'contract-agreed', dependsOn: ['security-review', 'business-case'] },
	{ id: 'procurement', title: 'Procurement: vendor onboarding and purchase order', side: 'buyer', owner: 'procurement-lead', start: 33, due: 43, milestone: 'contract-agreed', dependsOn: ['legal-review'] },
	{ id: 'decision', title: 'Final decision and signature', side: 'buyer', owner: 'executive-sponsor', start: 44, due: 48, milestone: 'decision', dependsOn: ['procurement'] },
	{ id: 'implementation-planning', title: 'Implementation plan and kickoff date', side: 'seller', owner: 'solutions-engineer', start: 49, due: 55, milestone: 'kickoff-ready', dependsOn: ['decision'] },
];

const MILESTONES = [
	{ id: 'evaluation-agreed', title: 'Evaluation scope agreed' },
	{ id: 'solution-validated', title: 'Solution validated' },
	{ id: 'contract-agreed', title: 'Contract agreed' },
	{ id: 'decision', title: 'Decision' },
	{ id: 'kickoff-ready', title: 'Ready to kick off' },
];

const STAKEHOLDERS = [
	{ id: 'champion', role: 'Champion, runs the evaluation', side: 'buyer' },
	{ id: 'executive-sponsor', role: 'Executive sponsor, signs the decision', side: 'buyer' },
	{ id: 'technical-lead', role: 'Technical lead, owns the validation', side: 'buyer' },
	{ id: 'security-lead', role: 'Security lead, signs off security', side: 'buyer' },
	{ id: 'legal-counsel', role: 'Legal counsel', side: 'buyer' },
	{ id: 'procurement-lead', role: 'Procurement', side: 'buyer' },
	{ id: 'account-executive', role: 'Account executive', side: 'seller' },
	{ id: 'solutions-engineer', role: 'Solutions engineer', side: 'seller' },
] as const;

/** The frontmatter of a fresh plan: typical evaluation steps, all `todo`, dated in weekdays from `today`. */
export function createPlanInput(options: NewPlanOptions): PlanInput {
	const { buyer, seller, today } = options;
	const actions = STEPS.map((step) => ({
		id: step.id,
		title: step.title,
		side: step.side,
		owner: step.owner,
		start: addWorkdays(today, step.start),
		due: addWorkdays(today, step.due),
		status: 'todo' as const,
		milestone: step.milestone,
		dependsOn: step.dependsOn,
	}));
	const milestones = MILESTONES.map((milestone) => ({
		...milestone,
		due: actions.filter((a) => a.milestone === milestone.id).reduce((latest, a) => (a.due > latest ? a.due : latest), today),
	}));
	const decisionDate = milestones.find((m) => m.id === 'decision')!.due;
	return {
		title: `${buyer} x ${seller}: evaluation plan`,
		buyer: { name: buyer },
		seller: { name: seller },
		brand: { primary: '#0b5fff' },
		decisionDate,
		status: 'active',
		access: 'gated',
		objective: { shared: `Decide together whether ${seller} is the right fit for ${buyer}, by ${decisionDate}.` },
		successCriteria: ['Replace with the first criterion both sides agreed on'],
		stakeholders: STAKEHOLDERS.map((person) => ({
			id: person.id,
			name: `${person.side === 'buyer' ? buyer : seller} ${person.role.split(',')[0].toLowerCase()} (name to fill in)`,
			role: person.role,
			side: person.side,
		})),
		milestones,
		actions,
		risks: [],
		checkins: [],
	};
}

/** The whole `plans/<slug>.mdx` text: frontmatter from {@link createPlanInput} and a short body. */
export function createPlanSource(options: NewPlanOptions): string {
	const yaml = stringify(createPlanInput(options), { lineWidth: 0 });
	return `---
# Created by \`npm run new\` on ${options.today}. Replace the placeholders, then run \`npm run check\`.
${yaml}---

## Why we are working together

Write a few sentences in the buyer's own words: the problem, why now, and what a good outcome looks like.
`;
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
 * the current text or `undefined` when there is no file yet. Throws on a file that is not the
 * expected JSON, so a hand-edited file is never silently replaced.
 */
export function updateSecrets(existing: string | undefined, slug: string, password: string): string {
	const secrets = parseSecretsFile(existing);
	return `${JSON.stringify({ ...secrets, passwords: { ...secrets.passwords, [slug]: password } }, null, '\t')}\n`;
}
