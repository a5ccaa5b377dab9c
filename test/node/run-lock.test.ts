import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockedError } from '../../src/node/run-lock.ts';

describe('acquireLock', () => {
	it('lets one holder in at a time and frees the lock on release', async () => {
		const path = join(await mkdtemp(join(tmpdir(), 'mapsite-lock-')), 'locks', 'a.lock');
		const release = await acquireLock(path, 'feedback merge');
		await expect(acquireLock(path, 'feedback merge')).rejects.toThrow(LockedError);
		await expect(acquireLock(path, 'feedback merge')).rejects.toThrow(/Another feedback merge is running \(process \d+/);
		await release();
		await (await acquireLock(path, 'feedback merge'))();
	});

	it('of two racing callers exactly one wins', async () => {
		const path = join(await mkdtemp(join(tmpdir(), 'mapsite-lock-')), 'b.lock');
		const results = await Promise.allSettled([acquireLock(path, 'x'), acquireLock(path, 'x')]);
		expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
	});

	it('takes over a lock left by a process that has died', async () => {
		const path = join(await mkdtemp(join(tmpdir(), 'mapsite-lock-')), 'c.lock');
		const child = spawn(process.execPath, ['-e', '0']);
		const pid = child.pid!;
		await new Promise((resolve) => child.on('exit', resolve));
		await writeFile(path, JSON.stringify({ pid, since: '2026-01-01T00:00:00Z' }));
		const release = await acquireLock(path, 'x');
		expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
		await release();
	});
});
