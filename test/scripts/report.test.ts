import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runScript } from './run-script.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run report', () => {
	test('reports every bundled example plan with its progress, decision and health', () => {
		const result = runScript('report.ts', [], ROOT);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('4 plans as of');
		for (const slug of ['northwind-data-platform', 'harbor-lightweight', 'meridian-closed-won', 'sinar-pangan-gudang']) {
			expect(result.stdout).toMatch(new RegExp(`^${slug}: `, 'm'));
		}
		expect(result.stdout).toContain('progress     7 of 7 done, 100%');
	});

	test('refuses a MAP_TODAY that is not a real date, without a stack trace', () => {
		const result = runScript('report.ts', [], ROOT, { MAP_TODAY: '2026-02-30' });
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"MAP_TODAY "2026-02-30" is not a real date written as YYYY-MM-DD.
			    Set it like MAP_TODAY=2026-11-23, or unset it to use today's date.
			"
		`);
	});
});
