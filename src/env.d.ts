/// <reference types="astro/client" />

// Plain `tsc` cannot read .astro files; the Astro language server types them precisely, and this
// fallback lets `tsc --noEmit` check the TypeScript that imports them.
declare module '*.astro' {
	const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
	export default Component;
}
