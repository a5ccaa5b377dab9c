/** Which of the files Pagefind hands back are its generic browser runtime rather than a site's index. */

/** The runtime a mapsite page loads: the search library and its WebAssembly, one per language. */
const LOADED_RUNTIME = /^(?:pagefind\.js|wasm\.[A-Za-z0-9_-]+\.pagefind)$/;
/** Everything else Pagefind ships for its own UIs, workers and highlighting; mapsite uses none of it. */
const UNUSED_RUNTIME = /^(?:pagefind-[a-z-]+\.(?:js|css)|playground\/.*)$/;

/** True for runtime files a mapsite page loads in the clear (pagefind.js, wasm.*.pagefind). */
export function isLoadedRuntimeFile(name: string): boolean {
	return LOADED_RUNTIME.test(name);
}

/** True for any runtime file (loaded or not), i.e. anything that is not part of a deal's index. */
export function isRuntimeFile(name: string): boolean {
	return LOADED_RUNTIME.test(name) || UNUSED_RUNTIME.test(name);
}
