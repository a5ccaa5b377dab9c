/** Where each deal's password comes from: the environment first, then the secrets file. */
import { SecretsFileSchema, type SecretsFile } from '../schema/secrets.ts';

/** The environment variable that holds a deal's password: `MAP_PASSWORD_<SLUG>`. */
export function getPasswordVariable(slug: string): string {
	return `MAP_PASSWORD_${slug.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Parses the secrets file's text; throws an Error whose message says what is wrong and how to fix it. */
export function parseSecretsFile(text: string | undefined): SecretsFile {
	if (text === undefined || text.trim() === '') return { passwords: {} };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new Error(`is not valid JSON (${(error as Error).message}); fix or move it and run again.`);
	}
	const result = SecretsFileSchema.safeParse(data);
	if (!result.success) {
		const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'} ${issue.message}`);
		throw new Error(`does not look like {"passwords": {"<slug>": "..."}}: ${issues.join('; ')}. Fix or move it and run again.`);
	}
	return result.data;
}

/** A gated deal with no password anywhere, and the variable that would supply it. */
export interface MissingPassword {
	slug: string;
	variable: string;
}

/** Where a deal's password was found: its environment variable or the secrets file. */
export type PasswordOrigin = 'env' | 'file';

/** Passwords for `slugs`, where each came from, and every slug that has none (a gated build must stop for those). */
export function resolvePasswords(
	slugs: readonly string[],
	env: Readonly<Record<string, string | undefined>>,
	file: SecretsFile,
): { passwords: Map<string, string>; origins: Map<string, PasswordOrigin>; missing: MissingPassword[] } {
	const passwords = new Map<string, string>();
	const origins = new Map<string, PasswordOrigin>();
	const missing: MissingPassword[] = [];
	for (const slug of slugs) {
		const variable = getPasswordVariable(slug);
		const password = env[variable] || file.passwords[slug];
		if (password) {
			passwords.set(slug, password);
			origins.set(slug, env[variable] ? 'env' : 'file');
		} else missing.push({ slug, variable });
	}
	return { passwords, origins, missing };
}

/** Names where a deal's password is set, as a rep would look for it. */
export function describePasswordOrigin(slug: string, origin: PasswordOrigin, secretsPath: string): string {
	return origin === 'env' ? getPasswordVariable(slug) : `"${slug}" under "passwords" in ${secretsPath}`;
}

/** One message for every missing password, naming the variable to set for each. */
export function describeMissingPasswords(missing: readonly MissingPassword[], secretsPath: string): string {
	const lines = missing.map(({ slug, variable }) => `  plans/${slug}.mdx: set ${variable}, or add "${slug}" under "passwords" in ${secretsPath}`);
	return [
		`${missing.length} gated plan${missing.length === 1 ? ' has' : 's have'} no password, so nothing was built:`,
		...lines,
		'A gated deal is never published readable. `npm run new` generates a password; in CI, store it as a secret.',
	].join('\n');
}
