/**
 * `npm run new -- <slug> --buyer "Northwind" --seller "Acme" [--template full|light] [--locale en|id]`:
 * writes plans/<slug>.mdx from a template and stores a fresh site password in mapsite.secrets.json.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { isRealIsoDate } from '../src/schema/date.ts';
import { createPassword, createPlanSource, findSlugProblem, updateSecrets } from '../src/lib/new-plan.ts';
import { getPlanTemplate, TEMPLATE_LOCALES, TEMPLATE_NAMES, type TemplateLocale, type TemplateName } from '../src/lib/plan-templates.ts';
import { getPasswordVariable } from '../src/lib/secrets.ts';
import { encodeBase64Url } from '../src/lib/crypto/index.ts';
import { InvalidTodayError, resolveToday } from '../src/node/today.ts';
import { FileExistsError, writeFileAtomic } from '../src/node/write-file-atomic.ts';

const USAGE =
	'Usage: npm run new -- <slug> --buyer "Northwind" --seller "Acme" [--template full|light] [--locale en|id] [--plans <dir>] [--secrets <file>] [--today YYYY-MM-DD]';

async function exists(path: string): Promise<boolean> {
	return stat(path).then(
		() => true,
		() => false,
	);
}

async function readIfExists(path: string): Promise<string | undefined> {
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
	return (allowed as readonly string[]).includes(value);
}

function fail(message: string): number {
	console.error(message);
	return 1;
}

async function main(): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: {
				buyer: { type: 'string' },
				seller: { type: 'string' },
				plans: { type: 'string', default: 'plans' },
				secrets: { type: 'string', default: 'mapsite.secrets.json' },
				today: { type: 'string' },
				template: { type: 'string', default: 'full' },
				locale: { type: 'string', default: 'en' },
			},
		});
	} catch (error) {
		return fail(`${(error as Error).message}\n    ${USAGE}`);
	}
	const { values, positionals } = parsed;
	const slug = positionals[0];
	if (slug === undefined || positionals.length > 1) return fail(`Give exactly one slug for the new plan.\n    ${USAGE}`);
	const slugProblem = findSlugProblem(slug);
	if (slugProblem) return fail(slugProblem);
	if (!values.buyer?.trim() || !values.seller?.trim()) return fail(`Name both companies with --buyer and --seller.\n    ${USAGE}`);
	let today: string;
	try {
		// MAP_TODAY, when set, makes `new` date the plan like the build and the report do.
		today = values.today ?? resolveToday();
	} catch (error) {
		if (error instanceof InvalidTodayError) return fail(error.message);
		throw error;
	}
	if (!isRealIsoDate(today)) return fail(`--today "${today}" is not a date written as YYYY-MM-DD.`);
	if (!isOneOf(values.template, TEMPLATE_NAMES)) {
		return fail(`--template "${values.template}" is not a template. Allowed values: ${TEMPLATE_NAMES.join(', ')} (light is one page of key next steps).`);
	}
	if (!isOneOf(values.locale, TEMPLATE_LOCALES)) {
		return fail(`--locale "${values.locale}" is not a template language. Allowed values: ${TEMPLATE_LOCALES.join(', ')}.`);
	}
	const template: TemplateName = values.template;
	const locale: TemplateLocale = values.locale;

	const planPath = join(values.plans, `${slug}.mdx`);
	const shownPath = relative(process.cwd(), planPath) || planPath;
	if (await exists(planPath)) {
		return fail(`${shownPath} already exists; nothing was changed.\n    Pick another slug, or edit the existing plan.`);
	}
	let secrets: ReturnType<typeof updateSecrets>;
	const password = createPassword();
	try {
		// Only a file without a site secret takes this one; the env variable still wins at build time.
		const siteSecret = process.env.MAP_SITE_SECRET?.trim() ? undefined : encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)));
		secrets = updateSecrets(await readIfExists(values.secrets), slug, password, siteSecret);
	} catch (error) {
		return fail(`${values.secrets} ${(error as Error).message}`);
	}

	await mkdir(values.plans, { recursive: true });
	try {
		await writeFileAtomic(planPath, createPlanSource({ slug, buyer: values.buyer.trim(), seller: values.seller.trim(), today, template, locale }), {
			exclusive: true,
		});
	} catch (error) {
		if (!(error instanceof FileExistsError)) throw error;
		return fail(`${shownPath} already exists; nothing was changed.\n    Pick another slug, or edit the existing plan.`);
	}
	await writeFileAtomic(values.secrets, secrets.text, { mode: 0o600 });

	const shownSecrets = relative(process.cwd(), values.secrets) || values.secrets;
	console.log(`Created plan "${slug}" in ${shownPath} (${template} template, ${locale === 'id' ? 'Indonesian' : 'English'}).`);
	console.log(`Site password: ${password}`);
	console.log(`    Stored in ${shownSecrets} under passwords.${slug} (git-ignored; keep it out of commits).`);
	console.log(`    For CI, set the repository secret ${getPasswordVariable(slug)} to the same password.`);
	if (secrets.isSiteSecretNew) {
		console.log(`Created the site secret in ${shownSecrets} (siteSecret): it derives every deal's address and key.`);
		console.log('    For CI, set the repository secret MAP_SITE_SECRET to the same value, and keep it: a new one changes every address.');
	}
	console.log('');
	console.log('Next steps:');
	console.log(`  1. Open ${shownPath} and replace every text between [[ and ]] with the real content.`);
	console.log(`     The people are stand-ins: write each real name, and rename the id (like ${getPlanTemplate(template, locale).people[0].id}) to match everywhere.`);
	console.log('  2. npm run check    lists every placeholder still left, with its line and field.');
	console.log('  3. npm run build    refuses to publish while any placeholder is left, then prints the deal\'s address.');
	console.log('');
	console.log('Send the buyer the link and the password through different channels,');
	console.log('for example the link by email and the password by phone or chat, so one leaked message is not enough.');
	return 0;
}

process.exitCode = await main();
