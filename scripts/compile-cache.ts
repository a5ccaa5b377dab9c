/**
 * Preloaded by the rep's commands (`node --import ./scripts/compile-cache.ts scripts/check.ts`, see
 * package.json): turns on Node's on-disk compile cache, so the second and later runs skip parsing,
 * type-stripping and compiling the project's and its libraries' modules (about a quarter of
 * `npm run check`'s run time on a 500-action plan; docs/performance.md). Node checks each cached
 * entry against the source's hash, so an edited file is compiled afresh.
 */
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

enableCompileCache(fileURLToPath(new URL('../.mapsite/cache/node-compile/', import.meta.url)));
