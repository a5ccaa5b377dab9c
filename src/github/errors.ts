/** Turns Octokit's request errors into sentences a rep can act on. */

interface RequestErrorLike {
	status: number;
	message: string;
	response?: { headers?: Record<string, string | number | undefined> };
}

function isRequestError(error: unknown): error is RequestErrorLike {
	return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number';
}

function formatReset(reset: string | number | undefined): string {
	const seconds = Number(reset);
	if (!Number.isFinite(seconds) || seconds <= 0) return 'later';
	return `after ${new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')}`;
}

/** One sentence on what went wrong talking to GitHub about `owner/repo`, and what to do. */
export function describeGitHubError(error: unknown, { owner, repo }: { owner: string; repo: string }): string {
	const name = `${owner}/${repo}`;
	if (!isRequestError(error) || (error.status === 500 && error.response === undefined)) {
		const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
		return `Could not reach GitHub (${reason}); check the network connection and GITHUB_API_URL, then try again.`;
	}
	const headers = error.response?.headers ?? {};
	const isLimitStatus = error.status === 403 || error.status === 429;
	// GitHub's secondary limits (too many writes too fast) answer 403 or 429 with retry-after and requests still left.
	const retryAfter = headers['retry-after'] === undefined ? Number.NaN : Number(headers['retry-after']);
	switch (true) {
		case error.status === 401:
			return 'GitHub refused the token (401): GITHUB_TOKEN is missing, wrong or expired; create a new one.';
		case isLimitStatus && Number.isFinite(retryAfter) && retryAfter >= 0:
			return `GitHub asked to slow down (${error.status}, too many requests in a short time); wait ${retryAfter} seconds, then try again.`;
		case isLimitStatus && String(headers['x-ratelimit-remaining']) === '0':
			return `GitHub's rate limit for this token is used up (${error.status}); try again ${formatReset(headers['x-ratelimit-reset'])}.`;
		case error.status === 429:
			return 'GitHub is rate limiting this token (429); try again in a few minutes.';
		case error.status === 403:
			return `GitHub refused the request (403): the token may not read and write issues in ${name}; give it the "Issues: read and write" permission.`;
		case error.status === 404:
			return `GitHub found no repository ${name} (404): check GITHUB_REPOSITORY, and that the token can see the repository.`;
		case error.status >= 500:
			return `GitHub is not available right now (${error.status}); try again in a few minutes.`;
		default:
			return `GitHub answered ${error.status}: ${error.message}`;
	}
}
