/**
 * A lock file so that two runs which write the same files never overlap. Created exclusively
 * (the file system decides the race); a lock left by a process that has died is taken over.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Thrown when another live process holds the lock. */
export class LockedError extends Error {}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Takes the lock at `path` for `what` (used in the message); resolves with its release function. */
export async function acquireLock(path: string, what: string): Promise<() => Promise<void>> {
	await mkdir(dirname(path), { recursive: true });
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			await writeFile(path, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: 'wx' });
			return () => rm(path, { force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = await readFile(path, 'utf8').then(
			(text) => JSON.parse(text) as { pid?: number; since?: string },
			() => ({}) as { pid?: number; since?: string },
		);
		if (typeof holder.pid === 'number' && isAlive(holder.pid)) {
			throw new LockedError(`Another ${what} is running (process ${holder.pid}, since ${holder.since ?? 'an unknown time'}), so this one changed nothing. Wait for it to finish, then run again.`);
		}
		// The holder died without cleaning up; its lock protects nothing any more.
		await rm(path, { force: true });
	}
	throw new LockedError(`Could not take the lock ${path} for ${what}; run again.`);
}
