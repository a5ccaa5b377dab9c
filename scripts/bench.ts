/**
 * `npm run bench [-- --deals 50,200] [--runs 3] [--skip-browser] [--quick] [--seed 1] [--keep]`: builds
 * synthetic deals in a scratch copy of the project and prints build time per phase, memory,
 * page weights and unlock times; with `--runs n`, the median of n runs and their spread. Figures
 * are printed, never judged; see docs/performance.md.
 */
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DEAL_COUNTS, parseDealCounts, parseRuns, parseSeed, QUICK_DEAL_COUNTS } from '../tools/bench/lib/options.ts';
import { formatRound, formatScaling } from '../tools/bench/lib/report.ts';
import { runBench } from '../tools/bench/node/run-bench.ts';

const TODAY = '2026-11-23';

let values;
let dealCounts: number[];
let seed: number;
let runs: number;
try {
	({ values } = parseArgs({
		options: {
			deals: { type: 'string' },
			quick: { type: 'boolean', default: false },
			'skip-browser': { type: 'boolean', default: false },
			seed: { type: 'string', default: '1' },
			tries: { type: 'string', default: '5' },
			runs: { type: 'string', default: '1' },
			keep: { type: 'boolean', default: false },
		},
	}));
	dealCounts = values.deals ? parseDealCounts(values.deals) : [...(values.quick ? QUICK_DEAL_COUNTS : DEFAULT_DEAL_COUNTS)];
	seed = parseSeed(values.seed);
	runs = parseRuns(values.runs);
} catch (error) {
	console.error((error as Error).message);
	console.error('Usage: npm run bench -- [--deals 50,200] [--runs 3] [--quick] [--skip-browser] [--seed 1] [--tries 5] [--keep]');
	process.exit(2);
}

const tries = Math.max(1, Number(values.tries) || 5);
console.log(`mapsite benchmark: seed ${seed}, MAP_TODAY ${TODAY}, Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM`);
console.log(`deal counts: ${dealCounts.join(', ')}${values.quick ? ' (--quick)' : ''}${runs > 1 ? `; median of ${runs} runs each` : ''}\n`);
const rounds = await runBench({
	projectRoot: fileURLToPath(new URL('..', import.meta.url)),
	dealCounts,
	seed,
	today: TODAY,
	skipBrowser: values['skip-browser'],
	browserTries: tries,
	runs,
	keep: values.keep,
	log: (line) => console.error(line),
	onRound: (round) => console.log(`${formatRound(round)}\n`),
});
if (rounds.length > 1) console.log(`== scaling ==\n${formatScaling(rounds)}`);
const failed = rounds.flatMap((round) => Object.entries(round.builds).filter(([, build]) => build?.error).map(([kind]) => `${round.deals} deals: ${kind}`));
if (failed.length > 0) {
	console.error(`\n${failed.length} build${failed.length === 1 ? '' : 's'} failed (${failed.join('; ')}); the figures above are incomplete.`);
	process.exitCode = 1;
}
