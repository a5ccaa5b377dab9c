/** `npm run feedback -- --from-email <file|->`: applies one pasted feedback email to its plan. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkPlanSource, getPlanSlug } from '../../lib/check/index.ts';
import { readFeedbackEmail } from '../../lib/feedback/email/read-email.ts';
import { ALREADY_APPLIED, applyFeedback } from '../../lib/feedback/merge/apply-feedback.ts';
import { loadPlans } from '../load-plans.ts';
import { readSecretsFile, resolveSiteSecret, SECRETS_FILE } from '../secrets-file.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';

/** The most text read from a paste: a long thread quoting the email is still far below it. */
const EMAIL_TEXT_LIMIT = 1024 * 1024;

/** What the step needs; `readInput` reads the file or standard input. */
export interface ApplyEmailContext {
	source: string;
	plansDir: string;
	env: Readonly<Record<string, string | undefined>>;
	cwd: string;
	readInput: (source: string) => Promise<string>;
	log: (line: string) => void;
	error: (line: string) => void;
}

/** Reads `source` ('-' for standard input) as UTF-8 text. */
export async function readEmailInput(source: string): Promise<string> {
	if (source !== '-') return readFile(source, 'utf8');
	let text = '';
	for await (const chunk of process.stdin) {
		text += chunk;
		if (text.length > EMAIL_TEXT_LIMIT) break;
	}
	return text;
}

/** Applies the email; returns the exit code. Says what changed, or why nothing did. */
export async function applyFeedbackEmail(context: ApplyEmailContext): Promise<number> {
	const from = context.source === '-' ? 'the pasted email' : context.source;
	let text: string;
	try {
		text = await context.readInput(context.source);
	} catch (error) {
		context.error(`Could not read ${from}: ${(error as Error).message}. Pass a file saved from the email app, or - to paste it.`);
		return 1;
	}
	if (text.length > EMAIL_TEXT_LIMIT) {
		context.error(`${from} is over ${EMAIL_TEXT_LIMIT / 1024} KB; save only the feedback email, not the whole mailbox.`);
		return 1;
	}
	const secretsPath = context.env.MAPSITE_SECRETS ?? join(context.cwd, SECRETS_FILE);
	const siteSecret = resolveSiteSecret(context.env as NodeJS.ProcessEnv, await readSecretsFile(secretsPath));
	if (siteSecret === undefined) {
		context.error(`No site secret, so the email's signature cannot be checked. Set MAP_SITE_SECRET, or add "siteSecret" to ${SECRETS_FILE}: the secret the site is built with.`);
		return 1;
	}
	const sources = await loadPlans(context.plansDir, context.cwd);
	const plans = sources.map(({ file, source }) => {
		const plan = checkPlanSource(file, source).plan;
		return { slug: getPlanSlug(file), file, keyVersion: plan?.keyVersion ?? 1, source };
	});
	const read = await readFeedbackEmail(text, { plans, siteSecret });
	if (!read.ok) {
		context.error(`${from} was not applied:\n${read.problems.map((problem) => `  ${problem}`).join('\n')}`);
		return 1;
	}
	const plan = plans.find((candidate) => candidate.file === read.plan.file)!;
	const result = applyFeedback(plan.source, read.form, read.ref, { file: plan.file });
	if (!result.ok) {
		if (result.reason === ALREADY_APPLIED) {
			context.log(`${plan.file}: this email is already in the plan; nothing was changed.`);
			return 0;
		}
		context.error(`${from} was not applied; ${plan.file} is unchanged:\n  ${result.reason.replace(/\n/g, '\n  ')}`);
		return 1;
	}
	await writeFileAtomic(resolve(context.cwd, plan.file), result.source);
	context.log(`${plan.file}\n  ${result.summary}\nReview the change (git diff), then commit it to publish.`);
	return 0;
}
