/**
 * Reads the last committed version (git `HEAD`) of plan files, so `npm run check` can tell a
 * `due` that moved since the commit. Outside a git repository, before the first commit, for a
 * new file or without git installed, there is simply no committed version.
 */
import { spawn } from 'node:child_process';
import { sep } from 'node:path';

/**
 * The `HEAD` text of each of `files` (paths relative to `cwd`) that git has committed, keyed by
 * the path as given. Never throws for a missing repository, commit or file: those are absent.
 */
export async function readCommittedSources(files: readonly string[], cwd = process.cwd()): Promise<Map<string, string>> {
	const found = new Map<string, string>();
	if (files.length === 0) return found;
	// `HEAD:./path` is read relative to `cwd`, so no repository root needs finding first.
	const blobs = await readBlobs(files.map((file) => `HEAD:./${file.split(sep).join('/')}`), cwd);
	files.forEach((file, index) => {
		const text = blobs[index];
		if (text !== undefined) found.set(file, text);
	});
	return found;
}

// One `git cat-file --batch` for all plans rather than one `git show` each: a team's repository
// holds hundreds of plans. Each answer is "<sha> blob <bytes>\n<content>\n" or "<name> missing\n";
// outside a repository git prints nothing to stdout and exits non-zero, which leaves every answer absent.
function readBlobs(names: readonly string[], cwd: string): Promise<(string | undefined)[]> {
	return new Promise((done) => {
		const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
		const chunks: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.on('error', () => done(names.map(() => undefined)));
		// Outside a repository git exits before reading its input; the broken pipe is expected.
		child.stdin.on('error', () => {});
		child.on('close', () => done(parseBatch(Buffer.concat(chunks), names.length)));
		// Names with a line break cannot be asked for in batch mode; they are asked as an empty name, which git reports missing.
		child.stdin.end(names.map((name) => (name.includes('\n') ? '' : name)).join('\n') + '\n');
	});
}

function parseBatch(output: Buffer, count: number): (string | undefined)[] {
	const texts: (string | undefined)[] = [];
	let at = 0;
	for (let index = 0; index < count; index++) {
		const end = output.indexOf(0x0a, at);
		if (end === -1) break;
		const header = output.subarray(at, end).toString('utf8').split(' ');
		at = end + 1;
		if (header.length !== 3 || header[1] !== 'blob') {
			texts.push(undefined);
			continue;
		}
		const size = Number(header[2]);
		texts.push(output.subarray(at, at + size).toString('utf8'));
		at += size + 1;
	}
	while (texts.length < count) texts.push(undefined);
	return texts;
}
