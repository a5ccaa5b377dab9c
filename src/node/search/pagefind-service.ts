/** Shared use of Pagefind's service: one background process for every index, closed when the last user is done. */
import * as pagefind from 'pagefind';

let users = 0;

/**
 * Runs `work` with a fresh Pagefind index and always deletes it afterwards; the service itself is
 * closed once no other build is using it, so concurrent deal builds never lose their index.
 * `what` names the job in errors ("build the search index").
 */
export function withPagefindIndex<T>(what: string, config: pagefind.PagefindServiceConfig, work: (index: pagefind.PagefindIndex) => Promise<T>): Promise<T> {
	return holdPagefindService(async () => {
		const created = await pagefind.createIndex(config);
		throwOnPagefindErrors(what, 'create the index', created.errors);
		if (!created.index) throw new Error(`Failed to ${what}: Pagefind returned neither an index nor an error.`);
		try {
			return await work(created.index);
		} finally {
			await created.index.deleteIndex();
		}
	});
}

/**
 * Keeps Pagefind's service running for all of `work`, so the indexes `work` builds one after
 * another share one process instead of starting a new one each time the count of users falls to
 * zero (at 200 deals, publishing in batches started it once a batch).
 */
export async function holdPagefindService<T>(work: () => Promise<T>): Promise<T> {
	users++;
	try {
		return await work();
	} finally {
		users--;
		if (users === 0) await pagefind.close();
	}
}

/** Throws one error listing every message of a Pagefind response, if it has any. */
export function throwOnPagefindErrors(what: string, step: string, errors: readonly string[]): void {
	if (errors.length > 0) throw new Error(`Failed to ${what}: Pagefind could not ${step}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
}
