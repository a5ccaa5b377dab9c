/** Bundles the browser loader (src/client/gate.ts) once per build. */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const LOADER = fileURLToPath(new URL('../../client/gate.ts', import.meta.url));

/** The loader as one minified ES module, and a content-hashed file name for it. */
export async function bundleGateLoader(): Promise<{ fileName: string; code: string }> {
	const result = await build({
		entryPoints: [LOADER],
		bundle: true,
		format: 'esm',
		target: 'es2022',
		minify: true,
		write: false,
		sourcemap: false,
		logLevel: 'silent',
	});
	const code = result.outputFiles[0].text;
	const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
	return { fileName: `gate-${hash}.js`, code };
}
