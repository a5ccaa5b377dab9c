/**
 * The strength floor for deal passwords and the shape of a verdict, without the estimator: the
 * messages that explain a weak password need these, and should not load zxcvbn's dictionaries to
 * say so (password-strength.ts loads them, on use).
 */

/** The floor: at least this many characters and this zxcvbn score (0-4; 3 resists offline guessing of a slow hash). */
export const PASSWORD_FLOOR = { minLength: 12, minScore: 3 } as const;

/** What the estimator found for one password; no field holds the password itself. */
export interface PasswordAssessment {
	isStrongEnough: boolean;
	length: number;
	/** zxcvbn's score, 0 (guessed at once) to 4. */
	score: number;
	/** zxcvbn's reason it is weak, e.g. "This is a heavily used password.", when it has one. */
	warning?: string;
}
