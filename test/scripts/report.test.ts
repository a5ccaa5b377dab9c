import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ReportSchema } from '../../src/schema/report.ts';
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

	test('prints the overview as JSON in the documented format with --json, and nothing else on stdout', () => {
		const result = runScript('report.ts', ['--json'], ROOT, { MAP_TODAY: '2026-11-25' });
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const report = ReportSchema.parse(JSON.parse(result.stdout));
		expect(report.today).toBe('2026-11-25');
		expect(report.plans.map((plan) => plan.slug)).toEqual(['harbor-lightweight', 'meridian-closed-won', 'northwind-data-platform', 'sinar-pangan-gudang']);
		const northwind = report.plans.find((plan) => plan.slug === 'northwind-data-platform')!;
		expect(northwind.late.length + northwind.atRisk.length + northwind.blocked.length).toBeGreaterThan(0);
		expect(northwind.decision?.chain.length).toBeGreaterThan(0);
	});

	test('refuses an unknown option with the usage', () => {
		const result = runScript('report.ts', ['--jsn'], ROOT);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Usage: npm run report [-- <plans dir>] [-- --json]');
	});
});
