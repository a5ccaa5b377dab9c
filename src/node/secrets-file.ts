/** Reads the git-ignored secrets file and the site secret. */
import { readFile } from 'node:fs/promises';
import { decodeBase64Url } from '../lib/crypto/index.ts';
import { parseSecretsFile } from '../lib/secrets.ts';
import type { SecretsFile } from '../schema/secrets.ts';

/** Default location of the secrets file, relative to the project root. */
export const SECRETS_FILE = 'mapsite.secrets.json';

/** The parsed secrets file; a missing file is an empty one. Errors name the file. */
export async function readSecretsFile(path: string): Promise<SecretsFile> {
	let text: string | undefined;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	try {
		return parseSecretsFile(text);
	} catch (error) {
		throw new Error(`${path} ${(error as Error).message}`);
	}
}

/** The site secret from `MAP_SITE_SECRET` or the file, as bytes; `undefined` when neither has one. */
export function resolveSiteSecret(env: NodeJS.ProcessEnv, file: SecretsFile): Uint8Array | undefined {
	const text = env.MAP_SITE_SECRET?.trim() || file.siteSecret;
	if (!text) return undefined;
	const bytes = decodeBase64Url(text);
	if (bytes.length < 32) throw new Error('MAP_SITE_SECRET must be at least 32 random bytes written as base64url.');
	return bytes;
}
