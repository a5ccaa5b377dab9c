/** Every word the gate shows a visitor, so a caller can translate the shell and the loader together. */

/** Words in the shell's markup. */
export interface GateShellLabels {
	heading: string;
	/** One line under the heading: what to type. */
	intro: string;
	password: string;
	remember: string;
	/** One line under the checkbox: what remembering does and when not to. */
	rememberHint: string;
	unlock: string;
	/** Shown inside `<noscript>`: the page cannot open without JavaScript. */
	noscript: string;
}

/** Messages the loader writes into the live region; `{seconds}` is replaced with the wait. */
export interface GateMessages {
	unlocking: string;
	wrongPassword: string;
	wait: string;
	/** The wait message for exactly one second. */
	waitOne: string;
	integrity: string;
	badFormat: string;
	linkKeyFailed: string;
	network: string;
	insecureContext: string;
	shareCopied: string;
	shareFailed: string;
	/** The page opened with a remembered key, whose bytes cannot be read to build a share link. */
	shareNeedsPassword: string;
	/** A calendar or other file of the plan could not be fetched or opened. */
	fileFailed: string;
}

/** All labels renderGateShell needs. */
export interface GateLabels extends GateShellLabels {
	messages: GateMessages;
}

/** English labels, the default when a locale has none of its own. */
export const ENGLISH_GATE_LABELS: GateLabels = {
	heading: 'This plan is protected',
	intro: 'Enter the password you were given to open it.',
	password: 'Password',
	remember: 'Remember this device',
	rememberHint: 'Keeps the plan open in this browser until you press Lock.',
	unlock: 'Unlock',
	noscript: 'This page needs JavaScript to open. Turn JavaScript on and reload the page.',
	messages: {
		unlocking: 'Unlocking…',
		wrongPassword: 'That password is not right for this plan. Check it and try again.',
		wait: 'Too many tries. Wait {seconds} seconds before trying again.',
		waitOne: 'Too many tries. Wait 1 second before trying again.',
		integrity: 'This page failed its integrity check: it was changed or belongs to another plan. Nothing was shown.',
		badFormat: 'This page is damaged or from another version of the site. Nothing was shown.',
		linkKeyFailed: 'This link does not open this page. Enter the password instead.',
		network: 'The page could not be loaded. Check your connection and try again.',
		insecureContext: 'This page must be opened over HTTPS (or on localhost) to unlock.',
		shareCopied: 'Share link copied. Anyone with this link can open the plan.',
		shareFailed: 'The share link could not be copied.',
		shareNeedsPassword: 'To copy a share link, open the plan with its password: press Lock, then unlock.',
		fileFailed: 'The file could not be downloaded. Check your connection and try again.',
	},
};
