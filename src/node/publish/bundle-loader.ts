/** Bundles the browser loader (src/client/gate.ts) once per build, with search and feedback split into chunks loaded on use. */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const LOADER = fileURLToPath(new URL('../../client/gate.ts', import.meta.url));

/** The loader's files under `_mapsite/`: the entry (`fileName`) and its chunks, all content-hashed. */
export async function bundleGateLoader(): Promise<{ fileName: string; code: string; files: Map<string, string> }> {
	const result = await build({
		entryPoints: { gate: LOADER },
		bundle: true,
		format: 'esm',
		splitting: true,
		target: 'es2022',
		minify: true,
		write: false,
		outdir: '/_mapsite',
		entryNames: '[name]-[hash]',
		chunkNames: 'chunk-[hash]',
		sourcemap: false,
		logLevel: 'silent',
	});
	const files = new Map(result.outputFiles.map((file) => [file.path.slice('/_mapsite/'.length), file.text]));
	const [fileName, code] = [...files].find(([name]) => name.startsWith('gate-'))!;
	return { fileName, code, files };
}
