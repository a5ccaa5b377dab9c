/** Sorts Astro's staged output into each deal's files and the shared assets beside them. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../site-files.ts';

/** The staged build, sorted: shared files (CSS, fonts), each deal's files, and the HTML of every deal page. */
export interface StagedFiles {
	/** Every staged path, relative with forward slashes. */
	all: string[];
	/** Paths outside any deal's folder; they carry no deal content (the leak scan checks that too). */
	shared: string[];
	/** Each deal's paths, by route id. */
	byDeal: Map<string, string[]>;
	/** The HTML of every deal page, by path. */
	dealPages: Map<string, string>;
}

/** Reads `stageDir` and sorts its files by the deal folder (route id) they sit in. */
export async function readStagedFiles(stageDir: string, routeIds: ReadonlySet<string>): Promise<StagedFiles> {
	const all = await listFiles(stageDir);
	const shared: string[] = [];
	const byDeal = new Map<string, string[]>();
	for (const path of all) {
		const routeId = path.split('/')[0];
		if (!routeIds.has(routeId)) shared.push(path);
		else byDeal.set(routeId, [...(byDeal.get(routeId) ?? []), path]);
	}
	const htmlPaths = [...byDeal.values()].flat().filter((path) => path.endsWith('.html'));
	const dealPages = new Map(await Promise.all(htmlPaths.map(async (path) => [path, await readFile(join(stageDir, path), 'utf8')] as const)));
	return { all, shared, byDeal, dealPages };
}
