import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { planCheck } from '../../src/integrations/plan-check.ts';

const EXAMPLE = new URL('../../plans/harbor-lightweight.mdx', import.meta.url);

async function makeProject(planSource: string): Promise<URL> {
	const root = await mkdtemp(join(tmpdir(), 'mapsite-plan-check-'));
	await mkdir(join(root, 'plans'));
	await writeFile(join(root, 'plans', 'harbor.mdx'), planSource);
	return pathToFileURL(`${root}/`);
}

async function runSetup(root: URL, strict = false, command = 'build') {
	const logged: string[] = [];
	const logger = { warn: (text: string) => logged.push(`warn ${text}`), error: (text: string) => logged.push(`error ${text}`) };
	const hook = planCheck({ strict }).hooks['astro:config:setup']!;
	// The hook reads only the command, the project root and the logger.
	const run = () => (hook as (options: unknown) => Promise<void>)({ command, config: { root }, logger });
	return { run, logged };
}

describe('planCheck', () => {
	test('lets a valid plan through without a word', async () => {
		const { run, logged } = await runSetup(await makeProject(await readFile(EXAMPLE, 'utf8')));
		await expect(run()).resolves.toBeUndefined();
		expect(logged).toEqual([]);
	});

	test('stops the build before anything is written and logs the same problem text as npm run check', async () => {
		const source = (await readFile(EXAMPLE, 'utf8')).replace('status: todo', 'status: finished');
		const { run, logged } = await runSetup(await makeProject(source));
		await expect(run()).rejects.toThrowErrorMatchingInlineSnapshot(`[Error: 1 problem in plans/ (listed above); nothing was built. Fix them and build again, or run \`npm run check\`.]`);
		expect(logged).toHaveLength(1);
		expect(logged[0]).toMatch(/^error plans\/harbor\.mdx:\d+: actions\[\d+\] \([a-z0-9-]+\)\.status must be one of: todo, in-progress, done, blocked\. Received: "finished"\./);
	});

	test('fails on warnings only when strict', async () => {
		const source = (await readFile(EXAMPLE, 'utf8')).replace(/primary: "?#[0-9a-fA-F]{6}"?/, 'primary: "#ffdd00"');
		const lenient = await runSetup(await makeProject(source));
		await expect(lenient.run()).resolves.toBeUndefined();
		expect(lenient.logged.some((line) => line.startsWith('warn '))).toBe(true);
		const strict = await runSetup(await makeProject(source), true);
		await expect(strict.run()).rejects.toThrow(/nothing was built/);
	});

	test('refuses to build a plan that still holds a template placeholder, naming it, but lets the dev server show it', async () => {
		const source = (await readFile(EXAMPLE, 'utf8')).replace('name: Jo Marsh', 'name: "[[Jo Marsh]]"');
		const build = await runSetup(await makeProject(source));
		await expect(build.run()).rejects.toThrowErrorMatchingInlineSnapshot(`[Error: 1 problem in plans/ (listed above); nothing was built. Text in [[…]] is a template placeholder: write the real content in its place. Fix them and build again, or run \`npm run check\`.]`);
		expect(build.logged).toHaveLength(1);
		expect(build.logged[0]).toMatch(/^error plans\/harbor\.mdx:\d+: stakeholders\[0\]\.name still holds the placeholder "\[\[Jo Marsh\]\]"\./);
		const dev = await runSetup(await makeProject(source), false, 'dev');
		await expect(dev.run()).resolves.toBeUndefined();
		expect(dev.logged[0]).toMatch(/^warn plans\/harbor\.mdx:\d+: warning: stakeholders\[0\]\.name still holds/);
	});
});
