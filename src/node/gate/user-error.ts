/** Errors the gate integration shows to a rep as they are, without a stack trace. */

/** An error whose message is the whole story; Astro would otherwise print a stack trace. */
export function userError(message: string): Error {
	const error = new Error(message);
	error.stack = message;
	return error;
}

/** Runs `work`, turning any failure into a userError with the same message. */
export async function asUserError<T>(work: () => T | Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw userError((error as Error).message);
	}
}
