/** A plan's slug, the name its site and its commands go by. */

/** The slug of a plan file: its name without folders and without `.mdx`. */
export function getPlanSlug(file: string): string {
	const name = file.split(/[\\/]/).at(-1) ?? file;
	return name.replace(/\.mdx$/i, '');
}
