import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/messages/en.ts';
import { checkPlanSource } from '../../src/lib/check/index.ts';
import { encodeBase64Url } from '../../src/lib/crypto/encoding.ts';
import { composeFeedbackEmail, type FeedbackEmailSettings } from '../../src/lib/feedback/email/compose-email.ts';
import { deriveFeedbackEmailKey } from '../../src/lib/feedback/email/email-key.ts';
import { describeChange, PLAN } from '../lib/feedback/merge/fixture.ts';

const NODE = Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../scripts/feedback.ts', import.meta.url));
const SECRET = new Uint8Array(32).fill(5);
const SITE_SECRET = encodeBase64Url(SECRET);

let dir: string;

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'mapsite-from-email-'));
	await mkdir(join(dir, 'plans'));
	await writeFile(join(dir, 'plans', 'northwind.mdx'), PLAN);
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

function runFeedback(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
	// No GitHub settings at all: applying an email needs only the site secret.
	const { GITHUB_TOKEN: _token, GITHUB_REPOSITORY: _repo, MAP_SITE_SECRET: _secret, ...env } = process.env;
	const result = spawnSync(NODE, [SCRIPT, '--plans', 'plans', ...args], {
		cwd: dir,
		encoding: 'utf8',
		input: options.input,
		env: { ...env, MAPSITE_SECRETS: join(dir, 'none.json'), MAP_SITE_SECRET: SITE_SECRET, ...options.env },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function writeEmail(values: Record<string, string>, secret = SECRET): Promise<string> {
	const settings: FeedbackEmailSettings = {
		key: await deriveFeedbackEmailKey(secret, 'northwind', 1),
		keyVersion: 1,
		locale: 'en',
		planTitle: 'Northwind x Acme',
		controls: { done: 'Mark done', 'new-date': 'Propose new date', comment: 'Comment', 'new-action': 'Suggest an action', 'new-risk': 'Flag a risk' },
		words: en.feedbackEmail,
	};
	const email = await composeFeedbackEmail(settings, { values: { deal: 'northwind', kind: 'new-date', ...values }, actionTitle: 'Legal review', today: '2026-05-04' });
	return email.body;
}

const readPlan = () => readFile(join(dir, 'plans', 'northwind.mdx'), 'utf8');

describe('npm run feedback -- --from-email', () => {
	test('applies a saved email: one changed due line and its dateChanges entry, written atomically', async () => {
		await writeFile(join(dir, 'email.txt'), await writeEmail({ action: 'legal-review', date: '2026-06-05', from: 'Ana Buyer', message: 'Our counsel is out.' }));
		const result = runFeedback(['--from-email', 'email.txt']);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatchInlineSnapshot(`
			"plans/northwind.mdx
			  Moved "legal-review" from 2026-06-01 to 2026-06-05 (Ana Buyer: "Our counsel is out.").
			Review the change (git diff), then commit it to publish.
			"
		`);
		const after = await readPlan();
		expect(describeChange(PLAN, after)).toMatchInlineSnapshot(`
			"-     due: 2026-06-01
			+     due: 2026-06-05
			+     dateChanges:
			+       - on: 2026-05-04
			+         from: 2026-06-01
			+         to: 2026-06-05
			+         reason: "Our counsel is out."
			+         by: "Ana Buyer"
			+ feedback:
			+   emails:
			+     - doeZbtmj-7tnJNpcDgTmYn"
		`);
		expect(checkPlanSource('plans/northwind.mdx', after).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
		expect(await readdir(join(dir, 'plans'))).toEqual(['northwind.mdx']);
	});

	test('reads a pasted, quoted email from standard input, and applies it only once', async () => {
		const quoted = (await writeEmail({ action: 'legal-review', date: '2026-06-05', from: 'Ana Buyer' })).split('\n').map((line) => `> ${line}`).join('\r\n');
		const first = runFeedback(['--from-email', '-'], { input: `Forwarded:\n${quoted}` });
		expect(first.status).toBe(0);
		const once = await readPlan();
		const again = runFeedback(['--from-email', '-'], { input: `Forwarded:\n${quoted}` });
		expect(again).toEqual({ status: 0, stdout: 'plans/northwind.mdx: this email is already in the plan; nothing was changed.\n', stderr: '' });
		expect(await readPlan()).toBe(once);
	});

	test('refuses an edited email, saying the plan is unchanged', async () => {
		const body = await writeEmail({ action: 'legal-review', date: '2026-06-05', from: 'Ana Buyer' });
		const edited = body.replace(/(FEEDBACK-----\n)(.)/, (_all, head: string, char: string) => head + (char === 'e' ? 'f' : 'e'));
		const result = runFeedback(['--from-email', '-'], { input: edited });
		expect(result.status).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^the pasted email was not applied:\n {2}The block/);
		expect(await readPlan()).toBe(PLAN);
	});

	test('refuses an email signed by another site', async () => {
		await writeFile(join(dir, 'email.txt'), await writeEmail({ action: 'legal-review', date: '2026-06-05', from: 'Ana Buyer' }, new Uint8Array(32).fill(6)));
		const result = runFeedback(['--from-email', 'email.txt']);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"email.txt was not applied:
			  The block's signature does not match plans/northwind.mdx: the block was edited after the site wrote it, or it comes from another site (another site secret). Nothing was applied; if you trust the sender, ask them to send it again from the plan's site.
			"
		`);
		expect(await readPlan()).toBe(PLAN);
	});

	test('refuses feedback the plan cannot take, with the merge\'s own reason', async () => {
		await writeFile(join(dir, 'email.txt'), await writeEmail({ action: 'no-such-step', date: '2026-06-05', from: 'Ana Buyer' }));
		const result = runFeedback(['--from-email', 'email.txt']);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"email.txt was not applied; plans/northwind.mdx is unchanged:
			  The plan "northwind" has no action "no-such-step"; its actions are legal-review, sign.
			"
		`);
	});

	test('says how to give the site secret when there is none', async () => {
		await writeFile(join(dir, 'email.txt'), await writeEmail({ action: 'legal-review', date: '2026-06-05', from: 'Ana Buyer' }));
		const result = runFeedback(['--from-email', 'email.txt'], { env: { MAP_SITE_SECRET: '' } });
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"No site secret, so the email's signature cannot be checked. Set MAP_SITE_SECRET, or add "siteSecret" to mapsite.secrets.json: the secret the site is built with.
			"
		`);
	});
});
