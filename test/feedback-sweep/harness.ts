/**
 * The real merge path for the sweep: a temp folder of plans, the fake GitHub over HTTP, and
 * `scripts/feedback.ts` run as a child process with the real Octokit inside it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { checkPlanSource } from '../../src/lib/check/index.ts';
import { FEEDBACK_FIELD_IDS, readFormFields, type FeedbackFieldId } from '../../src/lib/feedback/form-fields.ts';
import type { Plan } from '../../src/schema/plan.ts';
import { FAKE_GITHUB_TOKEN, type FakeGitHub } from '../github/fake-github.ts';
import { BODY, PLAN } from '../lib/feedback/merge/fixture.ts';

/** The issue form's YAML, as the script reads it. */
export const TEMPLATE = readFileSync(new URL('../../.github/ISSUE_TEMPLATE/plan-feedback.yml', import.meta.url), 'utf8');
/** The login the runs trust, standing in for the relay's bot. */
export const BOT = 'relay-bot';
/** Every plan starts as the merge fixture: a valid plan with comments and a Markdown body. */
export { BODY, PLAN };

const NODE = Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../scripts/feedback.ts', import.meta.url));
const LABELS = new Map(readFormFields(TEMPLATE).map((field) => [field.id, field.label]));

/** What a person typed into each field of GitHub's form; a field left out is rendered as `_No response_`. */
export type RawFields = Partial<Record<FeedbackFieldId, string>>;

/** Writes the body GitHub renders for a submitted form, with the values exactly as typed (no escaping). */
export function writeRawBody(fields: RawFields, eol = '\n'): string {
	return FEEDBACK_FIELD_IDS.map((id) => `### ${LABELS.get(id)}${eol}${eol}${fields[id] ?? '_No response_'}${eol}${eol}`).join('');
}

/** The outcome of one run of the script. */
export interface RunResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** A temp folder holding `plans/`, removed by `remove`. */
export interface PlansFolder {
	dir: string;
	write(slug: string, source?: string): Promise<void>;
	read(slug: string): Promise<string>;
	/** Every file in `plans/`, temporary files included, sorted. */
	list(): Promise<string[]>;
	run(github: FakeGitHub, args?: string[], env?: Record<string, string>): Promise<RunResult>;
	remove(): Promise<void>;
}

/** Makes an empty plans folder in a new temp directory. */
export async function createPlansFolder(): Promise<PlansFolder> {
	const dir = await mkdtemp(join(tmpdir(), 'mapsite-sweep-'));
	await mkdir(join(dir, 'plans'));
	return {
		dir,
		write: (slug, source = PLAN) => writeFile(join(dir, 'plans', `${slug}.mdx`), source),
		read: (slug) => readFile(join(dir, 'plans', `${slug}.mdx`), 'utf8'),
		list: async () => (await readdir(join(dir, 'plans'))).sort(),
		// Async, not spawnSync: a blocked event loop would stop the fake GitHub in this process answering.
		async run(github, args = ['--apply'], env = {}) {
			const child = spawn(NODE, [SCRIPT, '--plans', 'plans', ...args], {
				cwd: dir,
				env: {
					...process.env,
					GITHUB_TOKEN: FAKE_GITHUB_TOKEN,
					GITHUB_REPOSITORY: 'acme/plans',
					GITHUB_API_URL: github.url,
					MAP_FEEDBACK_TRUSTED: BOT,
					...env,
				},
			});
			let stdout = '';
			let stderr = '';
			child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
			child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
			const [status] = (await once(child, 'close')) as [number | null];
			return { status, stdout, stderr };
		},
		remove: () => rm(dir, { recursive: true, force: true }),
	};
}

/**
 * Asserts that a plan file is whole after a merge: it passes every check `npm run check` makes,
 * its Markdown body is byte for byte the fixture's, and it records exactly `applied`.
 */
export function expectWholePlan(source: string, applied: number[]): Plan {
	const { plan, problems } = checkPlanSource('plans/x.mdx', source);
	expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
	expect(source.endsWith(`\n---\n${BODY}`)).toBe(true);
	expect(plan?.feedback.applied).toEqual(applied);
	return plan!;
}

/** The requests a run sent that change something on GitHub. */
export function listWrites(github: FakeGitHub): string[] {
	return github.requests.filter((request) => !request.startsWith('GET'));
}
