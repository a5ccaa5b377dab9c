/**
 * `npm run mutation [-- --module <name>]...`: runs StrykerJS (stryker.config.mjs) over the
 * safety-critical modules, or only the named ones, then prints the mutation score of each module.
 * Exits 1 when Stryker fails or a module scores below the floor. docs/mutation.md has the figures.
 */
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MUTATION_MODULES, MUTATION_SCORE_FLOOR } from '../tools/mutation/modules.ts';
import { formatModuleScores, MutationReportSchema, scoreModules, findModulesBelowFloor } from '../tools/mutation/summarize.ts';

const USAGE = `Usage: npm run mutation [-- --module <name> (repeatable)] [--concurrency <test processes>]\nModules: ${MUTATION_MODULES.map((module) => module.name).join(', ')}`;
// The package exports only its API and package.json, so its command is found next to the latter.
const STRYKER = fileURLToPath(new URL('bin/stryker.js', import.meta.resolve('@stryker-mutator/core/package.json')));
const REPORT = 'reports/mutation/mutation.json';

let values: { module?: string[]; concurrency?: string; help?: boolean };
try {
	({ values } = parseArgs({ options: { module: { type: 'string', multiple: true }, concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
} catch (error) {
	console.error(`${(error as Error).message}\n${USAGE}`);
	process.exit(1);
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
const unknown = (values.module ?? []).filter((name) => !MUTATION_MODULES.some((module) => module.name === name));
if (unknown.length > 0) {
	console.error(`No module named ${unknown.map((name) => JSON.stringify(name)).join(', ')}.\n${USAGE}`);
	process.exit(1);
}
// On a shared machine one test process leaves the other core free (stryker.config.mjs uses two).
if (values.concurrency !== undefined && !/^[1-9]\d*$/.test(values.concurrency)) {
	console.error(`--concurrency takes a whole number of test processes, 1 or more; got ${JSON.stringify(values.concurrency)}.\n${USAGE}`);
	process.exit(1);
}
const concurrency = values.concurrency === undefined ? [] : ['--concurrency', values.concurrency];
const chosen = values.module?.length ? MUTATION_MODULES.filter((module) => values.module!.includes(module.name)) : MUTATION_MODULES;
// A run of some modules keeps its own incremental file, so it never drops the full run's results.
const subset = chosen.length < MUTATION_MODULES.length ? ['--mutate', chosen.flatMap((module) => module.mutate).join(','), '--incrementalFile', `reports/incremental/${chosen.map((module) => module.name).join('+')}.json`] : [];
// A report left by an earlier run must never be read as this run's (say, when this one is interrupted).
await rm(REPORT, { force: true });
const started = performance.now();
const run = spawnSync(process.execPath, [STRYKER, 'run', ...subset, ...concurrency], { stdio: 'inherit' });
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
let text: string;
try {
	text = await readFile(REPORT, 'utf8');
} catch {
	console.error(`Stryker wrote no report (${REPORT}); its output above says why.`);
	process.exit(1);
}
const scores = scoreModules(MutationReportSchema.parse(JSON.parse(text)), chosen);
console.log(`\nMutation score per module (${minutes} min):\n${formatModuleScores(scores, MUTATION_SCORE_FLOOR)}`);
process.exit(run.status !== 0 || findModulesBelowFloor(scores, MUTATION_SCORE_FLOOR).length > 0 ? 1 : 0);
