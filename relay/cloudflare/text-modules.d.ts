/** wrangler.toml's Text rule bundles `.yml` files as their text. */
declare module '*.yml' {
	const text: string;
	export default text;
}
