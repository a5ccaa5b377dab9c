/**
 * `npm run feedback [-- --apply] [-- --plans <dir>]`: merges open plan-feedback issues into the plans.
 * `npm run feedback -- --from-email <file|->`: applies one feedback email (saved or pasted) instead; needs only the site secret.
 * Without --apply it only prints what would change. Set GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name);
 * optionally GITHUB_API_URL and MAP_FEEDBACK_TRUSTED (logins whose issues are applied, e.g. the relay's bot).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Octokit } from '@octokit/rest';
import { describeGitHubError } from '../src/github/errors.ts';
import { closeIssue, commentOnIssue, labelIssue, listFeedbackIssues } from '../src/github/feedback-issues.ts';
import { parseTrustedAuthors, planFeedbackMerge, TRUSTED_LABEL, type IssueOutcome } from '../src/lib/feedback/merge/plan-merge.ts';
import { loadPlans, PlansFolderMissingError } from '../src/node/load-plans.ts';
import { writeFileAtomic } from '../src/node/write-file-atomic.ts';
import { acquireLock, LockedError } from '../src/node/run-lock.ts';
import { applyFeedbackEmail, readEmailInput } from '../src/node/feedback-email/apply-email.ts';

const TEMPLATE_URL = new URL('../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url);
const NEEDS_REP = 'needs-rep';

function describeOutcome(outcome: IssueOutcome, isApplying: boolean): string {
	const { number, author } = outcome.issue;
	switch (outcome.kind) {
		case 'applied':
			return `  #${number} ${outcome.summary}`;
		case 'already-applied':
			return `  #${number} is already in the plan; the issue ${isApplying ? 'was' : 'will be'} closed.`;
		case 'rejected':
			return `#${number} ${isApplying ? 'was' : 'will be'} labelled ${NEEDS_REP}: ${outcome.reason.replace(/\n/g, '\n  ')}`;
		case 'untrusted':
			return `#${number} by ${author} is not trusted, left alone; add the ${TRUSTED_LABEL} label or list ${author} in MAP_FEEDBACK_TRUSTED.`;
	}
}

function printOutcomes(outcomes: IssueOutcome[], isApplying: boolean): void {
	const byFile = new Map<string, IssueOutcome[]>();
	const others: IssueOutcome[] = [];
	for (const outcome of outcomes) {
		if (outcome.kind === 'applied' || outcome.kind === 'already-applied') {
			byFile.set(outcome.file, [...(byFile.get(outcome.file) ?? []), outcome]);
		} else {
			others.push(outcome);
		}
	}
	for (const [file, list] of byFile) console.log(`${file}\n${list.map((outcome) => describeOutcome(outcome, isApplying)).join('\n')}`);
	for (const outcome of others) console.log(describeOutcome(outcome, isApplying));
}

async function answerIssue(octokit: Octokit, repo: { owner: string; repo: string }, outcome: IssueOutcome): Promise<void> {
	const number = outcome.issue.number;
	if (outcome.kind === 'applied' || outcome.kind === 'already-applied') {
		if (outcome.kind === 'applied') await writeFileAtomic(resolve(outcome.file), outcome.source);
		const what = outcome.kind === 'applied' ? outcome.summary : 'This feedback was already in the plan.';
		await commentOnIssue(octokit, { ...repo, number, body: `Applied to \`${outcome.file}\`: ${what}` });
		await closeIssue(octokit, { ...repo, number });
	} else if (outcome.kind === 'rejected') {
		const body = `This feedback could not be applied automatically; a rep will look at it.\n\n\`\`\`text\n${outcome.reason}\n\`\`\``;
		await commentOnIssue(octokit, { ...repo, number, body, step: NEEDS_REP });
		await labelIssue(octokit, { ...repo, number, labels: [NEEDS_REP] });
	}
}

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: { apply: { type: 'boolean', default: false }, plans: { type: 'string', default: 'plans' }, 'from-email': { type: 'string' } },
	});
	if (values['from-email'] !== undefined) {
		return applyFeedbackEmail({
			source: values['from-email'],
			plansDir: values.plans,
			env: process.env,
			cwd: process.cwd(),
			readInput: readEmailInput,
			log: (line) => console.log(line),
			error: (line) => console.error(line),
		});
	}
	const token = process.env.GITHUB_TOKEN ?? '';
	const [owner = '', name = '', ...rest] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
	const problems = [
		...(token === '' ? ['GITHUB_TOKEN is not set; use a token that may read, comment on and close issues in the plans repository.'] : []),
		...(owner === '' || name === '' || rest.length > 0 ? ['GITHUB_REPOSITORY is not set as owner/repo, for example acme/plans.'] : []),
	];
	if (problems.length > 0) {
		console.error(`The feedback merge cannot start:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
		return 1;
	}
	const repo = { owner, repo: name };
	const octokit = new Octokit({
		auth: token,
		baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
		log: { debug() {}, info() {}, warn() {}, error() {} },
	});
	const isApplying = values.apply;
	// Two merges writing the same plans would race; the lock makes the second one stop untouched.
	let release = async () => {};
	if (isApplying) {
		try {
			release = await acquireLock(join('.mapsite', 'locks', `feedback-${createHash('sha256').update(resolve(values.plans)).digest('hex').slice(0, 16)}.lock`), '`npm run feedback -- --apply` on these plans');
		} catch (error) {
			if (!(error instanceof LockedError)) throw error;
			console.error(error.message);
			return 1;
		}
	}
	try {
		const [issues, plans, template] = await Promise.all([
			listFeedbackIssues(octokit, repo),
			loadPlans(values.plans),
			readFile(TEMPLATE_URL, 'utf8'),
		]);
		const outcomes = planFeedbackMerge({ issues, plans, template, trustedAuthors: parseTrustedAuthors(process.env.MAP_FEEDBACK_TRUSTED) });
		const count = `${issues.length} open feedback ${issues.length === 1 ? 'issue' : 'issues'} in ${owner}/${name}`;
		console.log(isApplying ? `${count}:` : `${count} (dry run; add --apply to change plans and issues):`);
		// Each plan is written right before its issue is answered, so a failure part-way leaves every
		// plan either as it was or with whole, checked changes that feedback.applied records.
		if (isApplying) for (const outcome of outcomes) await answerIssue(octokit, repo, outcome);
		printOutcomes(outcomes, isApplying);
		return 0;
	} catch (error) {
		if (error instanceof PlansFolderMissingError) {
			console.error(`${error.message} Pass the folder with --plans <dir>.`);
			return 1;
		}
		if (error instanceof Error && 'status' in error) {
			console.error(describeGitHubError(error, repo));
			return 1;
		}
		throw error;
	} finally {
		await release();
	}
}

main().then(
	(code) => {
		if (code !== 0) process.exitCode = code;
	},
	(error: unknown) => {
		console.error(`The feedback merge stopped: ${(error as Error).message ?? String(error)}`);
		process.exitCode = 1;
	},
);
