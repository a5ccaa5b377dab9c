/**
 * Pagefind's generic browser runtime (pagefind.js and one WebAssembly file per language), which
 * every deal shares and which mapsite publishes once, in the clear, under `/_mapsite/pagefind/`.
 * It is taken from an index of one placeholder record per language, so no deal text can reach
 * it; the test compares it byte for byte with the runtime a real deal's index produces.
 */
import { SUPPORTED_LOCALES } from '../../i18n/locale.ts';
import { throwOnPagefindErrors, withPagefindIndex } from './pagefind-service.ts';
import { isLoadedRuntimeFile } from './runtime-files.ts';

/** One public runtime file, by its name under the runtime folder. */
export interface RuntimeFile {
	name: string;
	bytes: Uint8Array;
}

/** Where the runtime is published; the client's `runtimeUrl` is `${PAGEFIND_RUNTIME_DIR}pagefind.js`. */
export const PAGEFIND_RUNTIME_DIR = '/_mapsite/pagefind/';

const WHAT = 'get the Pagefind runtime';

/** The runtime files for `languages` (default: every language the site speaks), sorted by name. */
export async function getPagefindRuntime(languages: readonly string[] = SUPPORTED_LOCALES): Promise<RuntimeFile[]> {
	const found = await withPagefindIndex(WHAT, {}, async (index) => {
		// One placeholder per language makes Pagefind hand back that language's stemmer wasm.
		for (const language of languages) {
			const added = await index.addCustomRecord({ url: `/${language}/`, content: 'placeholder', language, meta: { title: 'placeholder' } });
			throwOnPagefindErrors(WHAT, `add a ${language} record`, added.errors);
		}
		const output = await index.getFiles();
		throwOnPagefindErrors(WHAT, 'produce the runtime files', output.errors);
		return output.files.filter((file) => isLoadedRuntimeFile(file.path));
	});
	if (!found.some((file) => file.path === 'pagefind.js')) throw new Error(`Failed to ${WHAT}: Pagefind handed back no pagefind.js.`);
	return found.map((file) => ({ name: file.path, bytes: new Uint8Array(file.content) })).sort((a, b) => a.name.localeCompare(b.name));
}
