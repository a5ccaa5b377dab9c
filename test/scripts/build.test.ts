import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runScript } from './run-script.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run build flags', () => {
	test('--deal with an unknown plan names it, lists the known ones and exits 1 without a stack trace', async () => {
		const dist = join(await mkdtemp(join(tmpdir(), 'mapsite-build-flags-')), 'dist');
		const result = runScript('build.ts', ['--deal', 'nope'], ROOT, { MAPSITE_DIST: dist });
		expect(result.status).toBe(1);
		expect(result.stderr + result.stdout).toContain('--deal (MAPSITE_DEALS) names "nope", which is not a plan in plans/. Known plans: harbor-lightweight');
		expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
		// Astro's own "unhandled error ... hook" banner would make a rep's typo read like a crash.
		expect(result.stderr + result.stdout).not.toContain('unhandled error');
	}, 120_000);

	test('an unknown flag prints the usage', () => {
		const result = runScript('build.ts', ['--dael', 'x'], ROOT);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Usage: npm run build');
	});

	test('--shard must be i/n', async () => {
		const result = runScript('build.ts', ['--shard', '3/2'], ROOT, { MAPSITE_DIST: join(await mkdtemp(join(tmpdir(), 'mapsite-build-flags-')), 'dist') });
		expect(result.status).toBe(1);
		expect(result.stderr + result.stdout).toContain('MAPSITE_SHARD "3/2" is not a shard such as 1/4');
	}, 120_000);
});
