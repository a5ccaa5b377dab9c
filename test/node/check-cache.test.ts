import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkPlanSource, checkPlanSources, type PlanSource } from '../../src/lib/check/index.ts';
import { hashPlanSource, openCheckCache } from '../../src/node/check-cache.ts';
import { loadPlans } from '../../src/node/load-plans.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const examples = await loadPlans(join(ROOT, 'plans'), ROOT);
// A plan with problems: its warnings and errors must come back from the cache as they were found.
const broken: PlanSource = { file: 'plans/broken.mdx', source: examples[0].source.replace(/^title: .*$/m, 'title: ""').replace(/status: \w+/, 'status: nearly') };

let folder: string;
let file: string;
beforeEach(async () => {
	folder = await mkdtemp(join(tmpdir(), 'mapsite-check-cache-'));
	file = join(folder, 'cache', 'checks.json');
});
afterEach(async () => {
	await rm(folder, { recursive: true, force: true });
});

async function checkWithCache(sources: readonly PlanSource[], code = 'code-1') {
	const cache = await openCheckCache(file, code);
	const result = checkPlanSources(sources, { checkOne: cache.checkOne });
	await cache.save();
	return { result, stats: cache.stats };
}

describe('openCheckCache', () => {
	test('answers unchanged plans from the cache with exactly what checking them again gives', async () => {
		const sources = [...examples, broken];
		const first = await checkWithCache(sources);
		expect(first.stats).toEqual({ reused: 0, checked: sources.length });
		const second = await checkWithCache(sources);
		expect(second.stats).toEqual({ reused: sources.length, checked: 0 });
		expect(second.result).toEqual(checkPlanSources(sources));
		expect(second.result.problems.some((problem) => problem.file === 'plans/broken.mdx' && problem.severity === 'error')).toBe(true);
	});

	test('checks again a plan whose text changed, and only that one', async () => {
		await checkWithCache(examples);
		const edited = examples.map((source, index) => (index === 1 ? { ...source, source: `${source.source}\nOne more line.\n` } : source));
		const { result, stats } = await checkWithCache(edited);
		expect(stats).toEqual({ reused: examples.length - 1, checked: 1 });
		expect(result.plans[1]).toEqual(checkPlanSource(edited[1].file, edited[1].source));
	});

	test('checks every plan again under another code version', async () => {
		await checkWithCache(examples, 'code-1');
		expect((await checkWithCache(examples, 'code-2')).stats).toEqual({ reused: 0, checked: examples.length });
	});

	test('starts empty from a cache file that is not one, and replaces it', async () => {
		await checkWithCache(examples);
		await writeFile(file, '{"v":1,"code":"code-1","entries":{"x":{"file":1}}}');
		expect((await checkWithCache(examples)).stats.checked).toBe(examples.length);
		expect((await checkWithCache(examples)).stats.reused).toBe(examples.length);
	});

	test('keeps only the plans of the last build, keyed by file name and text', async () => {
		await checkWithCache(examples);
		await checkWithCache(examples.slice(0, 2));
		const stored = JSON.parse(await readFile(file, 'utf8'));
		expect(Object.keys(stored.entries).sort()).toEqual(examples.slice(0, 2).map(hashPlanSource).sort());
	});

	test('reports a slug used twice every time, without storing that problem with either plan', async () => {
		const twice = [examples[0], { ...examples[0], file: `plans/other/${examples[0].file.split('/').pop()}` }];
		for (let build = 0; build < 2; build++) {
			const { result } = await checkWithCache(twice);
			expect(result.problems.filter((problem) => problem.code === 'slug-duplicate')).toHaveLength(1);
		}
	});
});

describe('hashPlanSource', () => {
	test('differs for another file name, text or committed text', () => {
		const base = { file: 'plans/a.mdx', source: 'x' };
		const hashes = new Set([base, { ...base, file: 'plans/b.mdx' }, { ...base, source: 'y' }, { ...base, committedSource: 'x' }].map(hashPlanSource));
		expect(hashes.size).toBe(4);
	});
});
