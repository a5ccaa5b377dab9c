/**
 * `npm run new -- <slug> --buyer "Northwind" --seller "Acme"`: writes plans/<slug>.mdx from the
 * evaluation template and stores a fresh site password in mapsite.secrets.json.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { formatUtcDate } from '../src/lib/dates.ts';
import { isRealIsoDate } from '../src/schema/date.ts';
import { createPassword, createPlanSource, findSlugProblem, updateSecrets } from '../src/lib/new-plan.ts';
import { FileExistsError, writeFileAtomic } from '../src/node/write-file-atomic.ts';

const USAGE = 'Usage: npm run new -- <slug> --buyer "Northwind" --seller "Acme" [--plans <dir>] [--secrets <file>] [--today YYYY-MM-DD]';

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
	const today = values.today ?? formatUtcDate(new Date());
	if (!isRealIsoDate(today)) return fail(`--today "${today}" is not a date written as YYYY-MM-DD.`);

	const planPath = join(values.plans, `${slug}.mdx`);
	const shownPath = relative(process.cwd(), planPath) || planPath;
	if (await exists(planPath)) {
		return fail(`${shownPath} already exists; nothing was changed.\n    Pick another slug, or edit the existing plan.`);
	}
	let secretsText: string;
	const password = createPassword();
	try {
		secretsText = updateSecrets(await readIfExists(values.secrets), slug, password);
	} catch (error) {
		return fail(`${values.secrets} ${(error as Error).message}`);
	}

	await mkdir(values.plans, { recursive: true });
	try {
		await writeFileAtomic(planPath, createPlanSource({ slug, buyer: values.buyer.trim(), seller: values.seller.trim(), today }), {
			exclusive: true,
		});
	} catch (error) {
		if (!(error instanceof FileExistsError)) throw error;
		return fail(`${shownPath} already exists; nothing was changed.\n    Pick another slug, or edit the existing plan.`);
	}
	await writeFileAtomic(values.secrets, secretsText, { mode: 0o600 });

	console.log(`Created plan "${slug}" in ${shownPath}.`);
	console.log(`Site password: ${password}`);
	console.log(`    Stored in ${values.secrets} (git-ignored; keep it out of commits).`);
	console.log('');
	console.log('Next: replace the placeholders, run `npm run check`, then `npm run build`.');
	console.log('Send the buyer the link and the password through different channels,');
	console.log('for example the link by email and the password by phone or chat, so one leaked message is not enough.');
	return 0;
}

process.exitCode = await main();
