/**
 * The words for deal passwords below the strength floor: where each is set and how to make a good one.
 * Finding them (weak-passwords.ts) loads the estimator; saying what was found does not.
 */
import { PASSWORD_FLOOR, type PasswordAssessment } from './password-policy.ts';
import type { Problem } from './problems.ts';
import type { PasswordOrigin } from './secrets.ts';

/** A gated deal's password and where it came from. */
export interface DealPassword {
	slug: string;
	/** The plan file, e.g. `plans/acme.mdx`. */
	file: string;
	password: string;
	origin: PasswordOrigin;
	/** Names a guesser knows from the plan: buyer and seller. */
	names: readonly string[];
}

/** A deal whose password is below the floor, with the estimator's findings. */
export interface WeakPassword extends PasswordAssessment {
	slug: string;
	file: string;
	/** The variable or secrets-file entry that holds it. */
	where: string;
}

/** How to get a password that passes; the same words for the build and `npm run check`. */
export const STRONG_PASSWORD_HINT = `Use ${PASSWORD_FLOOR.minLength}+ random characters, for example the output of \`openssl rand -base64 18\`, or four or more random words; \`npm run new\` makes one for each new deal.`;

/** What is wrong with one weak password, without quoting it. */
export function describeWeakness(weak: WeakPassword): string {
	const reasons: string[] = [];
	if (weak.length < PASSWORD_FLOOR.minLength) reasons.push(`it is ${weak.length} character${weak.length === 1 ? '' : 's'} long (at least ${PASSWORD_FLOOR.minLength} needed)`);
	if (weak.score < PASSWORD_FLOOR.minScore) reasons.push(`it scores ${weak.score} of 4 for how hard it is to guess (at least ${PASSWORD_FLOOR.minScore} needed)${weak.warning ? `: ${weak.warning}` : ''}`);
	return `${weak.where} is too easy to guess: ${reasons.join('; ')}`;
}

/** The build's refusal: one line per weak password, then why it matters and what to do. */
export function describeWeakPasswords(weak: readonly WeakPassword[]): string {
	return [
		`${weak.length} gated plan${weak.length === 1 ? ' has a password' : 's have passwords'} that could be guessed, so nothing was built:`,
		...weak.map((deal) => `  ${deal.file}: ${describeWeakness(deal)}`),
		'Anyone with the published page can try passwords offline, so a short or common one opens the whole plan.',
		STRONG_PASSWORD_HINT,
	].join('\n');
}

/** The same findings as `npm run check` problems. */
export function toWeakPasswordProblems(weak: readonly WeakPassword[]): Problem[] {
	return weak.map((deal) => ({ file: deal.file, path: '', message: `${describeWeakness(deal)}.`, hint: STRONG_PASSWORD_HINT, severity: 'error', code: 'weak-password' }));
}
