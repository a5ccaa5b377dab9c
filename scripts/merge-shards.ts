/**
 * `npm run merge-shards -- <out> <shard-dist>...`: joins the outputs of `MAPSITE_SHARD=i/n npm run build`
 * jobs into one deployable site. See docs/deploy.md.
 */
import { mergeShards } from '../src/node/merge-shards.ts';

const [outDir, ...shards] = process.argv.slice(2);
if (!outDir || shards.length === 0) {
	console.error('Usage: npm run merge-shards -- <output folder> <shard dist folder>...\n    e.g. npm run merge-shards -- dist shards/1 shards/2 shards/3');
	process.exit(1);
}
try {
	const result = await mergeShards(outDir, shards);
	console.log(`Merged ${shards.length} shards into ${outDir}/: ${result.files} files (${result.shared} generic files shared by several shards).`);
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
