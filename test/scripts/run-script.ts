import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Scripts are TypeScript run by Node's type stripping, which needs Node 23.6 or later.
const NODE =
	Number(process.versions.node.split('.')[0]) >= 24
		? process.execPath
		: fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

/** Runs `scripts/<name>` in `cwd` (with extra `env`) and returns its exit code and output. */
export function runScript(
	name: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
	const script = fileURLToPath(new URL(`../../scripts/${name}`, import.meta.url));
	const result = spawnSync(NODE, [script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
