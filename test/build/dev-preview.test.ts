/** `npm run dev` previews plans unencrypted, and says so on every page. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PORT = 4399;
// Where a build would publish; the preview must never write there.
const DIST = join(mkdtempSync(join(tmpdir(), 'mapsite-dev-')), 'dist');

describe('the dev preview', () => {
	let server: ChildProcess;

	beforeAll(async () => {
		// Vitest's own variables (NODE_ENV=test, VITEST*) change how Astro's dev server starts.
		const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAP_') && !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
		server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
			cwd: ROOT,
			env: { ...env, MAP_TODAY: '2026-11-23', MAPSITE_DIST: DIST, MAPSITE_SECRETS: join(ROOT, 'test', 'no-such-secrets.json') },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		// Drain the output so a full pipe never stalls the server; keep it for the failure message.
		let output = '';
		server.stdout?.on('data', (chunk) => (output += chunk));
		server.stderr?.on('data', (chunk) => (output += chunk));
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			const response = await fetch(`http://127.0.0.1:${PORT}/harbor-lightweight/`).catch(() => undefined);
			if (response?.ok) return;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`astro dev did not serve the preview within 60 s:\n${output}`);
	});

	afterAll(() => {
		server?.kill();
	});

	test('shows the plan readable behind a visible "Preview, not gated" banner', async () => {
		const html = await (await fetch(`http://127.0.0.1:${PORT}/harbor-lightweight/`)).text();
		expect(html).toContain('Preview, not gated');
		expect(html).toContain('Harbor Bikes');
	});

	test('writes nothing where a build publishes, so a preview cannot be deployed', async () => {
		await fetch(`http://127.0.0.1:${PORT}/harbor-lightweight/plan/`);
		expect(existsSync(DIST)).toBe(false);
	});
});
