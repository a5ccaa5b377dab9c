/**
 * Answers Pagefind's requests for a deal's index files from the decrypted archive in memory.
 * Pagefind's main-thread loader fetches every index file with the global `fetch`, so wrapping it
 * before the runtime loads is enough; the generic runtime (wasm) still comes from the network.
 */

/** Index files Pagefind may ask for; these never go to the network, whether the archive has them or not. */
const INDEX_FILE = /^(?:pagefind-entry\.json|.*\.pf_(?:meta|index|filter|fragment))$/;

/**
 * Wraps `globalThis.fetch` so that URLs under `runtimeDir` (e.g. `/_mapsite/pagefind/`) naming a
 * file of `files` are answered from memory. Returns a function that restores the previous fetch.
 */
export function installArchiveFetch(runtimeDir: string, files: ReadonlyMap<string, Uint8Array>): () => void {
	const original = globalThis.fetch;
	const wrapped: typeof fetch = (input, init) => {
		const name = findIndexFileName(input, runtimeDir);
		if (name === undefined) return original(input, init);
		const data = files.get(name);
		// A missing index file is answered here too: asking the host would only tell it what was searched.
		if (data === undefined) return Promise.resolve(new Response(null, { status: 404 }));
		const type = name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
		return Promise.resolve(new Response(data as Uint8Array<ArrayBuffer>, { status: 200, headers: { 'Content-Type': type } }));
	};
	globalThis.fetch = wrapped;
	return () => {
		if (globalThis.fetch === wrapped) globalThis.fetch = original;
	};
}

function findIndexFileName(input: RequestInfo | URL, runtimeDir: string): string | undefined {
	const text = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
	let url: URL;
	try {
		url = new URL(text, location.href);
	} catch {
		return undefined;
	}
	if (url.origin !== location.origin || !url.pathname.startsWith(runtimeDir)) return undefined;
	const name = decodeURIComponent(url.pathname.slice(runtimeDir.length));
	return INDEX_FILE.test(name) ? name : undefined;
}
