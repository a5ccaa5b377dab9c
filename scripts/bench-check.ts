/**
 * `npm run bench:check [-- <actions>] [--write <file>]`: times checkPlanSource, the schedule with
 * float, and the whole `npm run check` command on a generated plan (default 500 actions) with both
 * sides' working calendars and people away. `--write <file>` only writes the plan, for profiling.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { checkPlanSource } from '../src/lib/check/index.ts';
import { addDays } from '../src/lib/dates.ts';
import { getPlanOverview } from '../src/lib/plan-overview.ts';

const RUNS = 9;

// Deterministic: every action depends on the one or two before it, so the graph is deep but acyclic.
function generatePlanSource(actionCount: number): string {
	const stakeholders = Array.from({ length: 20 }, (_, i) => ({
		id: `person-${i}`,
		name: `Person ${i}`,
		role: 'Evaluator',
		side: i % 2 === 0 ? 'buyer' : 'seller',
		...(i % 5 === 0 ? { away: [{ from: addDays('2026-01-01', 30 * i), to: addDays('2026-01-01', 30 * i + 14), note: 'Leave' }] } : {}),
	}));
	const milestones = Array.from({ length: 10 }, (_, i) => ({
		id: `milestone-${i}`,
		title: `Milestone ${i}`,
		due: addDays('2026-01-01', (i + 1) * Math.ceil(actionCount / 10) + 5),
	}));
	const actions = Array.from({ length: actionCount }, (_, i) => {
		const due = addDays('2026-01-01', i + 1);
		const status = i % 4 === 0 ? 'done' : 'todo';
		// Every 50th open step has its date still to agree.
		if (i % 50 === 7) return { id: `action-${i}`, title: `Action number ${i}`, side: 'buyer', owner: 'person-0', due: 'tbd', status: 'todo' };
		return {
			id: `action-${i}`,
			title: `Action number ${i}`,
			side: i % 2 === 0 ? 'buyer' : 'seller',
			owner: `person-${i % 20}`,
			start: addDays(due, -1),
			due,
			status,
			...(status === 'done' ? { completedOn: due } : {}),
			milestone: `milestone-${Math.min(9, Math.floor(i / Math.ceil(actionCount / 10)))}`,
			dependsOn: i === 0 ? [] : i === 1 ? ['action-0'] : [`action-${i - 1}`, `action-${i - 2}`],
			...(i % 10 === 0 ? { dateChanges: [{ on: '2026-01-01', from: addDays(due, -3), to: due, reason: 'Moved' }] } : {}),
		};
	});
	const plan = {
		title: 'Benchmark plan',
		buyer: { name: 'Northwind', calendar: { country: 'ID' } },
		seller: { name: 'Acme', calendar: { country: 'SG', closed: [{ from: '2026-12-21', to: '2027-01-01', note: 'Year-end freeze' }] } },
		brand: { primary: '#0b5fff', accent: '#ffcc00' },
		decisionDate: addDays('2026-01-01', actionCount + 10),
		status: 'active',
		objective: { shared: 'Measure the checker' },
		stakeholders,
		milestones,
		actions,
		checkins: [{ date: '2026-01-05', summary: 'Kickoff', attendees: ['person-0', 'person-1'] }],
	};
	return `---\n${stringify(plan, { lineWidth: 0 })}---\n\nBody.\n`;
}

const { values: options, positionals } = parseArgs({ options: { write: { type: 'string' } }, allowPositionals: true });
const count = Number(positionals[0] ?? 500);
const source = generatePlanSource(count);
if (options.write !== undefined) {
	await writeFile(options.write, source);
	console.log(`Wrote a ${count}-action plan to ${options.write}`);
	process.exit(0);
}
const times: number[] = [];
let problems = 0;
for (let run = 0; run < RUNS; run++) {
	const started = performance.now();
	problems = checkPlanSource('plans/bench.mdx', source).problems.length;
	times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(`checkPlanSource on ${count} actions (${source.split('\n').length} lines), ${RUNS} runs, ${problems} problems found`);
console.log(`median ${times[Math.floor(RUNS / 2)].toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms (first run included)`);
// The schedule as the site and the report compute it: statuses, projected decision and every float.
const plan = checkPlanSource('plans/bench.mdx', source).plan!;
const scheduleTimes: number[] = [];
for (let run = 0; run < RUNS; run++) {
	const started = performance.now();
	getPlanOverview(plan, '2026-03-01');
	scheduleTimes.push(performance.now() - started);
}
scheduleTimes.sort((a, b) => a - b);
console.log(`schedule with float (getPlanOverview): median ${scheduleTimes[Math.floor(RUNS / 2)].toFixed(1)} ms, max ${scheduleTimes.at(-1)!.toFixed(1)} ms`);

// The whole command as a rep runs it, against bare Node start-up measured in the same run, so
// the figure means something on a noisy machine.
const folder = await mkdtemp(join(tmpdir(), 'mapsite-bench-check-'));
await mkdir(join(folder, 'plans'));
await writeFile(join(folder, 'plans', 'bench.mdx'), source);
const checkScript = fileURLToPath(new URL('./check.ts', import.meta.url));
// As package.json runs it: with Node's compile cache preloaded (scripts/compile-cache.ts).
const compileCache = fileURLToPath(new URL('./compile-cache.ts', import.meta.url));
const timeCommand = (args: string[]): number => {
	const started = performance.now();
	spawnSync(process.execPath, args, { cwd: folder, stdio: 'ignore' });
	return performance.now() - started;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const baseline = median(Array.from({ length: 5 }, () => timeCommand(['-e', ''])));
// The first run fills the compile cache, as a rep's first check after an install does; the median is of the later ones.
const firstRun = timeCommand(['--import', compileCache, checkScript, '--plans', 'plans']);
const whole = median(Array.from({ length: 5 }, () => timeCommand(['--import', compileCache, checkScript, '--plans', 'plans'])));
console.log(
	`npm run check as a command: median ${whole.toFixed(0)} ms (first run, filling the compile cache, ${firstRun.toFixed(0)} ms); bare node start-up ${baseline.toFixed(0)} ms; ratio ${(whole / baseline).toFixed(1)}x`,
);
await rm(folder, { recursive: true, force: true });
