/** The relay's check against revoked tokens: a deal's current key version, read from its plan in the repository. */

import type { Octokit } from '@octokit/rest';
import { readPlanKeyVersion } from '../lib/plan-key-version.ts';

/** Where the plans live, and the client that reads them. */
export interface GitHubKeyVersionOptions {
	octokit: Octokit;
	owner: string;
	repo: string;
	/** The folder of the plan files in the repository, `plans` unless the site sets MAPSITE_PLANS. */
	plansDir: string;
}

/** Reads a deal's current key version; undefined when the repository has no readable plan for it. */
export type KeyVersionReader = (slug: string) => Promise<number | undefined>;

function isNotFound(error: unknown): boolean {
	return typeof error === 'object' && error !== null && 'status' in error && error.status === 404;
}

/**
 * Returns a reader of `<plansDir>/<slug>.mdx` on the default branch; a missing plan reads as undefined
 * (the deal was removed, so its tokens are revoked too), other GitHub errors are thrown.
 */
export function createGitHubKeyVersionReader({ octokit, owner, repo, plansDir }: GitHubKeyVersionOptions): KeyVersionReader {
	const folder = plansDir.replace(/^\.?\/+|\/+$/g, '');
	return async (slug) => {
		let source: unknown;
		try {
			// The raw media type returns the file's text, not base64 inside JSON.
			({ data: source } = await octokit.rest.repos.getContent({ owner, repo, path: `${folder}/${slug}.mdx`, mediaType: { format: 'raw' } }));
		} catch (error) {
			if (isNotFound(error)) return undefined;
			throw new Error(`Could not read ${folder}/${slug}.mdx from ${owner}/${repo} to check the deal's key version.`, { cause: error });
		}
		return typeof source === 'string' ? readPlanKeyVersion(source) : undefined;
	};
}
