/**
 * Scores deal passwords against the strength floor. Anyone with the public shell page can guess passwords
 * offline at one PBKDF2-600k per guess (about 0.1 s a core), so a short or common password falls
 * in seconds. zxcvbn-ts (a kept estimator, pure JS) scores how guessable a password is from
 * dictionaries of common passwords, words, names and keyboard patterns; the floor (password-policy.ts)
 * adds a length. Importing this module loads those dictionaries: import it only where a password is scored.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as commonLanguage from '@zxcvbn-ts/language-common';
import * as englishLanguage from '@zxcvbn-ts/language-en';
import { PASSWORD_FLOOR, type PasswordAssessment } from './password-policy.ts';

let estimator: ZxcvbnFactory | undefined;

function getEstimator(): ZxcvbnFactory {
	// Built on first use: loading the dictionaries costs about a second, wasted on a build with no gated deal.
	estimator ??= new ZxcvbnFactory({
		dictionary: { ...commonLanguage.dictionary, ...englishLanguage.dictionary },
		graphs: commonLanguage.adjacencyGraphs,
		translations: englishLanguage.translations,
		// The default (100) tries so many l33t readings of a long random password that one check
		// takes a third of a second; 4 still reads "p@ssw0rd" as "password".
		l33tMaxSubstitutions: 4,
	});
	return estimator;
}

/**
 * Scores `password` against the floor. `relatedWords` (slug parts, company names) count as known
 * to an attacker, so "acme-2026-password" for the Acme deal scores as weak as it is.
 */
export function assessPassword(password: string, relatedWords: readonly string[] = []): PasswordAssessment {
	const length = [...password].length;
	const result: ZxcvbnResult = getEstimator().check(password, relatedWords.filter((word) => word.length > 0));
	return {
		isStrongEnough: length >= PASSWORD_FLOOR.minLength && result.score >= PASSWORD_FLOOR.minScore,
		length,
		score: result.score,
		warning: result.feedback.warning ?? undefined,
	};
}

/** The words of a deal that a guesser would try first: slug parts and the companies' names. */
export function collectRelatedWords(slug: string, names: readonly string[]): string[] {
	return [...new Set([slug, ...slug.split('-'), ...names, ...names.flatMap((name) => name.split(/\s+/))].map((word) => word.toLowerCase()).filter((word) => word.length >= 3))];
}
