/** Samples the resident memory of a process and all its descendants from Linux's /proc. */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

function readProcesses(): { pid: number; ppid: number; rssBytes: number }[] {
	const processes: { pid: number; ppid: number; rssBytes: number }[] = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// The command name may hold spaces and brackets, so fields are counted after its closing bracket.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			processes.push({ pid: Number(name), ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_BYTES });
		} catch {
			// The process ended between listing and reading.
		}
	}
	return processes;
}

/** Resident bytes of `rootPid` and its descendants now; 0 when /proc cannot be read. */
export function readTreeRss(rootPid: number): number {
	let processes: ReturnType<typeof readProcesses>;
	try {
		processes = readProcesses();
	} catch {
		return 0;
	}
	const children = new Map<number, number[]>();
	for (const process of processes) children.set(process.ppid, [...(children.get(process.ppid) ?? []), process.pid]);
	const rss = new Map(processes.map((process) => [process.pid, process.rssBytes]));
	let total = 0;
	const queue = [rootPid];
	while (queue.length > 0) {
		const pid = queue.pop()!;
		total += rss.get(pid) ?? 0;
		queue.push(...(children.get(pid) ?? []));
	}
	return total;
}

/** Samples the tree every `intervalMs` until stopped; `stop` returns the peak seen, or undefined without /proc. */
export function watchTreeRss(rootPid: number, intervalMs = 200): { stop: () => number | undefined } {
	let peak = 0;
	const sample = () => {
		peak = Math.max(peak, readTreeRss(rootPid));
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		stop: () => {
			clearInterval(timer);
			return peak > 0 ? peak : undefined;
		},
	};
}
