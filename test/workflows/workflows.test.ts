import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

/** The parts of a GitHub Actions workflow these checks read. */
interface Step {
	name?: string;
	uses?: string;
	run?: string;
	env?: Record<string, unknown>;
	with?: Record<string, unknown>;
}
interface Job {
	permissions?: unknown;
	steps?: Step[];
	uses?: string;
	env?: Record<string, unknown>;
	strategy?: { matrix?: Record<string, unknown> };
	needs?: string | string[];
	environment?: unknown;
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: unknown;
	concurrency?: { group?: string; 'cancel-in-progress'?: boolean } | string;
	env?: Record<string, unknown>;
	jobs: Record<string, Job>;
}

const FOLDER = new URL('../../.github/workflows/', import.meta.url);
const FILES = readdirSync(FOLDER).filter((name) => /\.ya?ml$/.test(name)).sort();

function readWorkflow(name: string): Workflow {
	return parse(readFileSync(new URL(name, FOLDER), 'utf8')) as Workflow;
}

function listSteps(workflow: Workflow): { job: string; step: Step }[] {
	return Object.entries(workflow.jobs).flatMap(([job, { steps = [] }]) => steps.map((step) => ({ job, step })));
}

/**
 * Every `${{ }}` inside a `run:` script, which the runner pastes into the shell before it runs:
 * issue text or a dispatch input there is code injection, and even trusted values are passed
 * through `env:` so the rule stays simple to check.
 */
function findExpressionsInRun(workflow: Workflow): string[] {
	return listSteps(workflow).flatMap(({ job, step }) =>
		[...(step.run ?? '').matchAll(/\$\{\{(.*?)\}\}/gs)].map((match) => `${job}/${step.name ?? step.uses ?? 'step'}: ${match[0]}`),
	);
}

// Official actions are trusted at a major tag; anything else must be pinned to a full commit, because tags move.
function findUnpinnedActions(workflow: Workflow): string[] {
	const uses = [...listSteps(workflow).map(({ step }) => step.uses), ...Object.values(workflow.jobs).map((job) => job.uses)];
	return uses.filter((ref): ref is string => {
		if (ref === undefined || ref.startsWith('./')) return false;
		if (ref.startsWith('docker://')) return !/@sha256:[0-9a-f]{64}$/.test(ref);
		if (/^[^@\s]+@[0-9a-f]{40}$/.test(ref)) return false;
		return !/^actions\/[\w.-]+@v\d+$/.test(ref);
	});
}

function findMissingPermissions(workflow: Workflow): string[] {
	return [
		...(workflow.permissions === undefined ? ['(workflow)'] : []),
		...Object.entries(workflow.jobs)
			.filter(([, job]) => job.permissions === undefined)
			.map(([name]) => name),
	];
}

function checkShellSyntax(script: string): string {
	const result = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
	return result.status === 0 ? '' : result.stderr;
}

const BAD = parse(`
on: { issues: { types: [opened] } }
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: peter-evans/create-pull-request@v7
      - uses: actions/checkout@main
      - uses: actions/checkout@v5
      - uses: someone/action@0123456789abcdef0123456789abcdef01234567
      - run: echo "\${{ github.event.issue.title }}"
      - env: { TITLE: '\${{ github.event.issue.title }}' }
        run: echo "$TITLE"
`) as Workflow;

describe('the workflow checks', () => {
	test('catch an issue title pasted into a shell, unpinned actions and missing permissions', () => {
		expect(findExpressionsInRun(BAD)).toEqual(['greet/step: ${{ github.event.issue.title }}']);
		expect(findUnpinnedActions(BAD)).toEqual(['peter-evans/create-pull-request@v7', 'actions/checkout@main']);
		expect(findMissingPermissions(BAD)).toEqual(['(workflow)', 'greet']);
		expect(checkShellSyntax('if then fi')).not.toBe('');
	});
});

describe.each(FILES)('.github/workflows/%s', (name) => {
	const workflow = readWorkflow(name);

	test('passes no expression into a run: script; values go through env:', () => {
		expect(findExpressionsInRun(workflow)).toEqual([]);
	});

	test('declares permissions for the workflow and for every job', () => {
		expect(findMissingPermissions(workflow)).toEqual([]);
		// Nothing is granted to every job at once; each job asks for what it uses.
		expect(workflow.permissions).toEqual({});
	});

	test('pins third-party actions to a full commit and official ones to a major version', () => {
		expect(findUnpinnedActions(workflow)).toEqual([]);
	});

	test('never runs on pull_request_target, which hands secrets to code from forks', () => {
		expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
	});

	test('has run: scripts that bash can parse', () => {
		const problems = listSteps(workflow)
			.filter(({ step }) => step.run !== undefined)
			.map(({ job, step }) => [`${job}/${step.name ?? 'step'}`, checkShellSyntax(step.run!)])
			.filter(([, error]) => error !== '');
		expect(problems).toEqual([]);
	});
});

describe('.github/workflows/feedback.yml', () => {
	const workflow = readWorkflow('feedback.yml');
	const steps = listSteps(workflow).map(({ step }) => step);

	test('runs on new and edited issues, on a schedule and by hand', () => {
		expect(workflow.on.issues).toMatchObject({ types: expect.arrayContaining(['opened', 'edited']) });
		expect(workflow.on.schedule).toEqual([{ cron: expect.any(String) }]);
		expect(workflow.on).toHaveProperty('workflow_dispatch');
	});

	test('queues runs in one concurrency group so two never write at once', () => {
		expect(workflow.concurrency).toEqual({ group: expect.any(String), 'cancel-in-progress': false });
	});

	test('applies the feedback with the merge script and opens a pull request', () => {
		const merge = steps.find((step) => step.run?.includes('npm run feedback -- --apply'));
		expect(merge?.env).toMatchObject({ GITHUB_TOKEN: '${{ github.token }}' });
		expect(steps.some((step) => step.run?.includes('gh pr create'))).toBe(true);
		expect(workflow.jobs.merge?.permissions).toEqual({ contents: 'write', issues: 'write', 'pull-requests': 'write' });
	});
});

describe('.github/workflows/deploy.yml', () => {
	const workflow = readWorkflow('deploy.yml');
	const build = workflow.jobs.build!;
	const steps = listSteps(workflow).map(({ step }) => step);

	test('runs on push to main, every day and by hand', () => {
		expect(workflow.on.push).toEqual({ branches: ['main'] });
		expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \*$/) }]);
		expect(workflow.on).toHaveProperty('workflow_dispatch');
	});

	test('builds a matrix of shards into dist-shard and merges them into dist', () => {
		const shards = build.strategy?.matrix?.shard as number[];
		expect(shards).toEqual(Array.from({ length: shards.length }, (_, index) => index + 1));
		expect(build.env).toMatchObject({ SHARDS: shards.length, MAPSITE_DIST: 'dist-shard', SHARD: '${{ matrix.shard }}' });
		expect(build.steps?.some((step) => step.run === 'MAPSITE_SHARD="$SHARD/$SHARDS" npm run build')).toBe(true);
		expect(steps.some((step) => step.run === 'npm run merge-shards -- dist dist-shard-*')).toBe(true);
	});

	test('takes secrets from GitHub secrets through env:, never all of them at once', () => {
		const text = readFileSync(new URL('deploy.yml', FOLDER), 'utf8');
		expect(text).not.toMatch(/toJSON\(\s*secrets\s*\)/i);
		expect(build.env).toMatchObject({ MAP_SITE_SECRET: '${{ secrets.MAP_SITE_SECRET }}' });
		const write = steps.find((step) => step.env?.MAPSITE_SECRETS_JSON !== undefined);
		expect(write?.env).toEqual({ MAPSITE_SECRETS_JSON: '${{ secrets.MAPSITE_SECRETS_JSON }}' });
	});

	test('writes each shard\'s deal addresses to the job summary with the links script\'s address-only mode, and nothing else there', () => {
		const summaries = (build.steps ?? []).filter((step) => step.run?.includes('GITHUB_STEP_SUMMARY'));
		expect(summaries.map((step) => step.run)).toEqual(['npm run -s links -- --summary --shard "$SHARD/$SHARDS" >> "$GITHUB_STEP_SUMMARY"']);
		const afterBuild = (build.steps ?? []).findIndex((step) => step.run?.includes('npm run build')) < (build.steps ?? []).indexOf(summaries[0]);
		expect(afterBuild).toBe(true);
		expect(steps.filter((step) => step.run?.includes('GITHUB_STEP_SUMMARY'))).toHaveLength(1);
	});

	test('keeps the key cache, and publishes with the official Pages actions', () => {
		expect(steps.find((step) => step.uses?.startsWith('actions/cache@'))?.with).toMatchObject({ path: '.mapsite/cache' });
		expect(steps.some((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))).toBe(true);
		expect(workflow.jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
		expect(workflow.jobs.deploy?.steps?.[0]?.uses).toMatch(/^actions\/deploy-pages@/);
	});
});
