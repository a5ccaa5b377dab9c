/** Creates the secrets the demo needs, so `npm run demo` works on a fresh clone. */
import { readFile } from 'node:fs/promises';
import { encodeBase64Url } from '../lib/crypto/index.ts';
import { createPassword } from '../lib/new-plan.ts';
import { parseSecretsFile } from '../lib/secrets.ts';
import type { SecretsFile } from '../schema/secrets.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/**
 * Adds a site secret and a password for each of `slugs` that lacks one to the git-ignored
 * secrets file, keeping every existing entry; returns the file as it now stands and the slugs
 * that got a new password.
 */
export async function ensureDemoSecrets(path: string, slugs: readonly string[]): Promise<{ secrets: SecretsFile; created: string[] }> {
	const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return undefined;
		throw error;
	});
	const secrets = parseSecretsFile(text);
	const created = slugs.filter((slug) => !secrets.passwords[slug]);
	if (secrets.siteSecret && created.length === 0) return { secrets, created };
	const updated: SecretsFile = {
		...secrets,
		siteSecret: secrets.siteSecret ?? encodeBase64Url(crypto.getRandomValues(new Uint8Array(32))),
		passwords: { ...secrets.passwords, ...Object.fromEntries(created.map((slug) => [slug, createPassword()])) },
	};
	await writeFileAtomic(path, `${JSON.stringify(updated, null, '\t')}\n`, { mode: 0o600 });
	return { secrets: updated, created };
}
