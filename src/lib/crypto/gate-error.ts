/** The one error type the gate shows to a visitor, with a stable code for the UI and tests. */

/** Why the gate refused: not our format, failed authentication, or the password did not open the key. */
export type GateErrorCode = 'bad-format' | 'auth-failed' | 'wrong-password';

const MESSAGES: Record<GateErrorCode, string> = {
	'bad-format': 'This file is not a protected mapsite file: it is damaged, incomplete or from another version.',
	'auth-failed': 'This file failed its integrity check: it was changed or belongs to another deal.',
	'wrong-password': 'That password is not right for this deal. Check it and try again.',
};

/** A refusal by the gate; `message` is written for the visitor, `code` is for code. */
export class GateError extends Error {
	readonly code: GateErrorCode;

	constructor(code: GateErrorCode, options?: ErrorOptions) {
		super(MESSAGES[code], options);
		this.name = 'GateError';
		this.code = code;
	}
}
