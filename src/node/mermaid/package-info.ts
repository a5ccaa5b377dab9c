/** Where an installed package lives and which version it is, without relying on its `exports`. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of an installed package, found the way Node would look for it from here. */
export function findPackageDir(name: string): string {
	// `require.resolve` honours `exports`, and beautiful-mermaid exports neither its package.json
	// nor a `require` entry, so the lookup walks the same node_modules folders by hand.
	for (const folder of require.resolve.paths(name) ?? []) {
		const dir = join(folder, name);
		if (existsSync(join(dir, 'package.json'))) return dir;
	}
	throw new Error(`Cannot find the package ${name}; run npm install.`);
}

/** The installed version of a package, read from its package.json. */
export function readPackageVersion(name: string): string {
	const manifest = JSON.parse(readFileSync(join(findPackageDir(name), 'package.json'), 'utf8')) as { version: string };
	return manifest.version;
}
